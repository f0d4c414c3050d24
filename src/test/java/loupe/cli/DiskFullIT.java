package loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import loupe.Fixtures;
import loupe.Loupe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during indexing (a 4 MB tmpfs, mounted for the test): the command says so in
 * one line and exits 1, and the index still opens with exactly its last commit.
 */
class DiskFullIT {

  @TempDir Path dir;

  @Test
  void fullDiskGivesAClearErrorAndKeepsTheLastCommit() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("disk"));
    mount(disk);
    try {
      Path index = disk.resolve("index");
      try (Loupe loupe = Loupe.open(index)) {
        loupe.index(Fixtures.articles());
      }
      Path big = dir.resolve("big.jsonl"); // outside the small disk
      java.util.Random random = new java.util.Random(42);
      try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
        // Random words compress badly: about 12 MB of text for a 4 MB disk.
        for (int i = 0; i < 30_000; i++) {
          StringBuilder body = new StringBuilder("Texte numéro ").append(i);
          for (int word = 0; word < 50; word++) {
            body.append(' ').append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36), 0, 7);
          }
          w.write("{\"id\": \"full-" + i + "\", \"body\": \"" + body + "\"}\n");
        }
      }
      CommandLineIT.Run r = CommandLineIT.run("index", "--index", index.toString(), big.toString());
      assertEquals(1, r.status(), r.out() + r.err());
      assertTrue(r.err().toLowerCase().contains("no space left"), r.err());
      assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
      try (Loupe reopened = Loupe.openReadOnly(index)) {
        assertEquals(Fixtures.articles().size(), reopened.count(), "exactly the last commit");
      }
    } finally {
      new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
    }
  }

  private static void mount(Path dir) throws IOException, InterruptedException {
    Process mount;
    try {
      mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", dir.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("no mount command: cannot simulate a full disk here");
      return;
    }
    String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (mount.waitFor() != 0) {
      Assumptions.abort("cannot mount a small tmpfs to simulate a full disk (needs root): " + output);
    }
  }
}
