package loupe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpellingEvaluationTest {

  @Test
  void aTypoDropsTheMiddleLetter() {
    assertEquals("présidetielle", SpellingEvaluation.typo("présidentielle"));
    assertEquals("Pouine", SpellingEvaluation.typo("Poutine"));
    assertEquals("nuclaire", SpellingEvaluation.typo("nucléaire"));
  }

  @Test
  void aSampledArticleGivesOneLongWordPerRegion() {
    String id = IntStream.range(0, 10_000).mapToObj(i -> "a-" + i)
        .filter(i -> Math.floorMod(i.hashCode() * 31 + 11, SpellingEvaluation.SAMPLE) == 0)
        .findFirst().orElseThrow();
    String body = "Le gouvernement vote. " + "Texte court. ".repeat(100) + "Fin des négociations.";
    List<SpellingEvaluation.Probe> probes = SpellingEvaluation.probes(id, "Un vote historique", body);
    assertEquals(List.of("title", "lead", "deep"), probes.stream().map(SpellingEvaluation.Probe::region).toList());
    assertEquals("historique", probes.get(0).word());
    assertEquals("gouvernement", probes.get(1).word());
    assertEquals("négociations", probes.get(2).word());
  }

  @Test
  void anArticleOutsideTheSampleGivesNothing() {
    String id = IntStream.range(0, 10_000).mapToObj(i -> "a-" + i)
        .filter(i -> Math.floorMod(i.hashCode() * 31 + 11, SpellingEvaluation.SAMPLE) != 0)
        .findFirst().orElseThrow();
    assertTrue(SpellingEvaluation.probes(id, "Un vote historique", "Le gouvernement annonce.").isEmpty());
  }

  @Test
  void withoutTheDataItSaysWhatIsMissingAndSucceeds(@TempDir Path empty) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = SpellingEvaluation.run(empty, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(0, status);
    assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("Spelling: skipped:"), bytes.toString(StandardCharsets.UTF_8));
  }
}
