package loupe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM on this one's java binary and classpath, for what must not share our heap or our
 * warm JIT: the smallest -Xmx that works, and the start-up time of {@code serve}.
 */
final class ChildJvm {

  /** How a child ended: exit code (-1 when killed for its time limit) and the seconds it ran. */
  record Outcome(int exitCode, double seconds, String lastLine) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private ChildJvm() {}

  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The collector the launcher gives {@code ./loupe COMMAND} when the user names none, read from the
   * distribution's {@code loupe/jvm.properties}, the file the launcher reads; empty when absent.
   */
  static List<String> launcherCollector(String command) {
    return launcherPolicy("collector", command);
  }

  /** The JIT options the launcher gives {@code ./loupe COMMAND} (C1 only for a one-shot index); empty when none. */
  static List<String> launcherJit(String command) {
    return launcherPolicy("jit", command);
  }

  private static List<String> launcherPolicy(String kind, String command) {
    try (InputStream in = ChildJvm.class.getResourceAsStream("/loupe/jvm.properties")) {
      if (in == null) {
        return List.of();
      }
      Properties policy = new Properties();
      policy.load(in);
      String value = policy.getProperty(kind + "." + command.replace(' ', '-'));
      return value == null ? List.of() : List.of(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The garbage collector this JVM was started with (the launcher's, or one named in
   * LOUPE_JAVA_OPTS): children run with it too, so that plain Lucene's children differ from
   * Loupe's only in what they run.
   */
  static List<String> collectorOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.matches("-XX:\\+Use[A-Za-z0-9]+GC"))
        .toList();
  }

  /** The command line of a child JVM running {@code mainClass} with a heap limit (0: the default). */
  static List<String> command(int xmxMb, String mainClass, List<String> args) {
    return command(xmxMb, List.of(), mainClass, args);
  }

  /** As {@link #command(int, String, List)}, with more JVM options. */
  static List<String> command(int xmxMb, List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.addAll(collectorOptions());
    cmd.addAll(jvmOptions);
    if (xmxMb > 0) {
      cmd.add("-Xmx" + xmxMb + "m");
    }
    // A child that runs out of heap must fail fast, not limp along answering 500s.
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** Starts a child with stdout and stderr merged, to be read by the caller. */
  private static Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * Starts a child whose output nobody reads. It goes to /dev/null, not to a pipe drained here: with a
   * pipe, the JVM that assembles a child's AOT cache as it exits died of SIGPIPE, and no cache was written.
   */
  static Process startDiscardingOutput(List<String> command) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Runs a child to its end (or kills it at {@code timeoutSeconds}), keeping its last output line. */
  static Outcome run(List<String> command, double timeoutSeconds) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Process process = start(command);
    String[] last = {""};
    Thread drain = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isBlank() && !line.startsWith("WARNING")) {
            last[0] = line;
          }
        }
      } catch (IOException ignored) {
        // the child was killed: its output ends here
      }
    }, "child-output");
    drain.start();
    boolean ended = process.waitFor((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    drain.join(5_000);
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Outcome(ended ? process.exitValue() : -1, seconds, last[0]);
  }

  /** A TCP port free on loopback right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
