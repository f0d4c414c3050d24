package loupe.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapper of the API and the CLI: snake_case keys as in the contract, UTF-8 with the charset said. */
public final class Json {

  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  static void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void send(Context ctx, Object body) {
    send(ctx, 200, body);
  }
}
