package loupe.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.entities.Extractors;
import loupe.ingest.IngestReport;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;
import loupe.solr.SolrBackend;
import loupe.solr.SolrTarget;

/**
 * Loupe on a SolrCloud collection beside Loupe on its embedded index, on the same input in the same
 * run: indexing through the same pipeline ({@code loupe index}'s), then each served by Loupe's HTTP
 * API in this JVM: the time to the first answer and the query latency, the two sides alternating in
 * blocks so both see the same background load. The scale-out page quotes these ratios (issue 21).
 */
public final class SolrBench {

  /**
   * @param data the shared data folder
   * @param zk the cluster's ZooKeeper address ({@code host:port[/chroot]})
   * @param collection a collection set up by {@code loupe solr setup}; the benchmark empties it
   * @param synthetic 0 to index the first real article file, else the size of a synthetic corpus ({@code bench scale})
   * @param queries how many of the keyword queries are sent (from the first)
   * @param warmup passes over those queries before measuring
   * @param passes measured passes
   * @param seed seed of the synthetic corpus
   * @param work scratch folder, or null for a temporary one
   * @param solrOnly measure the cluster side alone: at 1M articles the embedded side doubles a run of hours,
   *     and {@code bench scale} without {@code --solr} measures it against plain Lucene anyway
   */
  public record Options(Path data, String zk, String collection, long synthetic, int queries, int warmup, int passes,
      long seed, Path work, String command, boolean solrOnly) {
    String commandLine() {
      return String.format(Locale.ROOT, "./loupe bench %s --data %s --solr %s --collection %s%s --queries %d --solr-warmup %d --solr-passes %d%s",
          command, data, zk, collection, synthetic > 0 ? " --articles " + synthetic + " --seed " + seed : "", queries, warmup,
          passes, solrOnly ? " --solr-only" : "");
    }
  }

  private static final int BLOCK = 25;
  private static final int SERVE_HEAP_MB = 512;

  private SolrBench() {}

  /** Runs the comparison and prints its table; returns the exit code (0, also when the input is absent). */
  public static int run(Options options, PrintWriter out) throws Exception {
    SolrTarget target = SolrTarget.parse(options.zk(), options.collection());
    return BenchInput.withArticlesAndQueries(options.data(), options.work(), "solr", out,
        (files, queries, work) -> run(options, target, files, queries.subList(0, Math.min(options.queries(), queries.size())),
            work, out));
  }

  private static int run(Options options, SolrTarget target, List<Path> realFiles, List<String> queries, Path work,
      PrintWriter out) throws Exception {
    String loadBefore = load();
    List<Path> input = realFiles.subList(0, 1);
    String what = "the first OrangeSum file";
    if (options.synthetic() > 0) {
      Path corpusDir = work.resolve("corpus-" + options.synthetic() + "-" + options.seed());
      BenchInput.deleteTree(corpusDir);
      input = SyntheticCorpus.write(realFiles, options.synthetic(), corpusDir, options.seed());
      what = String.format(Locale.ROOT, "%,d synthetic articles", options.synthetic());
    }
    ResultTable table = new ResultTable((options.solrOnly() ? "solr: Loupe on SolrCloud alone, "
        : "solr: Loupe embedded vs Loupe on SolrCloud, ") + what, "embedded", "SolrCloud");

    // The side measured first would pay the pipeline's warm-up (JIT, the extractor's tables): one untimed run first.
    Path warmDir = work.resolve("warm-up");
    BenchInput.deleteTree(warmDir);
    try (Loupe loupe = Loupe.open(warmDir)) {
      loupe.indexFiles(realFiles.subList(0, 1), IndexingProgress.NONE);
    }
    BenchInput.deleteTree(warmDir);
    Path embeddedDir = work.resolve("embedded");
    BenchInput.deleteTree(embeddedDir);
    long t0 = System.nanoTime();
    IngestReport embedded = null;
    if (!options.solrOnly()) {
      try (Loupe loupe = Loupe.open(embeddedDir)) {
        embedded = loupe.indexFiles(input, new Milestones(out, "embedded"));
      }
    }
    double embeddedSeconds = seconds(t0);
    if (embedded != null) {
      progress(out, "embedded", embedded, embeddedSeconds);
    }
    try (SolrBackend backend = SolrBackend.open(target)) {
      backend.clear(); // a first load, as the embedded side's: no article to replace
    }
    t0 = System.nanoTime();
    IngestReport cluster;
    try (Loupe loupe = Loupe.openSolrCloud(target, Extractors.standardOnFirstUse())) {
      cluster = loupe.indexFiles(input, new Milestones(out, "SolrCloud"));
    }
    double clusterSeconds = seconds(t0);
    progress(out, "SolrCloud", cluster, clusterSeconds);
    if (embedded == null) {
      table.single("index articles/s", Double.NaN, cluster.indexed() / clusterSeconds, "%,.0f");
      table.single("index time s", Double.NaN, clusterSeconds, "%.1f");
    } else {
      table.row("index articles/s", embedded.indexed() / embeddedSeconds, cluster.indexed() / clusterSeconds, "%,.0f");
      table.row("index time s", embeddedSeconds, clusterSeconds, "%.1f");
    }

    // As a user starts it: ./loupe serve in a new JVM, from launch to the first answered search.
    double luceneFirst = Double.NaN;
    if (embedded != null) {
      try (ServeProcess serve = ServeProcess.start(embeddedDir, SERVE_HEAP_MB, queries.get(0), 600)) {
        luceneFirst = serve.secondsToFirstAnswer();
      }
    }
    double solrFirst;
    try (ServeProcess serve = ServeProcess.start(List.of("--solr", options.zk(), "--collection", options.collection()),
        SERVE_HEAP_MB, List.of(), queries.get(0), 600)) {
      solrFirst = serve.secondsToFirstAnswer();
    }
    if (embedded == null) {
      table.single("serve: launch to first answer s", luceneFirst, solrFirst, "%.2f");
      measureClusterAlone(options, target, queries, table);
    } else {
      table.row("serve: launch to first answer s", luceneFirst, solrFirst, "%.2f");
      measureBoth(options, target, embeddedDir, queries, table);
    }
    table.note("indexing: Loupe's pipeline in this JVM (read, analyse, entities, write, one commit) into "
        + (embedded == null ? "" : "a new index directory and into ") + "the emptied collection; " + cluster.indexed()
        + " articles" + (embedded == null ? "" : " each") + ", after one untimed embedded run of the first real file (warm-up).");
    table.note("serve: ./loupe serve in a new JVM (-Xmx" + SERVE_HEAP_MB + "m), launch to the first answered search.");
    table.note("queries: " + queries.size() + " keyword queries, GET /api/search on loopback, one client"
        + (embedded == null ? "; the cluster side alone (--solr-only)." : ", the two servers in this JVM alternating in blocks of " + BLOCK + "."));
    table.note("cluster: " + target.zkAddress() + " collection " + target.collection()
        + "; on one machine the cluster shares the cores with Loupe" + (embedded == null ? "." : " and the embedded side."));
    table.note("load average before: " + loadBefore + "; after: " + load());
    table.print(out, options.commandLine());
    return 0;
  }

