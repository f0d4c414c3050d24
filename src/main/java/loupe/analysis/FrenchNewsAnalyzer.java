package loupe.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyzer for French news text that makes the spelling variants readers type find the same words:
 * both apostrophes, with or without accents, with or without the hyphen of a compound.
 *
 * <p>Thread-safe; one instance serves indexing, querying and highlighting.
 */
public final class FrenchNewsAnalyzer extends Analyzer {

  private final CharArraySet stopWords;

  public FrenchNewsAnalyzer() {
    this.stopWords = FrenchAnalyzer.getDefaultStopSet();
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PunctuationCharFilter(reader);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return new PunctuationCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    // Elision first: « l'arrière-pays » loses its article before the compound is split and joined.
    TokenStream result = new FrenchElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
    result = new HyphenatedWordFilter(result);
    result = new LowerCaseFilter(result);
    // Stop words are matched before folding: the list is written with accents (« été », « même »).
    result = new StopFilter(result, stopWords);
    // Folding before stemming, so « electricite » and « électricité » reach the stemmer alike.
    result = new LatinFoldingFilter(result);
    result = new FrenchLightStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    TokenStream result = new FrenchElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
    result = new LowerCaseFilter(result);
    return new LatinFoldingFilter(result);
  }
}
