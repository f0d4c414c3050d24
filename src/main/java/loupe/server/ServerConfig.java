package loupe.server;

import java.util.List;
import java.util.Objects;

/**
 * How the server listens and whom it lets in.
 *
 * @param host address to bind; loopback unless the operator chooses otherwise
 * @param port TCP port, 0 for any free one
 * @param corsOrigins origins (scheme://host[:port]) that get CORS headers; none by default
 * @param apiToken bearer token required for writes, or {@code null} to disable writes
 */
public record ServerConfig(String host, int port, List<String> corsOrigins, String apiToken) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;

  public ServerConfig {
    host = Objects.requireNonNullElse(host, DEFAULT_HOST);
    corsOrigins = List.copyOf(Objects.requireNonNullElse(corsOrigins, List.of()));
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (apiToken != null && apiToken.isBlank()) {
      apiToken = null;
    }
  }

  /** Loopback, port 7070, no CORS, writes disabled. */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, List.of(), null);
  }
}
