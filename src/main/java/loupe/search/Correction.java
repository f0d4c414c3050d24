package loupe.search;

/**
 * A spelling correction of the query, shown to the user, never applied silently.
 *
 * @param original the query as typed
 * @param corrected the query with misspelt words replaced by close, more frequent words of the corpus
 * @param applied true when the results are those of {@code corrected} (the original found nothing):
 *     "showing results for corrected, search instead for original"; false when it is only offered:
 *     "did you mean corrected?"
 */
public record Correction(String original, String corrected, boolean applied) {}
