package loupe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which summaries become the wide known-item queries of {@code loupe eval search}. */
class WideKnownItemsTest {

  // a8, a17, a28 and a39 fall in the sampled sixteenth; a0 and a1 do not.
  private static final String LONG = "Le conseil municipal de Montbrison a voté la rénovation du pont de pierre";

  @TempDir Path dir;

  @Test
  void theSampleIsAFixedSixteenthOfTheIds() {
    assertTrue(WideKnownItems.inSample("a8"));
    assertTrue(WideKnownItems.inSample("a17"));
    assertFalse(WideKnownItems.inSample("a0"));
    assertFalse(WideKnownItems.inSample("a1"));
  }

  @Test
  void sampledArticlesWithALongUniqueSummaryBecomeQueriesForThemselves() throws IOException {
    Path articles = write(
        article("a0", LONG + " (hors échantillon)."),
        article("a8", LONG + "."),
        article("a17", "VIDÉO"),
        article("a28", "La même brève, reprise mot pour mot par deux articles du jour."),
        article("a1", "La même brève, reprise mot pour mot par deux articles du jour."),
        article("a39", "Un article des questions de développement, que le test réserve aux réglages."));

    List<WideKnownItems.KnownItem> selected = WideKnownItems.select(List.of(articles), Set.of("a39"));

    // a0 is outside the sample, a17's summary is a rubric, a28's is shared and a39 is a dev article.
    assertEquals(List.of(new WideKnownItems.KnownItem("a8", LONG + ".")), selected);
  }

  private static String article(String id, String summary) {
    return "{\"id\": \"" + id + "\", \"title\": \"Titre\", \"body\": \"Corps de l'article.\", \"summary\": \""
        + summary + "\"}";
  }

  private Path write(String... lines) throws IOException {
    return Files.write(dir.resolve("articles-00.jsonl"), List.of(lines));
  }
}
