package loupe.eval;

import static loupe.eval.SpanConvention.ROLES_AND_APPOSITIONS_OUT;
import static loupe.eval.SpanConvention.TITLES_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import loupe.eval.EntityEvaluation.SpanCounts;
import org.junit.jupiter.api.Test;

class SpanConventionTest {

  private static List<String> tokens(String text) {
    return List.of(text.split(" "));
  }

  /** One gold span against one predicted span: a false hit and a miss strictly, a hit once relaxed. */
  private static void missStrictlyHitRelaxed(List<String> t, List<Integer> gold, List<Integer> pred) {
    assertEquals(new SpanCounts(0, 1, 1), EntityEvaluation.score(t, List.of(gold), List.of(pred), TITLES_OUT));
    assertEquals(new SpanCounts(1, 0, 0),
        EntityEvaluation.score(t, List.of(gold), List.of(pred), ROLES_AND_APPOSITIONS_OUT));
  }

  @Test
  void aRankInTheGoldSpanIsAMissStrictlyAndAHitRelaxed() {
    missStrictlyHitRelaxed(tokens("Hier le général Anselme Vardoux a quitté Brienval ."), List.of(1, 5), List.of(3, 5));
  }

  @Test
  void anAppositionIsCutAtTheFirstComma() {
    List<String> t = tokens("Odile Brenneval , professeur à Vierzon , a écrit .");
    missStrictlyHitRelaxed(t, List.of(0, 6), List.of(0, 2));
    assertEquals(List.of(0, 2), ROLES_AND_APPOSITIONS_OUT.trim(t, 0, 8));
  }

  @Test
  void aSpanMadeOnlyOfARoleDisappears() {
    List<String> t = tokens("Le Président a reçu l ' abbé hier .");
    List<List<Integer>> gold = List.of(List.of(0, 2), List.of(4, 7));
    assertEquals(new SpanCounts(0, 0, 2), EntityEvaluation.score(t, gold, List.of(), TITLES_OUT));
    assertEquals(new SpanCounts(0, 0, 0), EntityEvaluation.score(t, gold, List.of(), ROLES_AND_APPOSITIONS_OUT));
    assertNull(ROLES_AND_APPOSITIONS_OUT.trim(t, 0, 2));
  }

  @Test
  void titlesGoFirstThenRolesMayFollowEachOther() {
    List<String> t = tokens("M. le général comte Vardoux");
    assertEquals(List.of(1, 5), TITLES_OUT.trim(t, 0, 5));
    assertEquals(List.of(4, 5), ROLES_AND_APPOSITIONS_OUT.trim(t, 0, 5));
  }

  @Test
  void pluralsAndCapitalsWithoutAccentsAreRolesToo() {
    assertEquals(List.of(1, 2), ROLES_AND_APPOSITIONS_OUT.trim(tokens("généraux Vardoux"), 0, 2));
    assertEquals(List.of(1, 2), ROLES_AND_APPOSITIONS_OUT.trim(tokens("GENERAL Vardoux"), 0, 2));
    assertEquals(List.of(1, 2), ROLES_AND_APPOSITIONS_OUT.trim(tokens("citoyens Vardoux"), 0, 2));
  }

  @Test
  void anArticleStaysWhenNoRoleFollowsIt() {
    List<String> t = tokens("La Verdière et le Brenneval");
    assertEquals(List.of(0, 2), ROLES_AND_APPOSITIONS_OUT.trim(t, 0, 2));
    assertEquals(List.of(3, 5), ROLES_AND_APPOSITIONS_OUT.trim(t, 3, 5));
  }
}