  private static void measureClusterAlone(Options options, SolrTarget target, List<String> queries, ResultTable table)
      throws Exception {
    try (Loupe solr = Loupe.openSolrCloud(target, Extractors.standardOnFirstUse());
        LoupeServer solrServer = LoupeServer.start(solr, config())) {
      LoadRun.Clients solrClients = t -> new HttpSearchClient(solrServer.port(), List.of());
      LoadRun.run(queries, 1, queries.size() * options.warmup(), 1800, solrClients);
      Latencies latencies = LoadRun.run(queries, 1, queries.size() * options.passes(), 3600, solrClients);
      table.single("query p50 ms (1 client)", Double.NaN, latencies.p50Ms(), "%.1f");
      table.single("query p99 ms (1 client)", Double.NaN, latencies.p99Ms(), "%.1f");
      table.single("query errors", Double.NaN, latencies.errors(), "%.0f");
    }
  }

  private static void measureBoth(Options options, SolrTarget target, Path embeddedDir, List<String> queries,
      ResultTable table) throws Exception {
    try (Loupe lucene = Loupe.open(embeddedDir);
        LoupeServer luceneServer = LoupeServer.start(lucene, config())) {
      try (Loupe solr = Loupe.openSolrCloud(target, Extractors.standardOnFirstUse());
          LoupeServer solrServer = LoupeServer.start(solr, config())) {
        LoadRun.Clients luceneClients = t -> new HttpSearchClient(luceneServer.port(), List.of());
        LoadRun.Clients solrClients = t -> new HttpSearchClient(solrServer.port(), List.of());
        LoadRun.run(queries, 1, queries.size() * options.warmup(), 1800, luceneClients);
        LoadRun.run(queries, 1, queries.size() * options.warmup(), 1800, solrClients);
        Latencies[] both = LoadRun.interleaved(queries, 1, queries.size() * options.passes(), BLOCK, 3600,
            luceneClients, solrClients);
        table.row("query p50 ms (1 client)", both[0].p50Ms(), both[1].p50Ms(), "%.1f");
        table.row("query p99 ms (1 client)", both[0].p99Ms(), both[1].p99Ms(), "%.1f");
        table.row("query errors", both[0].errors(), both[1].errors(), "%.0f");
      }
    }
  }

  /** A line at every tenth of the input read: a run of an hour shows it is moving, and at what rate. */
  private static final class Milestones implements IndexingProgress {
    private final PrintWriter out;
    private final String side;
    private final long started = System.nanoTime();
    private long total;
    private int printed;

    Milestones(PrintWriter out, String side) {
      this.out = out;
      this.side = side;
    }

    @Override
    public void started(long totalBytes, int files) {
      total = totalBytes;
    }

    @Override
    public synchronized void bytesRead(long totalBytesRead) {
      int tenth = total <= 0 ? 0 : (int) (totalBytesRead * 10 / total);
      if (tenth > printed && tenth < 10) {
        printed = tenth;
        out.printf(Locale.ROOT, "  %s: %d0%% of the input read after %.0f s (load %s)%n", side, tenth, seconds(started), load());
        out.flush();
      }
    }
  }

  private static ServerConfig config() {
    return new ServerConfig("127.0.0.1", 0, List.of(), null);
  }

  private static void progress(PrintWriter out, String side, IngestReport report, double seconds) {
    out.printf(Locale.ROOT, "  %s: indexed %,d in %.1f s (%d rejected)%n", side, report.indexed(), seconds, report.rejected());
    out.flush();
  }

  /** The load average, as {@code uptime} prints it: this machine is shared, the figures say under what load. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
