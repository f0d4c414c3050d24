package loupe.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a {@code .json} file holding one article object or an array of them. */
final class JsonSource implements ArticleSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void read(Path file, String name, String defaultId, IngestListener listener) throws IOException {
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        listener.rejected(new Rejection(name, 0, "empty file"));
        return;
      }
      if (first == JsonToken.START_ARRAY) {
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
          long line = parser.currentLocation().getLineNr();
          accept(parser.readValueAsTree(), name, line, null, listener);
        }
      } else {
        long line = parser.currentLocation().getLineNr();
        accept(parser.readValueAsTree(), name, line, defaultId, listener);
      }
    } catch (JsonProcessingException e) {
      listener.rejected(new Rejection(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          JsonSyntax.describe(e)));
    }
  }

  private static void accept(JsonNode node, String name, long line, String defaultId, IngestListener listener) {
    try {
      listener.article(ArticleJson.fromJson(node, defaultId,
          warning -> listener.warning(new Rejection(name, line, warning))), name + ":" + line);
    } catch (InvalidArticleException e) {
      listener.rejected(new Rejection(name, line, e.getMessage()));
    }
  }
}
