package loupe.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.index.Fields;
import loupe.search.FacetValue;
import loupe.search.SearchRequest;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code bench query}: latency and throughput of a result page, plain Lucene in-process
 * ({@link PlainLuceneSearcher}) against Loupe's server over HTTP on loopback with its full
 * response (two multi-select facets with a ticked country, snippets, entities), both warmed up first.
 */
public final class QueryBench {

  /**
   * @param data the shared data folder
   * @param warmup least passes over the query set before measuring; more follow until the JIT settles
   * @param maxWarmup most warm-up passes, settled or not
   * @param passes measured passes over the query set, per thread count
   * @param clients concurrent HTTP clients of the throughput run
   * @param requests requests of the throughput run
   * @param maxSeconds time bound of every run
   * @param countries values ticked in the country facet, in turn; empty means the index's top three
   * @param noCountry send no country filter
   * @param work folder holding (or receiving) the two indexes; reused when present; null for a temporary one
   */
  public record Options(Path data, int warmup, int maxWarmup, int passes, int clients, int requests,
      double maxSeconds, List<String> countries, boolean noCountry, Path work) {
    String commandLine() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "./loupe bench query --data %s --warmup %d --max-warmup %d --passes %d --clients %d --requests %d"
              + " --max-seconds %.0f", data, warmup, maxWarmup, passes, clients, requests, maxSeconds));
      countries.forEach(c -> sb.append(" --country '").append(c).append('\''));
      if (noCountry) {
        sb.append(" --no-country");
      }
      if (work != null) {
        sb.append(" --work ").append(work);
      }
      return sb.toString();
    }
  }

  /** Requests per block when the two sides alternate; small enough that load changes hit both. */
  private static final int BLOCK = 100;

  private QueryBench() {}

  /** Runs the benchmark and prints its table; returns the exit code (0, also when skipped). */
  public static int run(Options options, PrintWriter out) throws Exception {
    return BenchInput.withArticlesAndQueries(options.data(), options.work(), "query", out,
        (files, queries, work) -> run(options, queries, Indexes.prepare(files, work, out), out));
  }

  /** The two indexes of the same articles, built once and reused by later runs with the same --work. */
  record Indexes(Path plain, Path loupe) {
    static Indexes prepare(List<Path> files, Path work, PrintWriter out) throws IOException {
      Indexes indexes = new Indexes(work.resolve("plain"), work.resolve("loupe"));
      if (!exists(indexes.plain())) {
        out.println("  building the plain Lucene index in " + indexes.plain());
        out.flush();
        PlainLuceneIndexer.index(files, indexes.plain(), Runtime.getRuntime().availableProcessors(), 128);
      }
      if (!exists(indexes.loupe())) {
        out.println("  building the Loupe index in " + indexes.loupe());
        out.flush();
        try (Loupe loupe = Loupe.open(indexes.loupe())) {
          loupe.indexFiles(files, IndexingProgress.NONE);
        }
      }
      return indexes;
    }

    private static boolean exists(Path dir) throws IOException {
      if (!Files.isDirectory(dir)) {
        return false;
      }
      try (var directory = FSDirectory.open(dir)) {
        return DirectoryReader.indexExists(directory);
      }
    }
  }

  private static int run(Options options, List<String> queries, Indexes indexes, PrintWriter out) throws Exception {
    ResultTable table;
    long errors;
    Typing typing;
    try (PlainLuceneSearcher plain = PlainLuceneSearcher.open(indexes.plain());
        Loupe loupe = Loupe.open(indexes.loupe());
        LoupeServer server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), null))) {
      List<String> countries = options.noCountry() ? List.of()
          : options.countries().isEmpty() ? topCountries(loupe, 3) : options.countries();
      out.printf(Locale.ROOT, "bench query: %d queries, plain %,d articles, Loupe %,d articles, country filter %s%n",
          queries.size(), plain.documents(), loupe.count(), countries.isEmpty() ? "none" : countries);
      out.flush();
      int count = queries.size();
      LoadRun.Clients plainClients = t -> (q, i) -> plain.search(q).hits() >= 0;
      LoadRun.Clients httpClients = t -> new HttpSearchClient(server.port(), countries);

      WarmUp.Result warmUp = WarmUp.run(options.warmup(), options.maxWarmup(), () -> {
        LoadRun.run(queries, 2, count, options.maxSeconds(), plainClients);
        LoadRun.run(queries, 2, count, options.maxSeconds(), httpClients);
      });
      out.println("  " + warmUp.describe());
      out.flush();

      table = new ResultTable(String.format(Locale.ROOT,
          "query: %d keyword queries, %d measured pass(es); plain Lucene in-process vs Loupe over HTTP", count, options.passes()));
      for (int threads : new int[] {1, 2}) {
        Latencies[] both = LoadRun.interleaved(queries, threads, count * options.passes(), BLOCK,
            options.maxSeconds(), plainClients, httpClients);
        latencyRows(table, threads + (threads == 1 ? " thread" : " threads"), both[0], both[1]);
      }
      // How earlier runs measured, through java.net.http: what that client costs.
      LoadRun.Clients javaNetHttp = t -> HttpSearchClient.javaNetHttp(server.port(), countries);
      LoadRun.run(queries, 1, count, options.maxSeconds(), javaNetHttp);
      Latencies[] viaJavaNetHttp = LoadRun.interleaved(queries, 1, count * options.passes(), BLOCK,
          options.maxSeconds(), plainClients, javaNetHttp);
      table.row("1 thread, java.net.http client p50 ms", viaJavaNetHttp[0].p50Ms(), viaJavaNetHttp[1].p50Ms(), "%.2f");
      table.row("1 thread, java.net.http client p99 ms", viaJavaNetHttp[0].p99Ms(), viaJavaNetHttp[1].p99Ms(), "%.2f");
      // Throughput: plain Lucene with 2 threads (the cores) against 16 HTTP clients, interleaved too.
      Latencies[] throughput = LoadRun.interleaved(queries, 2, options.clients(), options.requests(), BLOCK * 4,
          options.maxSeconds(), plainClients, httpClients);
      Latencies plainMany = throughput[0];
      Latencies many = throughput[1];
      String label = options.clients() + " clients";
      table.row(label + " qps (plain: 2 thr)", plainMany.qps(), many.qps(), "%,.0f");
      table.row(label + " p50 ms", plainMany.p50Ms(), many.p50Ms(), "%.2f");
      table.row(label + " p99 ms", plainMany.p99Ms(), many.p99Ms(), "%.2f");
      table.single(label + " requests / errors", Double.NaN, many.count(), "%,.0f");
      table.single(label + " errors", plainMany.errors(), many.errors(), "%.0f");
      table.note("1 and 2 threads: the two sides alternate in blocks of " + BLOCK + " requests; 16 clients: in blocks of " + BLOCK * 4 + ".");
      table.note("Loupe: GET /api/search?q=…" + (countries.isEmpty() ? "" : "&country=…")
          + " (facets country+person, snippets, entities) on loopback, latency seen by the client: the JDK's blocking"
          + " HttpURLConnection with keep-alive, which works on the caller's thread (java.net.http: only the rows so named).");
      table.note("plain Lucene: parse, top 10, category facet count, UnifiedHighlighter title+body, stored fields; no HTTP.");
      List<String> collector = ChildJvm.collectorOptions();
      table.note("both sides share this JVM and its collector: " + (collector.isEmpty()
          ? "the JVM's default; ./loupe runs the Parallel one" : String.join(" ", collector)) + ".");
      errors = many.errors();
      typing = typingTable(queries, count * options.passes(), options.maxSeconds(), server.port(), countries);
      errors += typing.errors;
    }
    // A fresh `loupe serve` needs the index's write lock: measured once this process let it go.
    Startup.measure(indexes.plain(), indexes.loupe(), queries.get(0)).addTo(table);
    table.print(out, options.commandLine());
    typing.table.print(out, options.commandLine());
    return errors == 0 ? 0 : 1;
  }

  private record Typing(ResultTable table, long errors) {}

  /**
   * The as-you-type path beside the plain one, both Loupe over HTTP on one thread and interleaved:
   * each query as typed so far with its last word a prefix ({@code prefix_last=true}, which expands
   * to the word's most frequent completions) against the whole query. The ratio is the typing path's
   * cost per keystroke-search relative to an ordinary search.
   */
  private static Typing typingTable(List<String> queries, int requests, double maxSeconds, int port,
      List<String> countries) throws Exception {
    LoadRun.Clients whole = t -> new HttpSearchClient(port, countries);
    LoadRun.Clients typed = t -> HttpSearchClient.typing(port, countries);
    LoadRun.run(queries, 1, queries.size(), maxSeconds, typed); // the completions' first reads
    Latencies[] both = LoadRun.interleaved(queries, 1, requests, BLOCK, maxSeconds, whole, typed);
    ResultTable table = new ResultTable(String.format(Locale.ROOT,
        "typing: the same %d queries as typed so far (last word a prefix) vs whole, Loupe over HTTP, 1 thread",
        queries.size()), "whole query", "typed, prefix");
    table.row("p50 ms", both[0].p50Ms(), both[1].p50Ms(), "%.2f");
    table.row("p90 ms", both[0].p90Ms(), both[1].p90Ms(), "%.2f");
    table.row("p99 ms", both[0].p99Ms(), both[1].p99Ms(), "%.2f");
    table.row("qps", both[0].qps(), both[1].qps(), "%,.0f");
    table.single("errors", both[0].errors(), both[1].errors(), "%.0f");
    String example = queries.isEmpty() ? "" : " (« " + queries.get(0) + " » → « " + HttpSearchClient.typedSoFar(queries.get(0)) + " »)";
    table.note("typed: the last word cut to its first three-fifths" + example + ", sent with prefix_last=true as the page and"
        + " the widget send it while a word is being typed; ratio = typed ÷ whole.");
    return new Typing(table, both[0].errors() + both[1].errors());
  }

  private static void latencyRows(ResultTable table, String label, Latencies plain, Latencies loupe) {
    table.row(label + " p50 ms", plain.p50Ms(), loupe.p50Ms(), "%.2f");
    table.row(label + " p90 ms", plain.p90Ms(), loupe.p90Ms(), "%.2f");
    table.row(label + " p99 ms", plain.p99Ms(), loupe.p99Ms(), "%.2f");
    table.row(label + " max ms", plain.maxMs(), loupe.maxMs(), "%.2f");
    table.row(label + " qps", plain.qps(), loupe.qps(), "%,.0f");
    if (plain.errors() + loupe.errors() > 0) {
      table.single(label + " errors", plain.errors(), loupe.errors(), "%.0f");
    }
  }

  /** The most frequent countries of the index: realistic ticks that still leave hits. */
  static List<String> topCountries(Loupe loupe, int n) throws IOException {
    List<String> top = new ArrayList<>();
    for (FacetValue v : loupe.search(SearchRequest.builder().query("").facetSize(n).build()).facets()
        .getOrDefault(Fields.COUNTRY, List.of())) {
      top.add(v.value());
    }
    return top;
  }
}
