package loupe.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * {@code bench memory}: the smallest -Xmx with which indexing the corpus, and serving it under
 * concurrent load, still work, for plain Lucene and for Loupe, found by bisection over child JVMs.
 */
public final class MemoryBench {

  /**
   * @param data the shared data folder
   * @param low a heap (MB) assumed too small
   * @param high a heap (MB) that must work; checked first
   * @param resolution stop bisecting when the bounds are this close (MB)
   * @param clients concurrent clients of the serving probe
   * @param requests requests of each serving probe
   * @param timeoutSeconds a probe slower than this fails (a heap so tight that GC thrashes does not "work")
   * @param work folder for the indexes, or null for a temporary one
   */
  public record Options(Path data, int low, int high, int resolution, int clients, int requests,
      double timeoutSeconds, Path work) {
    String commandLine() {
      return String.format(Locale.ROOT,
          "./loupe bench memory --data %s --low %d --high %d --resolution %d --clients %d --requests %d --timeout %.0f%s",
          data, low, high, resolution, clients, requests, timeoutSeconds, work == null ? "" : " --work " + work);
    }
  }

  private MemoryBench() {}

  /** Runs the benchmark and prints its table; returns the exit code (0, also when skipped). */
  public static int run(Options options, PrintWriter out) throws Exception {
    return BenchInput.withArticlesAndQueries(options.data(), options.work(), "memory", out,
        (files, queries, work) -> run(options, files, queries, work, out));
  }

  private static int run(Options options, List<Path> files, List<String> queries, Path work, PrintWriter out)
      throws Exception {
    QueryBench.Indexes indexes = QueryBench.Indexes.prepare(files, work, out);
    List<String> fileArgs = files.stream().map(Path::toString).toList();
    int threads = Runtime.getRuntime().availableProcessors();
    out.printf(Locale.ROOT, "bench memory: bisecting -Xmx between %d and %d MB to %d MB%n",
        options.low(), options.high(), options.resolution());
    out.flush();

    int plainIndex = bisect("plain index", options, out, mb -> probe(out, () -> {
      Path dir = work.resolve("probe-plain");
      BenchInput.deleteTree(dir);
      List<String> args = new ArrayList<>(List.of("index-plain", dir.toString(), Integer.toString(threads)));
      args.addAll(fileArgs);
      return ChildJvm.run(ChildJvm.command(mb, BenchChild.class.getName(), args), options.timeoutSeconds());
    }));
    int loupeIndex = bisect("Loupe index", options, out, mb -> probe(out, () -> {
      Path dir = work.resolve("probe-loupe");
      BenchInput.deleteTree(dir);
      List<String> args = new ArrayList<>(List.of("index-loupe", dir.toString()));
      args.addAll(fileArgs);
      return ChildJvm.run(ChildJvm.command(mb, BenchChild.class.getName(), args), options.timeoutSeconds());
    }));
    BenchInput.deleteTree(work.resolve("probe-plain"));
    BenchInput.deleteTree(work.resolve("probe-loupe"));
    int plainServe = bisect("plain serve", options, out, mb -> probe(out, () -> ChildJvm.run(
        ChildJvm.command(mb, BenchChild.class.getName(), List.of("load-plain", indexes.plain().toString(),
            options.data().toString(), Integer.toString(options.clients()), Integer.toString(options.requests()),
            Double.toString(options.timeoutSeconds()))),
        options.timeoutSeconds() + 30)));
    int loupeServe = bisect("Loupe serve", options, out, mb -> serveProbe(indexes.loupe(), mb, queries, options, out));

    ResultTable table = new ResultTable(String.format(Locale.ROOT,
        "memory: smallest -Xmx (MB, within %d MB) that works", options.resolution()));
    table.row("index the corpus", plainIndex, loupeIndex, "%.0f");
    table.row("serve " + options.clients() + " clients", plainServe, loupeServe, "%.0f");
    table.note("index: a child JVM indexes every article and commits (Loupe: Loupe.indexFiles; plain: PlainLuceneIndexer, "
        + threads + " threads), within " + (int) options.timeoutSeconds() + " s.");
    table.note("serve: Loupe is `loupe serve` in a child JVM answering " + options.requests() + " HTTP searches from "
        + options.clients() + " clients with 0 errors; plain Lucene answers as many in-process from as many threads.");
    table.note("a figure is the smallest heap that worked; --low itself is assumed to fail and never tried;"
        + " -1 means even --high failed. Children run with -XX:+ExitOnOutOfMemoryError.");
    table.print(out, options.commandLine());
    return 0;
  }

  private interface Probe {
    ChildJvm.Outcome run() throws Exception;
  }

  private static boolean probe(PrintWriter out, Probe probe) {
    try {
      ChildJvm.Outcome outcome = probe.run();
      out.printf(Locale.ROOT, " %s in %.1f s (%s)%n", outcome.ok() ? "ok" : "FAILED exit " + outcome.exitCode(),
          outcome.seconds(), outcome.lastLine());
      out.flush();
      return outcome.ok();
    } catch (Exception e) {
      out.println(" FAILED: " + e.getMessage());
      out.flush();
      return false;
    }
  }

  private static boolean serveProbe(Path index, int mb, List<String> queries, Options options, PrintWriter out) {
    try (ServeProcess serve = ServeProcess.start(index, mb, queries.get(0), 60)) {
      Latencies load = LoadRun.run(queries, options.clients(), options.requests(), options.timeoutSeconds(),
          t -> new HttpSearchClient(serve.port(), List.of()));
      boolean ok = load.errors() == 0 && load.count() == options.requests() && serve.alive();
      out.printf(Locale.ROOT, " %s: %d requests, %d errors, %.0f qps, p99 %.1f ms%s%n", ok ? "ok" : "FAILED",
          load.count(), load.errors(), load.qps(), load.p99Ms(), serve.alive() ? "" : ", server died");
      out.flush();
      return ok;
    } catch (Exception e) {
      out.println(" FAILED: " + e.getMessage());
      out.flush();
      return false;
    }
  }

  /** The smallest heap in (low, high] for which {@code works} holds, assuming it is monotone; -1 if high fails. */
  private static int bisect(String what, Options options, PrintWriter out, IntPredicate works) {
    out.printf(Locale.ROOT, "  %s -Xmx%dm:", what, options.high());
    out.flush();
    if (!works.test(options.high())) {
      return -1;
    }
    int low = options.low();
    int high = options.high();
    while (high - low > options.resolution()) {
      int mid = (low + high) / 2;
      out.printf(Locale.ROOT, "  %s -Xmx%dm:", what, mid);
      out.flush();
      if (works.test(mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }
}
