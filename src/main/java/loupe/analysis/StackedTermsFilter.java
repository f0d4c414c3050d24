package loupe.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Reads a token « a|b » as the terms a and b at one position. Loupe's SolrCloud backend sends the
 * stacked forms of one word this way (a compound joined and split: « antipaludique » and « anti »),
 * so that Solr's field query parser builds a SynonymQuery and scores them as one term, as Lucene's
 * query builder does in the embedded index; a boolean OR would add their scores.
 */
public final class StackedTermsFilter extends TokenFilter {

  /** Between the stacked terms of one token; analysed terms never hold it (punctuation splits words). */
  public static final char SEPARATOR = '|';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private String[] stacked;
  private int next;

  public StackedTermsFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (stacked != null && next < stacked.length) {
      String t = stacked[next++];
      if (!t.isEmpty()) {
        term.setEmpty().append(t);
        position.setPositionIncrement(0);
        return true;
      }
    }
    stacked = null;
    if (!input.incrementToken()) {
      return false;
    }
    if (term.toString().indexOf(SEPARATOR) < 0) {
      return true;
    }
    stacked = term.toString().split("\\" + SEPARATOR);
    next = 0;
    // The first non-empty part keeps the token's own position increment.
    while (next < stacked.length && stacked[next].isEmpty()) {
      next++;
    }
    if (next == stacked.length) {
      stacked = null;
      return incrementToken();
    }
    term.setEmpty().append(stacked[next++]);
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    stacked = null;
    next = 0;
  }
}
