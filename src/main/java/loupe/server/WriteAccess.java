package loupe.server;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Header;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the write endpoints with a bearer token from configuration. There is no default token:
 * without one, writes are refused and the answer says how to enable them.
 */
final class WriteAccess {

  private final byte[] token;

  WriteAccess(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  void check(Context ctx) {
    if (token == null) {
      throw new ForbiddenResponse("write access is disabled: start the server with LOUPE_API_TOKEN set "
          + "or with --token-file FILE, then send Authorization: Bearer TOKEN");
    }
    String header = ctx.header(Header.AUTHORIZATION);
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
      throw new UnauthorizedResponse("missing bearer token: send Authorization: Bearer TOKEN");
    }
    byte[] given = header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8);
    // Constant-time comparison: response timing must not reveal how much of a guess was right.
    if (!MessageDigest.isEqual(given, token)) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      throw new UnauthorizedResponse("invalid bearer token");
    }
  }
}
