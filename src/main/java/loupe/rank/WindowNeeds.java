package loupe.rank;

import java.util.List;

/**
 * What a backend must gather about a window for one query, so that it fetches only what the model
 * weighs (the body's text or positions cost a search far more than a title's frequencies).
 *
 * @param words the query's analysed words, as the index holds them ({@link RankFeatures#words})
 * @param entities the persons and countries the query names, {@code [dimension, value]} pairs
 * @param titleFreqs the words' frequencies in titles
 * @param bodyFreqs the words' frequencies in bodies
 * @param titleLengths titles' lengths and the collection's total (the title's BM25)
 * @param bodyLengths bodies' lengths and the collection's total (the body's BM25)
 * @param leadPositions the words' first position in bodies (the lead)
 * @param dates the articles' dates (the days the query names, the recency preference)
 */
public record WindowNeeds(List<String> words, List<String[]> entities, boolean titleFreqs, boolean bodyFreqs,
    boolean titleLengths, boolean bodyLengths, boolean leadPositions, boolean dates) {

  public WindowNeeds {
    words = List.copyOf(words);
    entities = List.copyOf(entities);
  }
}
