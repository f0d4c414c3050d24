package loupe.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import loupe.cli.ExternalCommand;
import loupe.cli.LoupeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code loupe bench}: Loupe against plain Lucene in the same run, printed as ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
      "Loupe against plain Lucene, on the same input in the same run.",
      "Each benchmark prints both figures, their ratio (Loupe / plain) and its command line.",
      "Input: ../shared/data (orangesum-news, queries); skipped with a message when absent."
    },
    subcommands = {
      BenchCommand.Index.class,
      BenchCommand.Query.class,
      BenchCommand.Scale.class,
      BenchCommand.Memory.class,
      BenchCommand.Load.class,
      BenchCommand.Http.class
    })
public final class BenchCommand implements Runnable, ExternalCommand {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the shared data lives; every benchmark reads it. */
  static final class DataOption {
    @Option(names = "--data", paramLabel = "DIR",
        description = "The shared data folder (default: ../shared/data next to the project).")
    Path data;

    Path dir() {
      return data != null ? data : LoupeCommand.home().resolve("../shared/data").normalize();
    }
  }

  /**
   * {@code --solr ZK --collection C}: the benchmark runs Loupe on that SolrCloud collection beside Loupe on
   * its embedded index instead of plain Lucene beside Loupe ({@link SolrBench}); the collection is emptied.
   */
  static final class SolrOption {
    @Option(names = "--solr", paramLabel = "ZK",
        description = "Compare Loupe on this SolrCloud (ZooKeeper host:port[/chroot]) with Loupe embedded, through the HTTP API.")
    String zk;

    @Option(names = "--collection", paramLabel = "NAME", description = "With --solr: a collection set up by ./loupe solr setup; it is emptied.")
    String collection;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "250", description = "With --solr: keyword queries sent, from the first (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--solr-warmup", paramLabel = "N", defaultValue = "1", description = "With --solr: warm-up passes over the queries (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--solr-passes", paramLabel = "N", defaultValue = "2", description = "With --solr: measured passes (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--solr-only", description = "With --solr: measure the cluster side alone (a scale run whose embedded side `bench scale` measures without --solr).")
    boolean solrOnly;

