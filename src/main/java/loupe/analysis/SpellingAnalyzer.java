package loupe.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;

/**
 * The vocabulary of the corpus as readers spell it, for spelling correction: words not stemmed,
 * so a correction is a real word (« présidentielles », not the stem « presidentiel »), and folded,
 * so accents never count as spelling mistakes.
 *
 * <p>Words are runs of letters: apostrophes and hyphens end them, so « l'électricité » gives
 * « l » and « electricite », and numbers are left out. That is all spelling needs, and this
 * tokenizer costs a fraction of the standard one, on the indexing path of every article. Words
 * shorter than {@link #MIN_WORD_LENGTH} are left out: spelling never corrects them, and they are
 * most of the words of a French text. Thread-safe.
 */
public final class SpellingAnalyzer extends Analyzer {

  /** Shorter words are neither indexed for spelling nor corrected: too many neighbours at two edits. */
  public static final int MIN_WORD_LENGTH = 4;

  /** Longer runs of letters are not words (and Lucene refuses terms beyond 32 KB). */
  static final int MAX_WORD_LENGTH = 64;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new LetterTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new LatinFoldingFilter(result);
    result = new LengthFilter(result, MIN_WORD_LENGTH, MAX_WORD_LENGTH);
    return new TokenStreamComponents(source, result);
  }
}
