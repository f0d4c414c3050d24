package loupe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loupe.Fixtures;
import loupe.Loupe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real indexing JVM with SIGKILL mid-run: the index must open afterwards with exactly the
 * previous commit, and running the same input again must complete it.
 */
class CrashRecoveryIT {

  private static final int ARTICLES = 60_000;

  @TempDir Path dir;

  @Test
  void killDuringIndexingLeavesTheLastCommitAndRerunCompletesIt() throws Exception {
    Path index = dir.resolve("index");
    try (Loupe loupe = Loupe.open(index)) {
      loupe.index(Fixtures.articles());
    }
    long committed = Fixtures.articles().size();
    Path big = writeCorpus(dir.resolve("big.jsonl"));
    List<String> committedFiles = files(index);

    Process child = indexInChildJvm(index, big);
    // Wait until the child has really started writing segments, then kill it without warning.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && child.isAlive() && !writing(index, committedFiles)) {
      Thread.sleep(50);
    }
    if (!child.isAlive()) {
      throw new AssertionError("the child ended (status " + child.exitValue() + ") before it could be killed: "
          + new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit
    child.waitFor(30, TimeUnit.SECONDS);

    try (Loupe reopened = Loupe.open(index)) {
      assertEquals(committed, reopened.count(), "exactly the last commit survives");
    }

    Process rerun = indexInChildJvm(index, big);
    assertTrue(rerun.waitFor(5, TimeUnit.MINUTES), "re-run finishes");
    assertEquals(0, rerun.exitValue(), new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    try (Loupe completed = Loupe.open(index)) {
      assertEquals(committed + ARTICLES, completed.count());
    }
  }

  /** The child has created index files beyond the committed ones: it is writing a new segment. */
  private static boolean writing(Path index, List<String> committedFiles) throws IOException {
    return files(index).stream().anyMatch(name -> !committedFiles.contains(name) && !name.equals("write.lock"));
  }

  private static List<String> files(Path index) throws IOException {
    try (var files = Files.list(index)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static Process indexInChildJvm(Path index, Path input) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "loupe.cli.LoupeCommand", "index", "--index", index.toString(), input.toString()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static Path writeCorpus(Path file) throws IOException {
    String body = "Le gouvernement a présenté mardi un nouveau plan pour l’électricité et le climat. "
        .repeat(12);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ARTICLES; i++) {
        w.write("{\"id\": \"crash-" + i + "\", \"title\": \"Article " + i + "\", \"body\": \"" + body + i + "\"}\n");
      }
    }
    return file;
  }
}
