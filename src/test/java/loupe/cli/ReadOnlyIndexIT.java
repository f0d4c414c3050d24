package loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import loupe.Fixtures;
import loupe.Loupe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index directory nobody may write to (made immutable with {@code chattr +i}, which binds root
 * too): indexing fails with a clear message, searching still works, and the last commit is intact.
 */
class ReadOnlyIndexIT {

  @TempDir Path dir;

  @Test
  void indexingAReadOnlyIndexSaysWhyAndLeavesTheLastCommitSearchable() throws Exception {
    Path index = dir.resolve("index");
    try (Loupe loupe = Loupe.open(index)) {
      loupe.index(Fixtures.articles());
    }
    Path more = Files.writeString(dir.resolve("more.jsonl"), "{\"id\": \"new\", \"body\": \"Un article de plus.\"}\n");
    immutable(index, true);
    try {
      CommandLineIT.Run r = CommandLineIT.run("index", "--index", index.toString(), more.toString());
      assertEquals(1, r.status());
      assertTrue(r.err().contains(index.toString()), r.err());
      assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());

      CommandLineIT.Run search = CommandLineIT.run("search", "--index", index.toString(), "--json", "Poutine");
      assertEquals(0, search.status(), search.err());
      try (Loupe reader = Loupe.openReadOnly(index)) {
        assertEquals(Fixtures.articles().size(), reader.count());
        assertTrue(reader.find("new").isEmpty());
      }
    } finally {
      immutable(index, false);
    }
  }

  private static void immutable(Path dir, boolean on) throws IOException, InterruptedException {
    Process chattr;
    try {
      chattr = new ProcessBuilder("chattr", on ? "+i" : "-i", dir.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("chattr is not available here; cannot make a directory read-only for root");
      return;
    }
    String output = new String(chattr.getInputStream().readAllBytes());
    if (chattr.waitFor() != 0) {
      Assumptions.abort("chattr " + (on ? "+i" : "-i") + " failed on this file system: " + output);
    }
  }
}
