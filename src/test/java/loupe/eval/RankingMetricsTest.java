package loupe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The figures of {@code loupe eval search}, checked on rankings small enough to work out by hand. */
class RankingMetricsTest {

  private static final double EXACT = 1e-12;

  @Test
  void firstRelevantAtRankThreeGivesOneThird() {
    assertEquals(1.0 / 3, RankingMetrics.reciprocalRank(List.of("a", "b", "c", "d"), Set.of("c", "d"), 10), EXACT);
  }

  @Test
  void relevantBeyondTheCutOffCountsAsNotFound() {
    List<String> ranked = IntStream.rangeClosed(1, 11).mapToObj(i -> "d" + i).toList();
    assertEquals(0, RankingMetrics.reciprocalRank(ranked, Set.of("d11"), 10), EXACT);
    assertEquals(0, RankingMetrics.recall(ranked, Set.of("d11"), 10), EXACT);
    assertEquals(1, RankingMetrics.recall(ranked, Set.of("d11"), 100), EXACT);
  }

  @Test
  void recallIsTheShareOfRelevantDocumentsFound() {
    assertEquals(0.5, RankingMetrics.recall(List.of("x", "a", "y"), Set.of("a", "b"), 10), EXACT);
  }

  @Test
  void aDocumentRankedTwiceIsFoundOnce() {
    assertEquals(0.5, RankingMetrics.recall(List.of("a", "a"), Set.of("a", "b"), 10), EXACT);
  }

  @Test
  void emptyRankingFindsNothing() {
    assertEquals(0, RankingMetrics.reciprocalRank(List.of(), Set.of("a"), 10), EXACT);
    assertEquals(0, RankingMetrics.recall(List.of(), Set.of("a"), 100), EXACT);
  }

  @Test
  void figuresAreMeansOverJudgedQueries() {
    // ranks 1, 4 and none in the top 10 (12th, so found within 100): MRR = (1 + 1/4 + 0) / 3
    List<String> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> "d" + i).toList();
    RankingMetrics m = RankingMetrics.of(List.of(
        new RankingMetrics.Judged(List.of("a", "b"), Set.of("a")),
        new RankingMetrics.Judged(List.of("w", "x", "y", "b"), Set.of("b")),
        new RankingMetrics.Judged(twelve, Set.of("d12"))));
    assertEquals(3, m.queries());
    assertEquals((1 + 0.25) / 3, m.mrrAt10(), EXACT);
    assertEquals(2.0 / 3, m.recallAt10(), EXACT);
    assertEquals(1, m.recallAt100(), EXACT);
  }

  @Test
  void queriesWithoutJudgementsAreLeftOut() {
    RankingMetrics m = RankingMetrics.of(List.of(
        new RankingMetrics.Judged(List.of("a"), Set.of("a")),
        new RankingMetrics.Judged(List.of("a"), Set.of())));
    assertEquals(1, m.queries());
    assertEquals(1, m.mrrAt10(), EXACT);
  }

  @Test
  void noQueriesGiveZeroesNotNaN() {
    assertEquals(new RankingMetrics(0, 0, 0, 0), RankingMetrics.of(List.of()));
  }
}
