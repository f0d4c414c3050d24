package loupe.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The rank-based figures of issue 4, computed one way for Loupe and the baseline alike.
 *
 * @param queries number of queries with at least one relevant document (the others are left out)
 * @param mrrAt10 mean over queries of 1 / rank of the first relevant document in the top 10, 0 when none is
 * @param recallAt10 mean over queries of the share of its relevant documents found in the top 10
 * @param recallAt100 the same in the top 100
 */
record RankingMetrics(int queries, double mrrAt10, double recallAt10, double recallAt100) {

  /** One query's ranked document ids, best first, and the ids judged relevant. */
  record Judged(List<String> ranked, Set<String> relevant) {}

  static RankingMetrics of(List<Judged> judged) {
    int n = 0;
    double mrr = 0;
    double r10 = 0;
    double r100 = 0;
    for (Judged j : judged) {
      if (j.relevant().isEmpty()) {
        continue; // nothing to find: it would count as a miss for every system alike
      }
      n++;
      mrr += reciprocalRank(j.ranked(), j.relevant(), 10);
      r10 += recall(j.ranked(), j.relevant(), 10);
      r100 += recall(j.ranked(), j.relevant(), 100);
    }
    return n == 0 ? new RankingMetrics(0, 0, 0, 0) : new RankingMetrics(n, mrr / n, r10 / n, r100 / n);
  }

  /** The 2.5th and 97.5th percentiles of a ratio, as its bootstrap gave them. */
  record Interval(double low, double high) {}

  /**
   * How far a ratio of MRR@10 measured on these queries can be trusted: the 95% interval of
   * {@code system / baseline} over {@code draws} resamples of the queries, drawn with replacement
   * and scored for both rankings at once (a paired bootstrap). The same seed gives the same interval.
   *
   * @param system one judged ranking per query
   * @param baseline the other ranking of the same queries, in the same order
   */
  static Interval mrrRatioInterval(List<Judged> system, List<Judged> baseline, int draws, long seed) {
    if (system.size() != baseline.size()) {
      throw new IllegalArgumentException("the two rankings must judge the same queries");
    }
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < system.size(); i++) {
      if (!system.get(i).relevant().isEmpty()) {
        pairs.add(new double[] {reciprocalRank(system.get(i).ranked(), system.get(i).relevant(), 10),
            reciprocalRank(baseline.get(i).ranked(), baseline.get(i).relevant(), 10)});
      }
    }
    if (pairs.isEmpty()) {
      return new Interval(Double.NaN, Double.NaN);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] ratios = new double[draws];
    for (int d = 0; d < draws; d++) {
      double sum = 0;
      double baseSum = 0;
      for (int i = 0; i < pairs.size(); i++) {
        double[] pair = pairs.get(random.nextInt(pairs.size()));
        sum += pair[0];
        baseSum += pair[1];
      }
      // A draw where the baseline finds nothing: infinitely better, or as good when neither does.
      ratios[d] = baseSum > 0 ? sum / baseSum : sum > 0 ? Double.POSITIVE_INFINITY : 1;
    }
    Arrays.sort(ratios);
    return new Interval(ratios[(int) (draws * 0.025)], ratios[(int) Math.min(draws - 1, draws * 0.975)]);
  }

  /** 1 / the 1-based rank of the first relevant id within {@code depth}, or 0. */
  static double reciprocalRank(List<String> ranked, Set<String> relevant, int depth) {
    int limit = Math.min(depth, ranked.size());
    for (int i = 0; i < limit; i++) {
      if (relevant.contains(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** Share of the relevant ids present within {@code depth}; an id ranked twice counts once. */
  static double recall(List<String> ranked, Set<String> relevant, int depth) {
    if (relevant.isEmpty()) {
      return 0;
    }
    Set<String> found = new HashSet<>();
    int limit = Math.min(depth, ranked.size());
    for (int i = 0; i < limit; i++) {
      if (relevant.contains(ranked.get(i))) {
        found.add(ranked.get(i));
      }
    }
    return (double) found.size() / relevant.size();
  }
}
