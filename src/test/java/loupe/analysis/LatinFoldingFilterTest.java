package loupe.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class LatinFoldingFilterTest {

  private static String fold(String text, Function<TokenStream, TokenStream> filter) throws IOException {
    Tokenizer source = new KeywordTokenizer();
    source.setReader(new StringReader(text));
    try (TokenStream ts = filter.apply(source)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      StringBuilder out = new StringBuilder();
      while (ts.incrementToken()) {
        out.append(term);
      }
      ts.end();
      return out.toString();
    }
  }

  @Test
  void foldsFrenchWords() throws IOException {
    assertEquals("electricite coeur noel ca", fold("électricité cœur noël ça", LatinFoldingFilter::new));
  }

  @Test
  void foldsEveryCharacterAsLuceneDoes() throws IOException {
    // The index and old indexes stay compatible only if the mapping is Lucene's, character for character.
    StringBuilder all = new StringBuilder();
    for (char c = 1; c < Character.MIN_SURROGATE; c++) {
      all.append('a').append(c);
    }
    for (char c = Character.MAX_SURROGATE + 1; c != 0; c++) {
      all.append(c);
    }
    String text = all.toString();
    assertEquals(fold(text, ASCIIFoldingFilter::new), fold(text, LatinFoldingFilter::new));
  }
}
