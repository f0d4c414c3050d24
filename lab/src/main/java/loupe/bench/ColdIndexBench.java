package loupe.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code bench index --cold}: indexing as a user meets it, one fresh JVM per run started from the
 * shell ({@code ./loupe index} through the launcher, and a plain-Lucene indexer on the same jar),
 * JVM start-up and JIT compilation included. A warm round in a shared JVM hides both, and a user
 * indexes a corpus once.
 */
final class ColdIndexBench {

  /** Longest a single one-shot run may take before it is killed and counted as failed. */
  private static final double RUN_TIMEOUT_SECONDS = 600;

  private ColdIndexBench() {}

  /** The outcome of the cold runs of both sides, in the order they ran. */
  record Result(List<Double> plainSeconds, List<Double> loupeSeconds, List<Double> plainCpu, List<Double> loupeCpu,
      String loupeCommand, double recordingSeconds) {
    double plainBest() {
      return Collections.min(plainSeconds);
    }

    double loupeBest() {
      return Collections.min(loupeSeconds);
    }
  }

  /**
   * Runs plain then Loupe, {@code runs} times each, alternating so that both sides meet the same
   * moments of a shared machine; prints the table and returns the figures, or null when a run failed.
   */
  static Result run(List<Path> files, int threads, int runs, Path work, PrintWriter out) throws Exception {
    Times plain = new Times();
    Times loupe = new Times();
    List<String> fileArgs = files.stream().map(Path::toString).toList();
    String loupeCommand = "";
    double recording = Double.NaN;
    boolean cacheOn = !"off".equals(System.getenv("LOUPE_STARTUP_CACHE"));
    if (launcher().isPresent() && cacheOn && !startupCacheExists("index")) {
      // A user's first `./loupe index` after a build records the launcher's start-up cache and pays
      // for it once; every later index maps it. That run is shown apart, not among the measured ones.
      Path dir = work.resolve("cold-loupe-recording");
      Times first = new Times();
      if (!oneShot(loupeIndexCommand(dir, fileArgs), dir, 0, "Loupe, first after a build (records the start-up cache)", first, out)) {
        return null;
      }
      recording = first.wall.get(0);
    }
    for (int run = 1; run <= runs; run++) {
      Path plainDir = work.resolve("cold-plain-" + run);
      List<String> plainArgs = new ArrayList<>(List.of("index-plain", plainDir.toString(), Integer.toString(threads)));
      plainArgs.addAll(fileArgs);
      if (!oneShot(ChildJvm.command(0, BenchChild.class.getName(), plainArgs), plainDir, run, "plain Lucene", plain, out)) {
        return null;
      }
      Path loupeDir = work.resolve("cold-loupe-" + run);
      List<String> command = loupeIndexCommand(loupeDir, fileArgs);
      loupeCommand = launcher().isPresent() ? "./loupe index --index DIR FILE..." : "java -cp JAR loupe.cli.LoupeCommand index --index DIR FILE...";
      if (!oneShot(command, loupeDir, run, "Loupe       ", loupe, out)) {
        return null;
      }
    }
    return new Result(plain.wall, loupe.wall, plain.cpu, loupe.cpu, loupeCommand, recording);
  }

  /** Wall and CPU seconds of one side's runs. */
  private static final class Times {
    final List<Double> wall = new ArrayList<>();
    final List<Double> cpu = new ArrayList<>();
  }

  /** Runs one indexer to its end, deletes its index, prints and keeps its times; false when it failed. */
  private static boolean oneShot(List<String> command, Path index, int run, String side, Times times, PrintWriter out)
      throws IOException, InterruptedException {
    ChildJvm.Outcome outcome = ChildJvm.run(timed(command), RUN_TIMEOUT_SECONDS);
    BenchInput.deleteTree(index);
    if (!outcome.ok()) {
      out.println("  cold run " + run + " " + side.strip() + " failed (exit " + outcome.exitCode() + "): " + outcome.lastLine());
      out.flush();
      return false;
    }
    double cpu = cpuSeconds(outcome.lastLine());
    out.printf(Locale.ROOT, "  cold run %d %s: %.2f s wall, %.1f s CPU%n", run, side, outcome.seconds(), cpu);
    out.flush();
    times.wall.add(outcome.seconds());
    times.cpu.add(cpu);
    return true;
  }

