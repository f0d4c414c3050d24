package loupe.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queries from a fixed number of client threads, each taking the next query in turn, bounded
 * by a request count and a deadline, and times every request from the client's side.
 */
final class LoadRun {

  /** One client's way of running a query; returns false (or throws) when the answer is wrong. */
  interface Client {
    boolean search(String query, int request) throws Exception;
  }

  /** Makes one client for each thread, so each thread may hold its own connection. */
  interface Clients {
    Client forThread(int thread) throws Exception;
  }

  /** Raw timings of one or more runs, merged before the percentiles are taken. */
  private record Sample(long[] nanos, int errors, double seconds) {
    Sample plus(Sample other) {
      long[] all = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
      System.arraycopy(other.nanos, 0, all, nanos.length, other.nanos.length);
      return new Sample(all, errors + other.errors, seconds + other.seconds);
    }

    Latencies latencies() {
      return Latencies.of(nanos, errors, seconds);
    }
  }

  private LoadRun() {}

  /**
   * Sends {@code requests} queries (cycling over {@code queries}) from {@code threads} threads, stopping
   * early at {@code maxSeconds}.
   */
  static Latencies run(List<String> queries, int threads, int requests, double maxSeconds, Clients clients)
      throws Exception {
    return sample(queries, 0, threads, requests, maxSeconds, clients(clients, threads)).latencies();
  }

  /**
   * Measures two systems in alternating blocks of {@code block} requests, so that both see the same
   * background load on a shared machine; returns {@code [a, b]}.
   */
  static Latencies[] interleaved(List<String> queries, int threads, int requests, int block, double maxSeconds,
      Clients a, Clients b) throws Exception {
    return interleaved(queries, threads, threads, requests, block, maxSeconds, a, b);
  }

  /** As {@link #interleaved(List, int, int, int, double, Clients, Clients)}, with its own thread count for each side. */
  static Latencies[] interleaved(List<String> queries, int threadsA, int threadsB, int requests, int block,
      double maxSeconds, Clients a, Clients b) throws Exception {
    List<Client> clientsA = clients(a, threadsA);
    List<Client> clientsB = clients(b, threadsB);
    Sample sa = new Sample(new long[0], 0, 0);
    Sample sb = new Sample(new long[0], 0, 0);
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    for (int offset = 0; offset < requests && System.nanoTime() < deadline; offset += block) {
      int n = Math.min(block, requests - offset);
      double left = (deadline - System.nanoTime()) / 1e9;
      sa = sa.plus(sample(queries, offset, threadsA, n, left, clientsA));
      sb = sb.plus(sample(queries, offset, threadsB, n, left, clientsB));
    }
    return new Latencies[] {sa.latencies(), sb.latencies()};
  }

  private static List<Client> clients(Clients clients, int threads) throws Exception {
    List<Client> perThread = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      perThread.add(clients.forThread(t));
    }
    return perThread;
  }

  private static Sample sample(List<String> queries, int offset, int threads, int requests, double maxSeconds,
      List<Client> perThread) throws InterruptedException {
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    List<Thread> workers = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Client client = perThread.get(t);
      Thread worker = new Thread(() -> {
        int i;
        while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
          long t0 = System.nanoTime();
          boolean ok;
          try {
            ok = client.search(queries.get((offset + i) % queries.size()), offset + i);
          } catch (Exception e) {
            ok = false;
          }
          nanos[i] = Math.max(1, System.nanoTime() - t0);
          if (!ok) {
            errors.incrementAndGet();
          }
        }
      }, "bench-client-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    // Requests past the deadline were never sent: leave their empty slots out of the percentiles.
    return new Sample(Arrays.stream(nanos).filter(n -> n > 0).toArray(), errors.get(), seconds);
  }
}
