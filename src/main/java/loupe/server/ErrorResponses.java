package loupe.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import loupe.search.BackendUnavailableException;
import loupe.search.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that turns failures into HTTP answers, all of the contract's shape
 * {@code {"error": {"status", "message"}}}: bad requests say what and where; unexpected failures say
 * nothing of the internals (the stack trace goes to the log).
 */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void register(JavalinConfig config) {
    config.routes.exception(InvalidRequestException.class,
        (e, ctx) -> send(ctx, 400, e.getMessage(), e.parameter()));
    config.routes.exception(ValidationException.class,
        (e, ctx) -> send(ctx, 400, describe(e), null));
    config.routes.exception(HttpResponseException.class,
        (e, ctx) -> send(ctx, e.getStatus(), e.getMessage(), null));
    config.routes.exception(BackendUnavailableException.class, (e, ctx) -> {
      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      send(ctx, 503, e.getMessage(), null);
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      send(ctx, 500, "internal error; the server log has the details", null);
    });
    // Javalin calls status handlers after exception handlers too: keep the message of a 404 that a
    // handler already answered (« no article with id … »), answer the others (unknown paths).
    config.routes.error(404, ctx -> {
      String type = ctx.res().getContentType();
      boolean answered = ctx.result() != null && !ctx.result().isEmpty()
          && type != null && type.startsWith("application/json");
      if (!answered) {
        send(ctx, 404, "no such endpoint or file: " + ctx.method() + " " + ctx.path(), null);
      }
    });
    config.routes.error(405, ctx -> send(ctx, 405, "method " + ctx.method() + " not allowed on " + ctx.path(), null));
    config.routes.error(413, ctx -> send(ctx, 413, "request body too large", null));
  }

  static void send(Context ctx, int status, String message, String parameter) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", status);
    error.put("message", message);
    if (parameter != null) {
      error.put("parameter", parameter);
    }
    Json.send(ctx, status, Map.of("error", error));
  }

  private static String describe(ValidationException e) {
    StringBuilder sb = new StringBuilder();
    e.getErrors().forEach((param, errors) -> {
      if (!sb.isEmpty()) {
        sb.append("; ");
      }
      sb.append(param).append(": ").append(errors.isEmpty() ? "invalid" : errors.get(0).getMessage());
    });
    return sb.toString();
  }
}
