package loupe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;

/**
 * The load test of the robustness issue: many concurrent HTTP connections on loopback for a fixed
 * time with a realistic query mix, counting errors, reporting latency percentiles and whether the
 * heap that survives garbage collection stays flat after warm-up (no leak).
 */
public final class LoadBench {

  /**
   * @param data the shared data folder (OrangeSum articles and keyword queries), used when present
   * @param connections concurrent client connections
   * @param seconds length of the measured run
   * @param warmupSeconds length of the warm-up run, not measured
   */
  public record Options(Path data, int connections, int seconds, int warmupSeconds) {}

  /** Queries used when ../shared is absent: the demo corpus is searched instead. */
  private static final List<String> DEMO_QUERIES = List.of("Poutine", "électricité", "nord-coréen", "élections",
      "climat", "Jeux olympiques", "Macron", "Ukraine guerre", "économie", "Trump", "Chine", "santé", "énergie",
      "Kim Jong Un", "sommet", "Bruxelles", "football", "réforme des retraites", "intelligence artificielle");

  private LoadBench() {}

  /** Runs the load test; returns 1 when any request failed. */
  public static int run(Options options, PrintWriter out) throws Exception {
    BenchInput input = new BenchInput(options.data());
    Optional<List<Path>> articles = input.articleFiles();
    List<String> queries = input.queries().orElse(DEMO_QUERIES);
    Path work = Files.createTempDirectory("loupe-load");
    try (Loupe loupe = Loupe.open(work.resolve("index"))) {
      if (articles.isPresent()) {
        out.printf("indexing %d files of %s…%n", articles.get().size(), options.data().resolve(BenchInput.ARTICLES));
        out.flush();
        loupe.indexFiles(articles.get(), IndexingProgress.NONE);
      } else {
        out.println("note: " + input.skipped(BenchInput.ARTICLES) + "; using the built-in demo corpus");
        try (InputStream demo = LoadBench.class.getResourceAsStream("/loupe/demo/articles.jsonl")) {
          loupe.indexJsonLines(demo, "demo corpus");
        }
      }
      out.printf("%d articles, %d queries, %d connections%n", loupe.count(), queries.size(), options.connections());
      try (LoupeServer server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), null))) {
        LoadRun.Clients clients = thread -> new HttpSearchClient(server.port(), List.of());
        out.printf("warm-up: %d s…%n", options.warmupSeconds());
        out.flush();
        LoadRun.run(queries, options.connections(), capacity(options.warmupSeconds()), options.warmupSeconds(), clients);

        List<Long> liveHeap = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> liveHeap.add(heapAfterLastGc()), 0, 2, TimeUnit.SECONDS);
        Latencies measured;
        try {
          measured = LoadRun.run(queries, options.connections(), capacity(options.seconds()), options.seconds(), clients);
        } finally {
          sampler.shutdownNow();
        }
        print(out, options, measured, liveHeap);
        return measured.errors() > 0 ? 1 : 0;
      }
    } finally {
      BenchInput.deleteTree(work);
    }
  }

  /** Room for every request the run could send at a generous rate; the deadline ends it first. */
  private static int capacity(int seconds) {
    return (int) Math.min(20_000_000L, Math.max(1, seconds) * 50_000L);
  }

  /** Heap in use just after the latest collection of each pool: what the program really keeps. */
  private static long heapAfterLastGc() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null) {
        used += afterGc.getUsed();
      }
    }
    return used;
  }

  private static void print(PrintWriter out, Options options, Latencies l, List<Long> liveHeap) {
    out.printf("%nload: %d s, %d connections on loopback%n", options.seconds(), options.connections());
    out.printf("  requests  %d (%.0f/s), errors %d%n", l.count(), l.qps(), l.errors());
    out.printf("  latency   p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms%n", l.p50Ms(), l.p90Ms(), l.p99Ms(), l.maxMs());
    if (liveHeap.size() >= 4) {
      int third = liveHeap.size() / 3;
      double first = liveHeap.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
      double last = liveHeap.subList(liveHeap.size() - third, liveHeap.size()).stream().mapToLong(Long::longValue).average().orElse(0);
      out.printf("  heap after GC: %.1f MB in the first third of the run, %.1f MB in the last (%+.0f%%)%n",
          first / 1e6, last / 1e6, first > 0 ? 100 * (last - first) / first : 0);
    }
    out.printf("reproduce: ./loupe bench load --seconds %d --connections %d --warmup %d%n",
        options.seconds(), options.connections(), options.warmupSeconds());
    out.flush();
  }
}
