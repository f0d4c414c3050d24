package loupe.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trusted file of JSON values, one per line (labelled data, query sets, benchmark input),
 * where a bad line is an error. Articles from users go through {@link JsonLinesSource} instead,
 * which reports bad lines and goes on.
 */
public final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What is done with each value; may fail with an I/O error. */
  public interface Action {
    void accept(JsonNode value) throws IOException;
  }

  private JsonLines() {}

  /** Calls {@code action} with each value in file order, blank lines skipped, streaming. */
  public static void forEach(Path file, Action action) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          action.accept(JSON.readTree(line));
        }
      }
    }
  }

  /** All the values of the file, in order. */
  public static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> values = new ArrayList<>();
    forEach(file, values::add);
    return values;
  }
}
