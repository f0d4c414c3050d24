package loupe.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The vocabulary of the corpus as readers spell it, for spelling correction: the same words as
 * {@link FrenchNewsAnalyzer} but not stemmed, so a correction is a real word (« présidentielles »,
 * not the stem « presidentiel »), and folded, so accents never count as spelling mistakes.
 *
 * <p>Thread-safe.
 */
public final class SpellingAnalyzer extends Analyzer {

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PunctuationCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new FrenchElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
    result = new HyphenatedWordFilter(result);
    result = new LowerCaseFilter(result);
    result = new ASCIIFoldingFilter(result);
    return new TokenStreamComponents(source, result);
  }
}
