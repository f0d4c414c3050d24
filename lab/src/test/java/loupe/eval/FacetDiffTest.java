package loupe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import loupe.Loupe;
import loupe.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FacetDiff}: two indexes of one corpus compared article by article, as a reader sees their facets. */
class FacetDiffTest {

  private static void index(Path dir, List<Article> articles) throws IOException {
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(articles);
    }
  }

  @Test
  void countsTheArticlesWhoseFacetsDiffer(@TempDir Path dir) throws IOException {
    Article paris = new Article("a", "Visite", "Emmanuel Macron était à Berlin mardi.", null, null, null);
    Article other = new Article("b", "Météo", "Il pleuvra.", null, null, null);
    Article otherTagged = new Article("b", "Météo", "Il pleuvra à Rome.", null, null, null);
    index(dir.resolve("one"), List.of(paris, other));
    index(dir.resolve("same"), List.of(other, paris));
    index(dir.resolve("changed"), List.of(paris, otherTagged));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(0, FacetDiff.run(dir.resolve("one"), dir.resolve("same"), out));
    assertEquals(1, FacetDiff.run(dir.resolve("one"), dir.resolve("changed"), out));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("1 of 2 articles have other facets"), printed);
    assertTrue(printed.contains("Italie"), printed);
  }
}
