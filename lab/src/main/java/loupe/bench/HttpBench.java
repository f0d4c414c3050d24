package loupe.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench http}: search as users meet it, over HTTP on both sides. Plain Lucene's request
 * behind the JDK's HttpServer ({@link PlainHttpServer}) and Loupe's {@code serve}, each in its own
 * JVM with the same heap and collector, one after the other, driven by the same external load
 * generator (wrk, or {@link OpenLoopLoad} where wrk is absent) with the same warm-up, at 1 and at many
 * connections; a trivial endpoint on each shows the HTTP floor; the heap each search allocates is
 * read from the server's JVM.
 */
public final class HttpBench {

  /**
   * @param data the shared data folder
   * @param warmupSeconds wrk run at the many-connection setting before measuring, on each side
   * @param seconds length of each measured wrk run
   * @param connections connections of the concurrent runs (the single-connection runs always run)
   * @param heapMb -Xmx of both servers
   * @param work folder of the two indexes, reused when present, or null for a temporary one
   * @param generator {@code wrk}, {@code java} (the open-loop generator) or {@code auto} (wrk where installed)
   */
  public record Options(Path data, int warmupSeconds, int seconds, int connections, int heapMb, Path work, String generator) {
    String commandLine() {
      return String.format(Locale.ROOT, "./loupe bench http --data %s --warmup %d --seconds %d --connections %d --heap-mb %d --generator %s%s",
          data, warmupSeconds, seconds, connections, heapMb, generator, work == null ? "" : " --work " + work);
    }
  }

  /** Share of the slower server's saturated capacity the open-loop generator offers: below it, so queues stay short. */
  static final double OPEN_LOOP_LOAD = 0.7;

  /** One timed run against one server: wrk, or the open-loop generator at its rate. */
  @FunctionalInterface
  private interface Driver {
    Wrk.Result run(int port, Path paths, int connections, int seconds) throws IOException, InterruptedException;
  }

  /** What one server measured: search and floor at 1 and many connections, bytes per request, first answer. */
  private record Side(Wrk.Result search1, Wrk.Result searchMany, Wrk.Result floor1, Wrk.Result floorMany,
      double bytesPerSearch, double bytesPerFloor, double cpuMsPerSearch, double cpuMsPerFloor, double firstAnswerSeconds) {}

  private static final int WARMUP_SLICE_SECONDS = 15;

  /** How to start one server and what to ask it. */
  private record Server(String name, List<String> command, Map<String, String> env, String searchPath, String floorPath) {}

  private HttpBench() {}

  /** Runs the benchmark and prints its table; returns the exit code (0, also when skipped). */
  public static int run(Options options, PrintWriter out) throws Exception {
    return BenchInput.withArticlesAndQueries(options.data(), options.work(), "http", out, (files, queries, work) -> {
      Optional<Wrk> wrk = Wrk.find(work);
      if (options.generator().equals("wrk") && wrk.isEmpty()) {
        out.println("skipped: wrk not found on the PATH (Debian/Ubuntu: apt-get install wrk); --generator java needs nothing");
        out.flush();
        return 0;
      }
      if (options.generator().equals("java")) {
        wrk = Optional.empty();
      }
      QueryBench.Indexes indexes = QueryBench.Indexes.prepare(files, work, out);
      return run(options, wrk, queries, indexes, work, out);
    });
  }

