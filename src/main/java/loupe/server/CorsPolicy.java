package loupe.server;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access: the API answers browsers of the configured origins only; the embeddable
 * widget's files under {@code /embed/} are public, so any page can load it (its API calls are then
 * subject to the list).
 *
 * <p>Unlike Javalin's CORS plugin, an origin that is not listed gets no CORS headers rather than a
 * 400: browsers send an Origin header on same-origin module scripts too, and Loupe's own pages must
 * keep working whatever the list says.
 */
final class CorsPolicy {

  private static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
  private static final String ALLOWED_HEADERS = "Content-Type, Authorization";

  private final Set<String> origins;

  CorsPolicy(List<String> origins) {
    this.origins = origins.stream().map(CorsPolicy::normalise).collect(Collectors.toUnmodifiableSet());
  }

  /** Adds the CORS headers a request is entitled to; answers preflight requests. */
  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    ctx.header("Vary", "Origin");
    if (ctx.path().startsWith("/embed/")) {
      ctx.header("Access-Control-Allow-Origin", "*");
      return;
    }
    if (!origins.contains(normalise(origin))) {
      return; // the browser will refuse the response to that page; nothing else changes
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Expose-Headers", "Content-Type");
    if (ctx.method().name().equals("OPTIONS")) {
      ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
      ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      ctx.header("Access-Control-Max-Age", "600");
    }
  }

  /** scheme://host[:port] in lower case, default ports dropped, no trailing slash. */
  static String normalise(String origin) {
    try {
      URI uri = URI.create(origin.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return origin.strip().toLowerCase(Locale.ROOT);
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return origin.strip().toLowerCase(Locale.ROOT);
    }
  }
}
