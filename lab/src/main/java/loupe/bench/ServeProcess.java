package loupe.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code loupe serve} in a child JVM, as a user starts it, with the time from launch to the first
 * answered search: the start-up figure, JVM start included.
 */
final class ServeProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final double secondsToFirstAnswer;

  private ServeProcess(Process process, int port, double secondsToFirstAnswer) {
    this.process = process;
    this.port = port;
    this.secondsToFirstAnswer = secondsToFirstAnswer;
  }

  /**
   * Launches {@code serve} on {@code index} and polls {@code GET /api/search?q=query} until it is
   * answered; fails when the child dies or {@code timeoutSeconds} pass first.
   */
  static ServeProcess start(Path index, int xmxMb, String query, double timeoutSeconds) throws Exception {
    return start(index, xmxMb, List.of(), query, timeoutSeconds);
  }

  /** As {@link #start(Path, int, String, double)}, with more JVM options. */
  static ServeProcess start(Path index, int xmxMb, List<String> jvmOptions, String query, double timeoutSeconds)
      throws Exception {
    return start(List.of("--index", index.toString()), xmxMb, jvmOptions, query, timeoutSeconds);
  }

  /** As {@link #start(Path, int, String, double)}, on the backend these options name ({@code --solr ZK --collection C}). */
  static ServeProcess start(List<String> backend, int xmxMb, List<String> jvmOptions, String query, double timeoutSeconds)
      throws Exception {
    int port = ChildJvm.freePort();
    long started = System.nanoTime();
    // As the launcher runs `serve`: with the collector the user named, else the launcher's.
    List<String> options = new ArrayList<>(jvmOptions);
    if (ChildJvm.collectorOptions().isEmpty()) {
      options.addAll(ChildJvm.launcherCollector("serve"));
    }
    List<String> args = new ArrayList<>(List.of("serve"));
    args.addAll(backend);
    args.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    Process process = ChildJvm.startDiscardingOutput(ChildJvm.command(xmxMb, options, "loupe.cli.LoupeCommand", args));
    HttpSearchClient client = new HttpSearchClient(port, List.of());
    long deadline = started + (long) (timeoutSeconds * 1e9);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (client.search(query, 0)) {
          return new ServeProcess(process, port, (System.nanoTime() - started) / 1e9);
        }
      } catch (IOException notListeningYet) {
        // the port opens only once the index is open
      }
      Thread.sleep(10);
    }
    process.destroyForcibly().waitFor();
    throw new IOException("serve did not answer within " + timeoutSeconds + " s (exit "
        + (process.isAlive() ? "none" : process.exitValue()) + ")");
  }

  int port() {
    return port;
  }

  double secondsToFirstAnswer() {
    return secondsToFirstAnswer;
  }

  boolean alive() {
    return process.isAlive();
  }

  /**
   * Stops the server the way Ctrl-C does (its shutdown hook closes the index); a JVM that recorded
   * a start-up cache writes it on the way out, which takes seconds.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
