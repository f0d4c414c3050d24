package loupe.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Bytes allocated on the heap by every thread of a child JVM since it started, and its CPU time, read
 * through its local management agent (attach API, no port opened): the difference over a run divided
 * by its requests is the garbage each request leaves, which the collector and the caches pay for,
 * and the CPU each request costs.
 */
final class AllocationProbe implements AutoCloseable {

  private final JMXConnector connector;
  private final com.sun.management.ThreadMXBean threads;
  private final com.sun.management.OperatingSystemMXBean system;

  private AllocationProbe(JMXConnector connector, com.sun.management.ThreadMXBean threads,
      com.sun.management.OperatingSystemMXBean system) {
    this.connector = connector;
    this.threads = threads;
    this.system = system;
  }

  /**
   * The JVM a started command runs in: the process itself, or, for the launcher (which stays the
   * parent of its JVM while that JVM records a start-up cache), its java child.
   */
  static long jvm(long pid) {
    ProcessHandle process = ProcessHandle.of(pid).orElse(null);
    if (process == null || isJava(process)) {
      return pid;
    }
    return process.descendants().filter(AllocationProbe::isJava).mapToLong(ProcessHandle::pid).findFirst().orElse(pid);
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
  }

  /** Attaches to the JVM of process {@code pid} (same user, loopback only). */
  static AllocationProbe attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm(pid)));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    MBeanServerConnection server = connector.getMBeanServerConnection();
    return new AllocationProbe(connector,
        ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class),
        ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
            com.sun.management.OperatingSystemMXBean.class));
  }

  /** Heap bytes allocated by all threads so far, those that ended included. */
  long allocatedBytes() {
    return threads.getTotalThreadAllocatedBytes();
  }

  /**
   * CPU time of the whole JVM so far (request threads, JIT, collector): per request, a cost that a
   * machine shared with other work inflates far less than latency.
   */
  long cpuNanos() {
    return system.getProcessCpuTime();
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
