package loupe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open-loop generator charges a server's stall to every request scheduled during it, where a
 * closed loop (one request at a time per connection, timed from its send) sees one slow request.
 */
class OpenLoopLoadTest {

  @TempDir Path work;
  private HttpServer server;
  private final AtomicBoolean stallOnce = new AtomicBoolean();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      if (stallOnce.getAndSet(false)) {
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aStallDelaysEveryRequestScheduledDuringItInTheOpenLoopButOnlyOneInTheClosedLoop() throws Exception {
    Path paths = Files.writeString(work.resolve("paths.txt"), "/a\n/b\n", StandardCharsets.UTF_8);
    int port = server.getAddress().getPort();

    stallOnce.set(true);
    Wrk.Result open = OpenLoopLoad.atRate(port, paths, 1, 3, 50);
    // 50 requests a second for 3 s, the first stalled 1 s: about 50 requests were due during the
    // stall and each waited for it, so far more than 10% of them took over 300 ms.
    assertEquals(0, open.errors());
    assertTrue(open.requests() >= 120, "about 150 requests scheduled: " + open);
    assertTrue(open.p90() > 300, "the stall shows in the open loop's p90: " + open);

    stallOnce.set(true);
    Wrk.Result closed = OpenLoopLoad.saturate(port, paths, 1, 3);
    assertEquals(0, closed.errors());
    assertTrue(closed.max() >= 900, "the stalled request itself: " + closed);
    assertTrue(closed.p90() < 300, "a closed loop hides the stall from the requests that waited: " + closed);
  }

  @Test
  void rejectsARateThatIsNotPositive() {
    Path paths = work.resolve("paths.txt");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> OpenLoopLoad.atRate(server.getAddress().getPort(), paths, 1, 1, 0));
  }
}