  private static int run(Options options, Optional<Wrk> wrk, List<String> queries, QueryBench.Indexes indexes, Path work,
      PrintWriter out) throws Exception {
    String generator = wrk.isPresent() ? "wrk" : "the open-loop Java generator";
    out.printf(Locale.ROOT, "bench http: %d queries, %s, warm-up %d s at %d connections, runs of %d s, -Xmx%dm on both servers%n",
        queries.size(), generator, options.warmupSeconds(), options.connections(), options.seconds(), options.heapMb());
    out.flush();
    Server loupeServer = loupeServer(indexes.loupe(), options.heapMb());
    if (!loupeServer.env().isEmpty() && !ColdIndexBench.startupCacheExists("serve")) {
      // The first serve after a build records the launcher's start-up cache (JVM in training mode,
      // cache written at exit): a user meets that once, so it is run and stopped before measuring.
      out.println("  recording the start-up cache of serve (first start after a build)");
      Running.start(loupeServer, queries, work, out).close();
      loupeServer = loupeServer(indexes.loupe(), options.heapMb());
    }
    Side plain;
    Side loupe;
    double[] capacity1 = null;
    double[] capacityMany = null;
    try (Running p = Running.start(plainServer(indexes.plain(), options.heapMb()), queries, work, out);
        Running l = Running.start(loupeServer, queries, work, out)) {
      // Both servers stay up and every phase runs on one then the other, so that both meet the same
      // moments of a shared machine; an idle server costs the other nothing.
      // Warm-up in slices of about 15 s, each printed: under load on a small machine the JIT takes
      // minutes to compile a server's hot code, and the slices show when each side stops speeding up.
      int slices = Math.max(1, Math.round(options.warmupSeconds() / (float) WARMUP_SLICE_SECONDS));
      int sliceSeconds = Math.max(1, options.warmupSeconds() / slices);
      Driver saturating = wrk.isPresent() ? wrk.get()::run : OpenLoopLoad::saturate;
      for (int i = 0; i < slices && options.warmupSeconds() > 0; i++) {
        double plainQps = saturating.run(p.port, p.searchPaths, options.connections(), sliceSeconds).qps();
        double loupeQps = saturating.run(l.port, l.searchPaths, options.connections(), sliceSeconds).qps();
        out.printf(Locale.ROOT, "  warm-up %d-%d s at %d connections: plain %.0f q/s, Loupe %.0f q/s%n",
            i * sliceSeconds, (i + 1) * sliceSeconds, options.connections(), plainQps, loupeQps);
        out.flush();
      }
      List<Running> both = List.of(p, l);
      int seconds = options.seconds();
      Driver one = saturating;
      Driver many = saturating;
      if (wrk.isEmpty()) {
        // Open loop: each server's capacity first (closed loop), then every measured run offers both
        // servers the same rate, a share of the slower one's capacity at that number of connections.
        capacity1 = capacity(both, 1, seconds);
        capacityMany = capacity(both, options.connections(), seconds);
        double rate1 = OPEN_LOOP_LOAD * Math.min(capacity1[0], capacity1[1]);
        double rateMany = OPEN_LOOP_LOAD * Math.min(capacityMany[0], capacityMany[1]);
        out.printf(Locale.ROOT, "  open loop at %.0f q/s (1 connection) and %.0f q/s (%d connections)%n", rate1, rateMany, options.connections());
        out.flush();
        one = (port, paths, connections, s) -> OpenLoopLoad.atRate(port, paths, connections, s, rate1);
        many = (port, paths, connections, s) -> OpenLoopLoad.atRate(port, paths, connections, s, rateMany);
      }
      Phase[] search1 = phase(one, both, true, 1, seconds);
      Phase[] searchMany = phase(many, both, true, options.connections(), seconds);
      Phase[] floor1 = phase(one, both, false, 1, seconds);
      Phase[] floorMany = phase(many, both, false, options.connections(), seconds);
      for (Running r : both) {
        if (!r.process.isAlive()) {
          throw new IOException(r.server.name() + " server died during the runs (exit " + r.process.exitValue() + ")");
        }
      }
      plain = new Side(search1[0].result(), searchMany[0].result(), floor1[0].result(), floorMany[0].result(),
          search1[0].bytesPerRequest(), floor1[0].bytesPerRequest(), searchMany[0].cpuMsPerRequest(),
          floorMany[0].cpuMsPerRequest(), p.firstAnswer);
      loupe = new Side(search1[1].result(), searchMany[1].result(), floor1[1].result(), floorMany[1].result(),
          search1[1].bytesPerRequest(), floor1[1].bytesPerRequest(), searchMany[1].cpuMsPerRequest(),
          floorMany[1].cpuMsPerRequest(), l.firstAnswer);
    }
    ResultTable table = new ResultTable(String.format(Locale.ROOT,
        "http: %d keyword queries over HTTP on loopback, %s, each server in its own JVM", queries.size(), generator));
    latencyRows(table, "search, 1 conn", plain.search1(), loupe.search1());
    latencyRows(table, "search, " + options.connections() + " conn", plain.searchMany(), loupe.searchMany());
    latencyRows(table, "floor, 1 conn", plain.floor1(), loupe.floor1());
    latencyRows(table, "floor, " + options.connections() + " conn", plain.floorMany(), loupe.floorMany());
    table.row("KB allocated per search", plain.bytesPerSearch() / 1024, loupe.bytesPerSearch() / 1024, "%,.1f");
    table.row("KB allocated per floor request", plain.bytesPerFloor() / 1024, loupe.bytesPerFloor() / 1024, "%,.1f");
    table.row("server CPU ms per search", plain.cpuMsPerSearch(), loupe.cpuMsPerSearch(), "%.2f");
    table.row("server CPU ms per floor request", plain.cpuMsPerFloor(), loupe.cpuMsPerFloor(), "%.3f");
    table.single("first answer after start s", plain.firstAnswerSeconds(), loupe.firstAnswerSeconds(), "%.2f");
    if (capacity1 != null) {
      table.row("search, 1 conn capacity q/s (closed loop)", capacity1[0], capacity1[1], "%,.0f");
      table.row("search, " + options.connections() + " conn capacity q/s (closed loop)", capacityMany[0], capacityMany[1], "%,.0f");
    }
    table.note("plain: JDK HttpServer (pool of " + plainThreads() + " threads, TCP_NODELAY as Jetty), GET /search?q= (parse, top 10, category facet,"
        + " UnifiedHighlighter title+body, stored fields, JSON); floor: GET /health.");
    table.note("Loupe: ./loupe serve, GET /api/search?q= (facets country+person, snippets, entities, spelling); floor: GET /api/health.");
    table.note("same collector (" + String.join(" ", serverCollector()) + "), same heap, same wrk runs; both servers up at once,"
        + " each phase run on plain then on Loupe. "
        + (capacity1 == null ? "wrk times each request from its send (closed loop, one request at a time per connection)."
            : "Open loop: requests scheduled at " + Math.round(OPEN_LOOP_LOAD * 100) + "% of the slower server's closed-loop capacity,"
                + " each timed from its scheduled send (waiting for a free connection counts); q/s rows are the offered rate."));
    table.note("allocation: all threads' heap bytes (ThreadMXBean via the attach API) over each 1-connection run, divided by wrk's requests;"
        + " CPU: the server JVM's CPU time (all threads) over each " + options.connections() + "-connection run, divided likewise.");
    table.print(out, options.commandLine());
    long errors = plain.search1().errors() + plain.searchMany().errors() + loupe.search1().errors() + loupe.searchMany().errors();
    return errors == 0 ? 0 : 1;
  }

