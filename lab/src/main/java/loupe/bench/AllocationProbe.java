package loupe.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Bytes allocated on the heap by every thread of a child JVM since it started, read through its
 * local management agent (attach API, no port opened): the difference over a run divided by its
 * requests is the garbage each request leaves, which the collector and the caches pay for.
 */
final class AllocationProbe implements AutoCloseable {

  private final JMXConnector connector;
  private final com.sun.management.ThreadMXBean threads;

  private AllocationProbe(JMXConnector connector, com.sun.management.ThreadMXBean threads) {
    this.connector = connector;
    this.threads = threads;
  }

  /** Attaches to the JVM of process {@code pid} (same user, loopback only). */
  static AllocationProbe attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    MBeanServerConnection server = connector.getMBeanServerConnection();
    return new AllocationProbe(connector, ManagementFactory.newPlatformMXBeanProxy(server,
        ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class));
  }

  /** Heap bytes allocated by all threads so far, those that ended included. */
  long allocatedBytes() {
    return threads.getTotalThreadAllocatedBytes();
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
