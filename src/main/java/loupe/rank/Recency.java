package loupe.rank;

/** The age of the window's articles, from their dates, for the optional recency preference. */
final class Recency {

  private static final double MILLIS_PER_DAY = 86_400_000d;

  private Recency() {}

  /**
   * Days from each article's date to now (negative for a future date); an undated article counts as
   * the oldest of the window, so the preference never favours it.
   */
  static double[] ageDays(WindowFacts facts) {
    long now = System.currentTimeMillis();
    int n = facts.size();
    double[] ages = new double[n];
    double oldest = 0;
    boolean[] undated = new boolean[n];
    for (int i = 0; i < n; i++) {
      long millis = facts.dateMillis(i);
      if (millis != Long.MIN_VALUE) {
        ages[i] = (now - millis) / MILLIS_PER_DAY;
        oldest = Math.max(oldest, ages[i]);
      } else {
        undated[i] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      if (undated[i]) {
        ages[i] = oldest;
      }
    }
    return ages;
  }
}