  /**
   * {@code ./loupe index} as a user types it, through the launcher next to the jar (its JVM options
   * included, and LOUPE_JAVA_OPTS from the environment); the bare class with the launcher's JIT policy
   * when there is no launcher (the bench run from a test or an IDE).
   */
  static List<String> loupeIndexCommand(Path index, List<String> files) throws IOException {
    List<String> args = new ArrayList<>(List.of("index", "--index", index.toString()));
    args.addAll(files);
    Optional<Path> launcher = launcher();
    if (launcher.isPresent()) {
      List<String> command = new ArrayList<>();
      command.add(launcher.get().toString());
      command.addAll(args);
      return command;
    }
    return ChildJvm.command(0, ChildJvm.launcherJit("index"), "loupe.cli.LoupeCommand", args);
  }

  /** The {@code loupe} launcher in loupe.home, as a user runs it; empty when there is none (tests, IDE). */
  static Optional<Path> launcher() {
    Path launcher = Path.of(System.getProperty("loupe.home", ".")).resolve("loupe");
    return Files.isExecutable(launcher) && Files.isRegularFile(launcher)
        ? Optional.of(launcher.toAbsolutePath().normalize()) : Optional.empty();
  }

  /**
   * Whether the launcher has a start-up cache of {@code command} (serve, index) for its current jar
   * (JDK 25+: .aot, else .jsa); the launcher drops a cache older than its jar.
   */
  static boolean startupCacheExists(String command) throws IOException {
    return startupCacheExists(Path.of(System.getProperty("loupe.home", ".")).resolve("dist").resolve("target"), command);
  }

  /** As {@link #startupCacheExists(String)}, in the build folder {@code target}. */
  static boolean startupCacheExists(Path target, String command) throws IOException {
    if (!Files.isDirectory(target)) {
      return false;
    }
    String suffix = "-" + command;
    try (var files = Files.list(target)) {
      for (Path cache : files.filter(f -> f.getFileName().toString().matches("loupe-.*-all-" + command + "\\.(aot|jsa)")).toList()) {
        String name = cache.getFileName().toString();
        Path jar = cache.resolveSibling(name.substring(0, name.lastIndexOf(suffix)) + ".jar");
        // A cache older than its jar is one the launcher deletes before recording a new one: the next
        // start would be a training run, so it does not count as present.
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
          return true;
        }
      }
      return false;
    }
  }

  private static final Path TIME = Path.of("/usr/bin/time");

  /**
   * The command under /usr/bin/time, whose last line then gives the CPU seconds of the process and
   * its children: on a shared machine CPU time moves less than wall time. Unchanged without it.
   */
  static List<String> timed(List<String> command) {
    if (!Files.isExecutable(TIME)) {
      return command;
    }
    List<String> timed = new ArrayList<>(List.of(TIME.toString(), "-f", "CPU %U %S"));
    timed.addAll(command);
    return timed;
  }

  /** User + system seconds from the line /usr/bin/time printed, NaN without one. */
  static double cpuSeconds(String lastLine) {
    if (lastLine == null || !lastLine.startsWith("CPU ")) {
      return Double.NaN;
    }
    String[] parts = lastLine.split(" ");
    return Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]);
  }

  /** Adds the cold rows (best and median of each side, their ratios) to a table. */
  static void addRows(Result r, ResultTable table) {
    table.row("one-shot wall s, best", r.plainBest(), r.loupeBest(), "%.2f");
    table.row("one-shot wall s, median", median(r.plainSeconds()), median(r.loupeSeconds()), "%.2f");
    table.row("one-shot CPU s, median", median(r.plainCpu()), median(r.loupeCpu()), "%.1f");
    if (!Double.isNaN(r.recordingSeconds())) {
      table.note(String.format(Locale.ROOT, "Loupe's first index after a build, which records the launcher's start-up cache: %.2f s wall (not in the rows)",
          r.recordingSeconds()));
    }
    table.note(String.format(Locale.ROOT,
        "cold: speed ratio (plain s / Loupe s) best %.2f, median %.2f; each run a fresh JVM: plain = java -cp JAR %s index-plain, Loupe = %s",
        r.plainBest() / r.loupeBest(), median(r.plainSeconds()) / median(r.loupeSeconds()),
        BenchChild.class.getName(), r.loupeCommand()));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