    boolean on(CommandLine.Model.CommandSpec spec) {
      if (zk == null && collection == null) {
        if (solrOnly) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--solr-only needs --solr ZK --collection NAME");
        }
        return false;
      }
      if (zk == null || collection == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), zk == null ? "--collection needs --solr ZK" : "--solr needs --collection NAME");
      }
      positive("--queries", queries);
      positive("--solr-passes", passes);
      return true;
    }

    int run(Path data, long synthetic, long seed, Path work, String command, PrintWriter out) throws Exception {
      return SolrBench.run(new SolrBench.Options(data, zk, collection, synthetic, queries, Math.max(0, warmup), passes, seed,
          work, command, solrOnly), out);
    }
  }

  /** {@code loupe bench index}. */
  @Command(name = "index", mixinStandardHelpOptions = true,
      description = "Indexing throughput: the full pipeline (read, parse, analyse, entities, index, commit) vs plain Lucene, and each stage alone.")
  static final class Index implements Callable<Integer> {
    @Mixin DataOption data;

    @Option(names = "--threads", paramLabel = "N", description = "Indexing threads of the baseline and the stages (default: the cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2", description = "Full runs of each side; the fastest counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--ram-buffer-mb", paramLabel = "MB", defaultValue = "128", description = "RAM buffer of the plain IndexWriter (default: ${DEFAULT-VALUE}, as Loupe's).")
    double ramBufferMb;

    @Option(names = "--no-stages", description = "Skip timing each stage alone.")
    boolean noStages;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder for the indexes (default: a temporary one).")
    Path work;

    @Option(names = "--cold", description = "First time one-shot runs, each a fresh JVM as a user starts it: ./loupe index and a plain indexer.")
    boolean cold;

    @Option(names = "--cold-runs", paramLabel = "N", defaultValue = "3", description = "One-shot runs of each side with --cold (default: ${DEFAULT-VALUE}).")
    int coldRuns;

    @Option(names = "--no-warm", description = "With --cold: skip the warm rounds in this JVM.")
    boolean noWarm;

    @Mixin SolrOption solr;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (solr.on(spec)) {
        return solr.run(data.dir(), 0, 0, work, "index", out(spec));
      }
      positive("--threads", threads);
      positive("--rounds", rounds);
      positive("--cold-runs", coldRuns);
      return IndexBench.run(new IndexBench.Options(data.dir(), threads, rounds, ramBufferMb, !noStages, work,
          cold ? coldRuns : 0, !(cold && noWarm)), out(spec));
    }
  }

  /** {@code loupe bench query}. */
  @Command(name = "query", mixinStandardHelpOptions = true,
      description = "Query latency (1 and 2 threads) and throughput (concurrent HTTP clients): the Loupe server vs plain Lucene in-process.")
  static final class Query implements Callable<Integer> {
    @Mixin DataOption data;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
        description = "Least warm-up passes over the queries; more follow until the JIT compiles for under 5%% of a pass (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--max-warmup", paramLabel = "N", defaultValue = "40",
        description = "Most warm-up passes, whether the JIT has settled or not (default: ${DEFAULT-VALUE}).")
    int maxWarmup;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "2", description = "Measured passes per thread count (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "16", description = "Concurrent HTTP clients of the throughput run (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "8000", description = "Requests of the throughput run (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "120", description = "Time bound of each run (default: ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--country", paramLabel = "NAME", description = "A country to tick, in turn per request (repeatable; default: the index's top three).")
    List<String> countries = new ArrayList<>();

    @Option(names = "--no-country", description = "Tick no country.")
    boolean noCountry;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder of the two indexes, reused when present (default: a temporary one).")
    Path work;

    @Mixin SolrOption solr;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (solr.on(spec)) {
        return solr.run(data.dir(), 0, 0, work, "query", out(spec));
      }
      positive("--passes", passes);
      positive("--clients", clients);
      positive("--requests", requests);
      if (maxWarmup < Math.max(1, warmup)) {
        throw new loupe.search.InvalidRequestException("--max-warmup", "must be at least --warmup (" + warmup + "), got " + maxWarmup);
      }
      return QueryBench.run(new QueryBench.Options(data.dir(), warmup, maxWarmup, passes, clients, requests, maxSeconds,
          countries, noCountry, work), out(spec));
    }
  }

  /** {@code loupe bench scale}. */
  @Command(name = "scale", mixinStandardHelpOptions = true,
      description = "A synthetic corpus made from the real articles: indexing, size, query latency, heap, start-up of serve. Not for CI.")
  static final class Scale implements Callable<Integer> {
    @Mixin DataOption data;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "1000000", description = "Synthetic corpus size (default: ${DEFAULT-VALUE}; try 100000 first).")
    long articles;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Warm-up passes over the queries (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "1", description = "Measured passes (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the synthetic corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (needs ~3 KB/article for the corpus and both indexes; default: a temporary one).")
    Path work;

    @Option(names = "--reuse-indexes", description = "Query the indexes an earlier run left in --work instead of building them again (no indexing figures).")
    boolean reuseIndexes;

    @Mixin SolrOption solr;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      positive("--articles", articles);
      if (solr.on(spec)) {
        return solr.run(data.dir(), articles, seed, work, "scale", out(spec));
      }
      positive("--passes", passes);
      if (reuseIndexes && work == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--reuse-indexes needs --work DIR");
      }
      return ScaleBench.run(new ScaleBench.Options(data.dir(), articles, warmup, passes, seed, work, reuseIndexes),
          out(spec));
    }
  }

  /** {@code loupe bench memory}. */
  @Command(name = "memory", mixinStandardHelpOptions = true,
      description = "The smallest -Xmx that indexes the corpus, and that serves it under load, found by bisection over child JVMs.")
  static final class Memory implements Callable<Integer> {
    @Mixin DataOption data;

    @Option(names = "--low", paramLabel = "MB", defaultValue = "32", description = "A heap assumed too small (default: ${DEFAULT-VALUE}).")
    int low;

    @Option(names = "--high", paramLabel = "MB", defaultValue = "1024", description = "A heap that must work (default: ${DEFAULT-VALUE}).")
    int high;

    @Option(names = "--resolution", paramLabel = "MB", defaultValue = "32", description = "Stop when the bounds are this close (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "16", description = "Concurrent clients while serving (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "2000", description = "Requests of each serving probe (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "180", description = "A probe slower than this fails (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder of the indexes, reused when present (default: a temporary one).")
    Path work;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      positive("--resolution", resolution);
      if (low >= high) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--low must be below --high");
      }
      return MemoryBench.run(new MemoryBench.Options(data.dir(), low, high, resolution, clients, requests, timeout, work), out(spec));
    }
  }

  private static PrintWriter out(CommandLine.Model.CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  private static void positive(String option, long value) {
    if (value <= 0) {
      throw new loupe.search.InvalidRequestException(option, "must be at least 1, got " + value);
    }
  }

  /** {@code loupe bench load}: the load test (many connections for a fixed time, errors, p99, heap trend). */
  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "Load test: concurrent HTTP connections on loopback for a fixed time with the keyword query mix; "
          + "reports errors, latency percentiles and the heap kept after GC. Uses the demo corpus when ../shared is absent.")
  static final class Load implements Callable<Integer> {
    @Mixin DataOption data;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Measured duration (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "64", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "15", description = "Warm-up duration, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      positive("--seconds", seconds);
      positive("--connections", connections);
      if (connections > 512 || seconds > 3600) {
        throw new loupe.search.InvalidRequestException(connections > 512 ? "--connections" : "--seconds",
            "at most 512 connections and 3600 seconds");
      }
      return LoadBench.run(new LoadBench.Options(data.dir(), connections, seconds, Math.max(0, warmup)), out(spec));
    }
  }

  /** {@code loupe bench http}: both sides over HTTP, each server in its own JVM, driven by wrk or the open-loop Java generator. */
  @Command(name = "http", mixinStandardHelpOptions = true,
      description = "Search as users meet it: plain Lucene behind the JDK's HttpServer vs ./loupe serve, each in its own JVM, "
          + "driven by wrk (or, without it, an open-loop Java generator) at 1 and N connections (p50/p90/p99/max, q/s, errors), a trivial endpoint on each (the HTTP floor), "
          + "and the heap bytes each search allocates.")
  static final class Http implements Callable<Integer> {
    @Mixin DataOption data;

    // Under load on a small machine Loupe's server keeps speeding up while the JIT compiles its hot code
    // (docs/performance-http.md): the warm figures are those of a server past that.
    @Option(names = "--warmup", paramLabel = "S", defaultValue = "150",
        description = "Warm-up of each server under load, seconds, printed in slices of about 15 s (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "15", description = "Length of each measured run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "16", description = "Connections of the concurrent runs (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--heap-mb", paramLabel = "MB", defaultValue = "256", description = "-Xmx of both servers (default: ${DEFAULT-VALUE}).")
    int heapMb;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder of the two indexes, reused when present (default: a temporary one).")
    Path work;

    @Option(names = "--generator", paramLabel = "G", defaultValue = "auto",
        description = "Load generator: wrk, java (open loop, timed from each request's scheduled send) or auto, wrk where installed (default: ${DEFAULT-VALUE}).")
    String generator;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!List.of("auto", "wrk", "java").contains(generator)) {
        throw new loupe.search.InvalidRequestException("--generator", "one of auto, wrk, java");
      }
      positive("--seconds", seconds);
      positive("--connections", connections);
      positive("--heap-mb", heapMb);
      if (connections > 512 || seconds > 600 || warmup > 600 || warmup < 0) {
        throw new loupe.search.InvalidRequestException(connections > 512 ? "--connections" : seconds > 600 ? "--seconds" : "--warmup",
            "at most 512 connections, 600 seconds a run, a warm-up of 0 to 600 seconds");
      }
      return loupe.bench.HttpBench.run(new loupe.bench.HttpBench.Options(data.dir(), warmup, seconds, connections, heapMb, work, generator), out(spec));
    }
  }
}
