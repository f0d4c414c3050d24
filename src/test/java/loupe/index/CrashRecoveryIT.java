package loupe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Path big = writeCorpus(dir.resolve("big.jsonl"), ARTICLES);
    List<String> committedFiles = files(index);

    Process child = indexInChildJvm(index, big);
    try {
      waitUntilWritingThenKill(child, index, committedFiles);
    } finally {
      child.destroyForcibly();
    }

    try (Loupe reopened = Loupe.open(index)) {
      assertEquals(committed, reopened.count(), "exactly the last commit survives");
    }

    Process rerun = indexInChildJvm(index, big);
    String output;
    try {
      assertTrue(rerun.waitFor(5, TimeUnit.MINUTES), "re-run finishes");
      output = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      rerun.destroyForcibly();
    }
    assertEquals(0, rerun.exitValue(), output);
    try (Loupe completed = Loupe.open(index)) {
      assertEquals(committed + ARTICLES, completed.count());
    }
  }

  private static void waitUntilWritingThenKill(Process child, Path index, List<String> committedFiles)
      throws Exception {
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
  }

  @Test
  void killDuringAnHttpBulkIngestLeavesTheLastCommit() throws Exception {
    Path index = dir.resolve("index");
    try (Loupe loupe = Loupe.open(index)) {
      loupe.index(Fixtures.articles());
    }
    long committed = Fixtures.articles().size();
    List<String> committedFiles = files(index);
    byte[] body = Files.readAllBytes(writeCorpus(dir.resolve("bulk.jsonl"), 40_000));

    String javaBinary = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder serve = new ProcessBuilder(javaBinary, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "loupe.cli.LoupeCommand", "serve", "--index", index.toString(), "--port", "0")
        .redirectErrorStream(true);
    serve.environment().put("LOUPE_API_TOKEN", "kill-test");
    Process server = serve.start();
    try {
      killDuringBulkIngest(server, index, committedFiles, body);
    } finally {
      server.destroyForcibly(); // never leave a server behind, whatever failed
    }
    try (Loupe reopened = Loupe.open(index)) {
      assertEquals(committed, reopened.count(), "exactly the last commit survives");
    }
  }

  private static void killDuringBulkIngest(Process server, Path index, List<String> committedFiles, byte[] body)
      throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String port = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (port == null && System.nanoTime() < deadline) {
      String line = out.readLine();
      if (line == null) {
        break;
      }
      Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
      if (m.find()) {
        port = m.group(1);
      }
    }
    assertTrue(port != null, "the server announced its port");
    // Drain the rest of its output so it never blocks on a full pipe.
    Thread.ofVirtual().start(() -> { try { out.transferTo(Writer.nullWriter()); } catch (IOException ignored) { } });

    HttpClient http = HttpClient.newHttpClient();
    var pending = http.sendAsync(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/documents"))
        .header("Authorization", "Bearer kill-test")
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && server.isAlive() && !pending.isDone() && !writing(index, committedFiles)) {
      Thread.sleep(20);
    }
    if (pending.isDone()) {
      throw new AssertionError("the request finished before the kill: " + pending.get().statusCode() + " "
          + pending.get().body().substring(0, Math.min(300, pending.get().body().length())));
    }
    server.destroyForcibly();
    server.waitFor(30, TimeUnit.SECONDS);
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

  private static Path writeCorpus(Path file, int articles) throws IOException {
    String body = "Le gouvernement a présenté mardi un nouveau plan pour l’électricité et le climat. "
        .repeat(12);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < articles; i++) {
        w.write("{\"id\": \"crash-" + i + "\", \"title\": \"Article " + i + "\", \"body\": \"" + body + i + "\"}\n");
      }
    }
    return file;
  }
}
