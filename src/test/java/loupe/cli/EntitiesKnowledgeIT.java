package loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: {@code loupe entities} learns from its own input without an index, and explains an indexed article. */
class EntitiesKnowledgeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path corpus() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("{\"id\": \"bare\", \"title\": \"Critiques\", \"body\": \"La politique de Dupontel est critiquée.\"}");
    for (int i = 1; i <= 5; i++) {
      lines.add("{\"id\": \"full-" + i + "\", \"title\": \"Réforme\", \"body\": \"Le ministre Jean Dupontel a parlé, "
          + "jour " + i + ".\"}");
    }
    Path file = dir.resolve("articles.jsonl");
    Files.write(file, lines);
    return file;
  }

  @Test
  void withoutAnIndexTheInputTeachesItself() throws Exception {
    CommandLineIT.Run r = CommandLineIT.run("entities", corpus().toString());
    assertEquals(0, r.status(), r.err());
    JsonNode first = JSON.readTree(r.out().lines().findFirst().orElseThrow());
    assertEquals("bare", first.get("id").asText());
    assertEquals("[\"Jean Dupontel\"]", first.get("persons").toString());
  }

  @Test
  void explainSaysWhyASurnameAloneIsAPerson() throws Exception {
    Path index = dir.resolve("index");
    assertEquals(0, CommandLineIT.run("index", "--index", index.toString(), corpus().toString()).status());
    CommandLineIT.Run r = CommandLineIT.run("entities", "--index", index.toString(), "--explain", "bare");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Jean Dupontel  ← « Dupontel »"), r.out());
    assertTrue(r.out().contains("in full in 5 articles"), r.out());
  }

  @Test
  void explainWithoutAnIndexIsAUsageError() throws Exception {
    CommandLineIT.Run r = CommandLineIT.run("entities", "--explain", "bare");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--explain needs --index"), r.err());
  }
}
