package loupe.bench;

import java.util.Arrays;

/**
 * What a load run measured: latency percentiles, throughput and errors.
 *
 * @param count requests answered (errors included)
 * @param errors requests that failed (non-200 status, exception, wrong answer)
 * @param seconds wall time of the run
 * @param p50Ms median latency
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param maxMs slowest request
 */
record Latencies(int count, int errors, double seconds, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

  /** Percentiles of per-request times in nanoseconds (nearest rank). */
  static Latencies of(long[] nanos, int errors, double seconds) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted.length, errors, seconds,
        ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.99)),
        sorted.length == 0 ? Double.NaN : ms(sorted[sorted.length - 1]));
  }

  private static long rank(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos < 0 ? Double.NaN : nanos / 1e6;
  }

  /** Requests answered per second over the run. */
  public double qps() {
    return seconds > 0 ? count / seconds : Double.NaN;
  }
}
