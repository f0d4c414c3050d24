package loupe.search.lucene.highlight;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage, favouring early passages), computed without the
 * {@code BytesRefHash} the stock scorer builds for every passage it scores: that hash allocates a
 * 32 KB block each time, for the two or three distinct terms a passage usually has.
 *
 * <p>Gives the same floats as {@link PassageScorer} with its default parameters; stateless and thread-safe.
 */
final class LightPassageScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    // Distinct terms in order of first appearance, as the stock scorer sums them (float sums depend on order).
    int[] firstMatch = new int[matches];
    int[] freqsInPassage = new int[matches];
    int distinct = 0;
    for (int i = 0; i < matches; i++) {
      int t = 0;
      while (t < distinct && !terms[firstMatch[t]].bytesEquals(terms[i])) {
        t++;
      }
      if (t == distinct) {
        firstMatch[distinct++] = i;
      }
      freqsInPassage[t]++;
    }
    double score = 0;
    for (int t = 0; t < distinct; t++) {
      score += tf(freqsInPassage[t], passage.getLength()) * weight(contentLength, freqsInDoc[firstMatch[t]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
