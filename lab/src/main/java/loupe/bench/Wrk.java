package loupe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The external load generator of {@code bench http}: wrk, driving both servers the same way with
 * the same request paths in turn, its figures read from a line its Lua script prints. An external
 * generator in C keeps the client's own JIT and collector out of both servers' latencies.
 */
final class Wrk {

  /**
   * Each thread walks the paths from its own offset; {@code done} prints one machine-readable line
   * (latencies in microseconds; socket errors apart from non-2xx answers).
   */
  private static final String SCRIPT = """
      local paths = {}
      local i = 0
      local threads = 0
      function setup(thread)
        thread:set("offset", threads * 389)
        threads = threads + 1
      end
      function init(args)
        for line in io.lines(args[1]) do paths[#paths + 1] = line end
        i = (offset or 0) % #paths
      end
      function request()
        i = i % #paths + 1
        return wrk.format("GET", paths[i])
      end
      function done(summary, latency, requests)
        local e = summary.errors
        io.write(string.format("WRK requests=%d duration_us=%d socket_errors=%d status_errors=%d p50=%d p90=%d p99=%d max=%d\\n",
          summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
          latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
      end
      """;

  /** What one wrk run measured. Latencies in milliseconds. */
  record Result(long requests, double seconds, long errors, double p50, double p90, double p99, double max) {
    double qps() {
      return requests / seconds;
    }
  }

  private final Path binary;
  private final Path script;

  private Wrk(Path binary, Path script) {
    this.binary = binary;
    this.script = script;
  }

  /** wrk on the PATH (or /usr/bin/wrk), with its script written to {@code work}; empty when not installed. */
  static Optional<Wrk> find(Path work) throws IOException {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "wrk"));
      }
    }
    candidates.add(Path.of("/usr/bin/wrk"));
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        Path script = work.resolve("bench-http.lua");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        return Optional.of(new Wrk(candidate, script));
      }
    }
    return Optional.empty();
  }

  /**
   * Runs wrk for {@code seconds} with {@code connections} connections against
   * {@code http://127.0.0.1:port}, requesting {@code paths} in turn.
   */
  Result run(int port, Path paths, int connections, int seconds) throws IOException, InterruptedException {
    int threads = Math.min(connections, Math.max(1, Runtime.getRuntime().availableProcessors()));
    List<String> command = List.of(binary.toString(), "-t", Integer.toString(threads), "-c", Integer.toString(connections),
        "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(), "http://127.0.0.1:" + port, "--", paths.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String line = null;
    StringBuilder all = new StringBuilder();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String l;
      while ((l = in.readLine()) != null) {
        all.append(l).append('\n');
        if (l.startsWith("WRK ")) {
          line = l;
        }
      }
    }
    if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    if (line == null) {
      throw new IOException("wrk printed no result: " + all);
    }
    return parse(line);
  }

  static Result parse(String line) {
    Map<String, Long> v = new TreeMap<>();
    for (String part : line.substring(4).trim().split(" ")) {
      String[] kv = part.split("=");
      v.put(kv[0], Long.parseLong(kv[1]));
    }
    return new Result(v.get("requests"), v.get("duration_us") / 1e6, v.get("socket_errors") + v.get("status_errors"),
        v.get("p50") / 1e3, v.get("p90") / 1e3, v.get("p99") / 1e3, v.get("max") / 1e3);
  }
}
