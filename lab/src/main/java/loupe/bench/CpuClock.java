package loupe.bench;

import java.lang.management.ManagementFactory;

/**
 * Reads the CPU time of this process, to tell "both cores busy" from "one thread working while the
 * other waits": CPU seconds over wall seconds is the number of busy cores.
 */
final class CpuClock {

  private CpuClock() {}

  /** CPU time used by this process so far in nanoseconds, or -1 when the JVM cannot tell. */
  static long processNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Busy cores over an interval: CPU time ÷ wall time; NaN when CPU time is unknown. */
  static double busyCores(long cpuBefore, long cpuAfter, double wallSeconds) {
    if (cpuBefore < 0 || cpuAfter < 0 || wallSeconds <= 0) {
      return Double.NaN;
    }
    return (cpuAfter - cpuBefore) / 1e9 / wallSeconds;
  }
}