  /** One wrk run on one server, with the heap its JVM allocated per request meanwhile. */
  private record Phase(Wrk.Result result, double bytesPerRequest, double cpuMsPerRequest) {}

  /** The same wrk run on each server in turn: searches, or the floor endpoint. */
  private static Phase[] phase(Driver driver, List<Running> servers, boolean search, int connections, int seconds)
      throws IOException, InterruptedException {
    Phase[] phases = new Phase[servers.size()];
    for (int s = 0; s < phases.length; s++) {
      Running r = servers.get(s);
      long before = r.probe.allocatedBytes();
      long cpuBefore = r.probe.cpuNanos();
      Wrk.Result result = driver.run(r.port, search ? r.searchPaths : r.floorPaths, connections, seconds);
      double requests = Math.max(1, result.requests());
      phases[s] = new Phase(result, (r.probe.allocatedBytes() - before) / requests, (r.probe.cpuNanos() - cpuBefore) / 1e6 / requests);
    }
    return phases;
  }

  /** Each server's searches answered per second with {@code connections} connections kept busy. */
  private static double[] capacity(List<Running> servers, int connections, int seconds) throws IOException, InterruptedException {
    double[] qps = new double[servers.size()];
    for (int s = 0; s < qps.length; s++) {
      qps[s] = OpenLoopLoad.saturate(servers.get(s).port, servers.get(s).searchPaths, connections, seconds).qps();
    }
    return qps;
  }

  private static void latencyRows(ResultTable table, String label, Wrk.Result plain, Wrk.Result loupe) {
    table.row(label + " p50 ms", plain.p50(), loupe.p50(), "%.2f");
    table.row(label + " p90 ms", plain.p90(), loupe.p90(), "%.2f");
    table.row(label + " p99 ms", plain.p99(), loupe.p99(), "%.2f");
    table.row(label + " max ms", plain.max(), loupe.max(), "%.2f");
    table.row(label + " q/s", plain.qps(), loupe.qps(), "%,.0f");
    table.single(label + " errors", plain.errors(), loupe.errors(), "%.0f");
  }

  /** Threads of the plain server's pool: twice the cores, enough to keep them busy while others write. */
  private static int plainThreads() {
    return 2 * Runtime.getRuntime().availableProcessors();
  }

  /** The collector of both servers: the one this JVM was given, else the one the launcher gives serve. */
  private static List<String> serverCollector() {
    List<String> collector = ChildJvm.collectorOptions();
    return collector.isEmpty() ? ChildJvm.launcherCollector("serve") : collector;
  }

