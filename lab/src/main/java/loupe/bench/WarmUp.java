package loupe.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Repeats warm-up rounds until the JIT has settled, so that latencies measure the code, not its
 * compilation. A method called once per request reaches the optimising compiler only after
 * thousands of calls (HotSpot's Tier4 thresholds), and C2 then spends a long time on Loupe's larger
 * methods on a core the requests need: a fixed few passes left it compiling for most of the measured
 * time (docs/decisions.md).
 */
final class WarmUp {

  /** The JIT counts as settled once it compiles for less than this share of a round's wall time. */
  static final double SETTLED_SHARE = 0.05;

  /** One warm-up round: a pass over the queries on each side. */
  interface Round {
    void run() throws Exception;
  }

  /**
   * What the warm-up did.
   *
   * @param rounds rounds run
   * @param seconds their wall time
   * @param firstShare share of the first round's time the JIT spent compiling (NaN when unknown)
   * @param lastShare the same for the last round
   */
  record Result(int rounds, double seconds, double firstShare, double lastShare) {
    /**
     * Whether the last round was under {@link #SETTLED_SHARE}; false when the JVM does not report
     * compilation time (then the least number of rounds was run).
     */
    boolean settled() {
      return lastShare < SETTLED_SHARE; // false for NaN
    }

    /** One line for the bench's output. */
    String describe() {
      if (Double.isNaN(lastShare)) {
        return String.format(Locale.ROOT, "warm-up: %d passes each, %.1f s (this JVM does not report its JIT time)",
            rounds, seconds);
      }
      return String.format(Locale.ROOT, "warm-up: %d passes each, %.1f s; the JIT compiled for %.0f%% of the first"
          + " pass's time and %.0f%% of the last's%s", rounds, seconds, 100 * firstShare, 100 * lastShare,
          settled() ? "" : String.format(Locale.ROOT, ", still over %.0f%%: the figures include compilation",
              100 * SETTLED_SHARE));
    }
  }

  private WarmUp() {}

  /** Runs at least {@code minRounds} rounds, then more until the JIT settles, at most {@code maxRounds}. */
  static Result run(int minRounds, int maxRounds, Round round) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
    return run(minRounds, maxRounds, round, timed ? jit::getTotalCompilationTime : null);
  }

  /**
   * As {@link #run(int, int, Round)}, reading the JIT's total compilation time in milliseconds from
   * {@code jitMillis} (null when unknown).
   */
  static Result run(int minRounds, int maxRounds, Round round, LongSupplier jitMillis) throws Exception {
    boolean timed = jitMillis != null;
    long started = System.nanoTime();
    double first = Double.NaN;
    double last = Double.NaN;
    int rounds = 0;
    while (rounds < Math.max(1, maxRounds)) {
      long jitBefore = timed ? jitMillis.getAsLong() : 0;
      long t0 = System.nanoTime();
      round.run();
      rounds++;
      if (timed) {
        double wallMs = (System.nanoTime() - t0) / 1e6;
        last = (jitMillis.getAsLong() - jitBefore) / wallMs;
        first = rounds == 1 ? last : first;
      }
      if (rounds >= minRounds && (!timed || last < SETTLED_SHARE)) {
        break;
      }
    }
    return new Result(rounds, (System.nanoTime() - started) / 1e9, first, last);
  }
}
