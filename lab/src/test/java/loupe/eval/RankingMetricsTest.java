package loupe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aRatioMeasuredOnFewQueriesGetsAWideInterval() {
    // Loupe finds 3 of 4 queries' articles first, the baseline 2 of 4: a ratio of 1.5 on 4 queries.
    List<RankingMetrics.Judged> loupe = List.of(judged("a", "a"), judged("b", "b"), judged("c", "c"), judged("x", "d"));
    List<RankingMetrics.Judged> baseline = List.of(judged("a", "a"), judged("b", "b"), judged("x", "c"), judged("x", "d"));

    RankingMetrics.Interval interval = RankingMetrics.mrrRatioInterval(loupe, baseline, 1_000, 7L);

    assertTrue(interval.low() <= 1.0 && interval.high() >= 2.0, interval.toString());
    assertEquals(interval, RankingMetrics.mrrRatioInterval(loupe, baseline, 1_000, 7L));
  }

  @Test
  void identicalRankingsHaveARatioOfExactlyOne() {
    List<RankingMetrics.Judged> same = List.of(judged("a", "a"), judged("x", "b"), judged("c", "c"));
    assertEquals(new RankingMetrics.Interval(1, 1), RankingMetrics.mrrRatioInterval(same, same, 500, 1L));
  }

  private static RankingMetrics.Judged judged(String first, String relevant) {
    return new RankingMetrics.Judged(List.of(first), Set.of(relevant));
  }
}
