package loupe.bench;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe reaches the server's JVM when the bench started a script that stays its parent, as
 * {@code ./loupe serve} does while its JVM records a start-up cache.
 */
class AllocationProbeTest {

  @TempDir Path dir;

  @Test
  void findsAndReadsTheJvmBehindAParentScript() throws Exception {
    Path main = Files.writeString(dir.resolve("Idle.java"),
        "public class Idle { public static void main(String[] a) throws Exception { byte[][] keep = new byte[64][]; "
            + "for (int i = 0; i < 64; i++) keep[i] = new byte[1 << 16]; Thread.sleep(60_000); } }");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process script = new ProcessBuilder(List.of("bash", "-c", "'" + java + "' '" + main + "' & wait")).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      long jvm = script.pid();
      while (jvm == script.pid() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        jvm = AllocationProbe.jvm(script.pid());
      }
      assertNotEquals(script.pid(), jvm, "the script's java child was not found");
      try (AllocationProbe probe = attachWhenReady(jvm, deadline)) {
        assertTrue(probe.allocatedBytes() > 4_000_000, "the child's 4 MB of arrays are counted");
      }
    } finally {
      script.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly().waitFor();
    }
  }

  /** A JVM answers the attach handshake only once it has started. */
  private static AllocationProbe attachWhenReady(long pid, long deadline) throws Exception {
    while (true) {
      try {
        return AllocationProbe.attach(pid);
      } catch (Exception notReady) {
        if (System.nanoTime() > deadline) {
          throw notReady;
        }
        Thread.sleep(200);
      }
    }
  }
}