  private static Server plainServer(Path index, int heapMb) throws IOException {
    int port = ChildJvm.freePort();
    List<String> jvm = new ArrayList<>();
    if (ChildJvm.collectorOptions().isEmpty()) {
      jvm.addAll(ChildJvm.launcherCollector("serve"));
    }
    // The JDK's server writes a response's headers and body apart; without TCP_NODELAY (which Jetty
    // sets by default) the body waits for the client's delayed ACK, about 40 ms on Linux: a baseline
    // slowed by that would flatter Loupe.
    jvm.add("-Dsun.net.httpserver.nodelay=true");
    List<String> command = ChildJvm.command(heapMb, jvm, PlainHttpServer.class.getName(),
        List.of(index.toString(), Integer.toString(port), Integer.toString(plainThreads())));
    return new Server("plain", command, Map.of(), "http://127.0.0.1:" + port + "/search?q=", "http://127.0.0.1:" + port + "/health");
  }

  /**
   * {@code ./loupe serve} through the launcher next to the jar, as a user starts it (its collector and
   * start-up cache), the heap limit given through LOUPE_JAVA_OPTS; the bare class without a launcher.
   */
  private static Server loupeServer(Path index, int heapMb) throws IOException {
    int port = ChildJvm.freePort();
    List<String> args = List.of("serve", "--index", index.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port));
    Optional<Path> launcher = ColdIndexBench.launcher();
    List<String> command;
    Map<String, String> env = new HashMap<>();
    if (launcher.isPresent()) {
      command = new ArrayList<>();
      command.add(launcher.get().toString());
      command.addAll(args);
      String given = System.getenv().getOrDefault("LOUPE_JAVA_OPTS", "");
      env.put("LOUPE_JAVA_OPTS", (given + " -Xmx" + heapMb + "m -XX:+ExitOnOutOfMemoryError").strip());
    } else {
      command = ChildJvm.command(heapMb, serverCollector(), "loupe.cli.LoupeCommand", args);
    }
    return new Server("Loupe", command, env, "http://127.0.0.1:" + port + "/api/search?q=",
        "http://127.0.0.1:" + port + "/api/health");
  }

  /** A server started for the runs, with its request paths for wrk and its allocation probe. */
  private static final class Running implements AutoCloseable {
    final Server server;
    final Process process;
    final int port;
    final Path searchPaths;
    final Path floorPaths;
    final double firstAnswer;
    AllocationProbe probe;

    private Running(Server server, Process process, Path searchPaths, Path floorPaths, double firstAnswer) {
      this.server = server;
      this.process = process;
      this.port = URI.create(server.searchPath()).getPort();
      this.searchPaths = searchPaths;
      this.floorPaths = floorPaths;
      this.firstAnswer = firstAnswer;
    }

    static Running start(Server server, List<String> queries, Path work, PrintWriter out) throws Exception {
      URI search = URI.create(server.searchPath());
      String prefix = search.getRawPath() + "?q=";
      Path searchPaths = work.resolve("paths-" + server.name() + ".txt");
      List<String> lines = new ArrayList<>(queries.size());
      for (String q : queries) {
        lines.add(prefix + URLEncoder.encode(q, StandardCharsets.UTF_8));
      }
      Files.write(searchPaths, lines, StandardCharsets.UTF_8);
      Path floorPaths = work.resolve("paths-" + server.name() + "-floor.txt");
      Files.writeString(floorPaths, URI.create(server.floorPath()).getRawPath() + "\n", StandardCharsets.UTF_8);

      ProcessBuilder builder = new ProcessBuilder(server.command()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(server.env());
      long started = System.nanoTime();
      Process process = builder.start();
      try {
        double firstAnswer = awaitFirstAnswer(process,
            server.searchPath() + URLEncoder.encode(queries.get(0), StandardCharsets.UTF_8), started, 120);
        out.printf(Locale.ROOT, "  %s: first answer %.2f s after start%n", server.name(), firstAnswer);
        out.flush();
        Running running = new Running(server, process, searchPaths, floorPaths, firstAnswer);
        running.probe = AllocationProbe.attach(process.pid());
        return running;
      } catch (Exception e) {
        stop(process);
        throw e;
      }
    }

    @Override
    public void close() throws Exception {
      try {
        if (probe != null) {
          probe.close();
        }
      } finally {
        stop(process);
      }
    }
  }

  /** Polls the first search until it is answered: the start-up figure, JVM start included. */
  private static double awaitFirstAnswer(Process process, String url, long started, double timeoutSeconds) throws Exception {
    long deadline = started + (long) (timeoutSeconds * 1e9);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(1_000);
        connection.setReadTimeout(30_000);
        if (connection.getResponseCode() == 200) {
          connection.getInputStream().readAllBytes();
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException notListeningYet) {
        // the port opens only once the index is open
      }
      Thread.sleep(10);
    }
    throw new IOException("the server did not answer within " + timeoutSeconds + " s (" + (process.isAlive() ? "still running" : "exit " + process.exitValue()) + ")");
  }

  /** Stops a server as Ctrl-C does; a JVM writing its start-up cache on the way out is given time. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
