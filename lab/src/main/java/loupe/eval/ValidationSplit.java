package loupe.eval;

/**
 * The fixed rule that sets part of the public labelled data aside as a validation split (issue 20):
 * no ranking choice is made on it, so its figures say what a change is worth on queries nobody
 * tuned for. Decided on 2026-12-07 before any ranking experiment; see docs/ranking.md.
 *
 * <p>The rule is a hash of an id (Java's {@link String#hashCode}, the same on every machine), so it
 * needs no file and no seed:
 * <ul>
 *   <li>PIAF: a question is validation when its Wikipedia article (its paragraph's id up to the last
 *       « -p ») falls in bucket 0 of 4: questions written on one article stay on one side,
 *       as PIAF's own held-out split is by article.
 *   <li>OrangeSum: an article's summary is a validation query when the article falls in bucket 1 of
 *       16 under the rule of {@link WideKnownItems} (whose bucket 0 is the wide set, spent on earlier
 *       choices); buckets 2 to 15 are the training queries of learned weights.
 * </ul>
 */
final class ValidationSplit {

  private static final int PIAF_BUCKETS = 4;

  private ValidationSplit() {}

  /** Whether a PIAF question whose relevant paragraph is {@code paragraphId} belongs to validation. */
  static boolean piafValidation(String paragraphId) {
    return Math.floorMod(piafArticle(paragraphId).hashCode() * 31 + 11, PIAF_BUCKETS) == 0;
  }

  /** The article part of a PIAF paragraph id: what comes before its last « -p » and paragraph number. */
  static String piafArticle(String paragraphId) {
    int cut = paragraphId.lastIndexOf("-p");
    return cut > 0 ? paragraphId.substring(0, cut) : paragraphId;
  }

  /** The OrangeSum bucket of an article id, 0 to 15: 0 is the wide set, 1 validation, the rest training. */
  static int orangeSumBucket(String articleId) {
    return WideKnownItems.bucket(articleId);
  }

  /** Whether an OrangeSum article's summary is a validation query. */
  static boolean orangeSumValidation(String articleId) {
    return orangeSumBucket(articleId) == 1;
  }

  /** Whether an OrangeSum article's summary may train learned weights. */
  static boolean orangeSumTraining(String articleId) {
    return orangeSumBucket(articleId) >= 2;
  }
}
