package loupe.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.ingest.IngestReport;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;

/**
 * {@code bench scale}: a synthetic corpus of any size made from the real articles
 * ({@link SyntheticCorpus}), indexed by plain Lucene and by Loupe, then queried, measured for the
 * heap an open index holds, and for how long a fresh {@code serve} takes to answer its first query.
 */
public final class ScaleBench {

  /**
   * @param data the shared data folder
   * @param articles size of the synthetic corpus
   * @param warmup passes over the query set before measuring
   * @param passes measured passes (1 thread, the two sides alternating)
   * @param seed seed of the synthetic corpus
   * @param work scratch folder (corpus and indexes), or null for a temporary one deleted at the end
   * @param reuseIndexes query the indexes a previous run left in {@code work} rather than building them
   */
  public record Options(Path data, long articles, int warmup, int passes, long seed, Path work, boolean reuseIndexes) {
    String commandLine() {
      return String.format(Locale.ROOT, "./loupe bench scale --data %s --articles %d --warmup %d --passes %d --seed %d%s%s",
          data, articles, warmup, passes, seed, work == null ? "" : " --work " + work,
          reuseIndexes ? " --reuse-indexes" : "");
    }
  }

  private static final int BLOCK = 100;

  private ScaleBench() {}

  /** Runs the benchmark and prints its table; returns the exit code (0, also when skipped). */
  public static int run(Options options, PrintWriter out) throws Exception {
    return BenchInput.withArticlesAndQueries(options.data(), options.work(), "scale", out,
        (files, queries, work) -> run(options, files, queries, work, out));
  }

  private static int run(Options options, List<Path> realFiles, List<String> queries, Path work, PrintWriter out)
      throws Exception {
    Path plainDir = work.resolve("plain");
    Path loupeDir = work.resolve("loupe");
    ResultTable table = new ResultTable(String.format(Locale.ROOT, "scale: %,d synthetic articles", options.articles()));
    if (options.reuseIndexes() && BenchInput.directoryBytes(plainDir) > 0 && BenchInput.directoryBytes(loupeDir) > 0) {
      out.println("bench scale: querying the indexes already in " + work + " (no indexing figures)");
      out.flush();
      table.row("index size MB", BenchInput.directoryBytes(plainDir) / 1e6, BenchInput.directoryBytes(loupeDir) / 1e6, "%.0f");
    } else {
      index(options, realFiles, work, plainDir, loupeDir, table, out);
    }

    long base = usedHeapAfterGc();
    try (PlainLuceneSearcher plain = PlainLuceneSearcher.open(plainDir)) {
      LoadRun.Clients plainClients = t -> (q, i) -> plain.search(q).hits() >= 0;
      LoadRun.run(queries, 1, queries.size() * options.warmup(), 600, plainClients);
      long plainHeap = usedHeapAfterGc() - base;
      try (Loupe loupe = Loupe.open(loupeDir);
          LoupeServer server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), null))) {
        LoadRun.Clients httpClients = t -> new HttpSearchClient(server.port(), List.of());
        LoadRun.run(queries, 1, queries.size() * options.warmup(), 600, httpClients);
        long loupeHeap = usedHeapAfterGc() - base - plainHeap;
        Latencies[] both = LoadRun.interleaved(queries, 1, queries.size() * options.passes(), BLOCK, 1800,
            plainClients, httpClients);
        table.row("query p50 ms (1 thread)", both[0].p50Ms(), both[1].p50Ms(), "%.2f");
        table.row("query p99 ms (1 thread)", both[0].p99Ms(), both[1].p99Ms(), "%.2f");
        table.row("query qps (1 thread)", both[0].qps(), both[1].qps(), "%,.0f");
        table.row("heap held while serving MB", plainHeap / 1e6, loupeHeap / 1e6, "%.0f");
      }
    }
    Startup.measure(plainDir, loupeDir, queries.get(0)).addTo(table);
    table.note("queries: no filter; Loupe over HTTP in this JVM, plain Lucene in-process, alternating in blocks of " + BLOCK + ".");
    table.note("heap: used heap after a full GC with the index open and warm, minus before.");
    table.print(out, options.commandLine());
    return 0;
  }

  private static void index(Options options, List<Path> realFiles, Path work, Path plainDir, Path loupeDir,
      ResultTable table, PrintWriter out) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    Path corpusDir = work.resolve("corpus-" + options.articles() + "-" + options.seed());
    BenchInput.deleteTree(corpusDir);
    List<Path> corpus = SyntheticCorpus.write(realFiles, options.articles(), corpusDir, options.seed());
    long bytes = BenchInput.bytes(corpus);
    out.printf(Locale.ROOT, "bench scale: %,d synthetic articles, %.0f MB of JSON Lines, written in %.1f s, %d threads%n",
        options.articles(), bytes / 1e6, seconds(t0), threads);
    out.flush();

    BenchInput.deleteTree(plainDir);
    BenchInput.deleteTree(loupeDir);
    PlainLuceneIndexer.Result plainIndex = PlainLuceneIndexer.index(corpus, plainDir, threads, 128);
    out.printf(Locale.ROOT, "  plain Lucene indexed %,d in %.1f s%n", plainIndex.articles(), plainIndex.seconds());
    out.flush();
    t0 = System.nanoTime();
    IngestReport report;
    try (Loupe loupe = Loupe.open(loupeDir)) {
      report = loupe.indexFiles(corpus, IndexingProgress.NONE);
    }
    double loupeSeconds = seconds(t0);
    out.printf(Locale.ROOT, "  Loupe indexed %,d in %.1f s (%d rejected)%n", report.indexed(), loupeSeconds, report.rejected());
    out.flush();
    BenchInput.deleteTree(corpusDir);

    table.row("index articles/s", plainIndex.articles() / plainIndex.seconds(), report.indexed() / loupeSeconds, "%,.0f");
    table.row("index time s", plainIndex.seconds(), loupeSeconds, "%.1f");
    table.row("index size MB", plainIndex.indexBytes() / 1e6, BenchInput.directoryBytes(loupeDir) / 1e6, "%.0f");
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
