package loupe.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of {@code bench http} where wrk is not installed: the JDK's HTTP client on
 * keep-alive connections. At a fixed rate it times each request from the moment it was scheduled,
 * not from when a free connection sent it, so a server that stalls is charged for every request
 * that waited behind the stall (no coordinated omission, as wrk2 and HdrHistogram's users insist).
 * Without a rate it saturates: each connection sends its next request as soon as the last answered,
 * which gives the capacity the rate is chosen from.
 */
final class OpenLoopLoad {

  private OpenLoopLoad() {}

  /** As many requests as {@code connections} connections answer in {@code seconds}, each sent when the last returned. */
  static Wrk.Result saturate(int port, Path paths, int connections, int seconds) throws IOException, InterruptedException {
    return run(port, paths, connections, seconds, 0);
  }

  /**
   * Requests scheduled every {@code 1/rate} seconds for {@code seconds}, spread over {@code connections}
   * connections; a request's latency runs from its scheduled time to its answer.
   */
  static Wrk.Result atRate(int port, Path paths, int connections, int seconds, double rate)
      throws IOException, InterruptedException {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
    return run(port, paths, connections, seconds, rate);
  }

  private static Wrk.Result run(int port, Path paths, int connections, int seconds, double rate)
      throws IOException, InterruptedException {
    List<URI> uris = new ArrayList<>();
    for (String line : Files.readAllLines(paths, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        uris.add(URI.create("http://127.0.0.1:" + port + line.strip()));
      }
    }
    if (uris.isEmpty()) {
      throw new IOException("no request paths in " + paths);
    }
    long start = System.nanoTime();
    Schedule schedule = new Schedule(start, start + seconds * 1_000_000_000L, rate > 0 ? 1e9 / rate : 0);
    List<Connection> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Connection worker = new Connection(uris, schedule);
      workers.add(worker);
      worker.thread.start();
    }
    long[] all = new long[0];
    long errors = 0;
    for (Connection worker : workers) {
      worker.thread.join();
      long[] mine = Arrays.copyOf(worker.latencies, worker.count);
      long[] merged = Arrays.copyOf(all, all.length + mine.length);
      System.arraycopy(mine, 0, merged, all.length, mine.length);
      all = merged;
      errors += worker.errors;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Latencies l = Latencies.of(all, (int) errors, elapsed);
    return new Wrk.Result(all.length, elapsed, errors, l.p50Ms(), l.p90Ms(), l.p99Ms(), l.maxMs());
  }

  /** When request i is due: every {@code intervalNanos} from start, or at once when saturating. */
  private static final class Schedule {
    final long start;
    final long end;
    final double intervalNanos;
    final AtomicLong next = new AtomicLong();

    Schedule(long start, long end, double intervalNanos) {
      this.start = start;
      this.end = end;
      this.intervalNanos = intervalNanos;
    }
  }

  /** One keep-alive connection (one JDK client, requests in sequence) taking the next due request. */
  private static final class Connection implements Runnable {
    final Thread thread;
    final List<URI> uris;
    final Schedule schedule;
    long[] latencies = new long[1024];
    int count;
    long errors;

    Connection(List<URI> uris, Schedule schedule) {
      this.uris = uris;
      this.schedule = schedule;
      this.thread = Thread.ofPlatform().name("open-loop-load").unstarted(this);
    }

    @Override
    public void run() {
      try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build()) {
        while (true) {
          long i = schedule.next.getAndIncrement();
          long due = schedule.intervalNanos > 0 ? schedule.start + (long) (i * schedule.intervalNanos) : System.nanoTime();
          if (due >= schedule.end) {
            return;
          }
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          try {
            HttpResponse<byte[]> answer = client.send(
                HttpRequest.newBuilder(uris.get((int) (i % uris.size()))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
              errors++;
            }
          } catch (IOException e) {
            errors++;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = System.nanoTime() - due;
        }
      }
    }
  }
}
