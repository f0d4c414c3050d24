package loupe.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/** The query side of Loupe's Solr configset: « a|b » is two terms at one position. */
class StackedTermsFilterTest {

  /** As the configset's query analyzer: whitespace, then the stacked terms (built through the factory). */
  private static final Analyzer QUERY_SIDE = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      WhitespaceTokenizer source = new WhitespaceTokenizer();
      return new TokenStreamComponents(source, new StackedTermsFilterFactory(new java.util.HashMap<>(Map.of()))
          .create(source));
    }
  };

  private static List<String> tokens(String text) throws IOException {
    return tokens(QUERY_SIDE, text);
  }

  /** Each token as « term+positionIncrement ». */
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "+" + position.getPositionIncrement());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void stacksThePartsOfATokenAtItsPosition() throws IOException {
    assertEquals(List.of("nord+1", "nordcoreen+0", "coreen+1"), tokens("nord|nordcoreen coreen"));
    assertEquals(List.of("a+1", "b+0", "c+0", "d+1"), tokens("a|b||c d"));
    assertEquals(List.of("a+1", "b+0", "d+1"), tokens("|a|b | d"));
    assertEquals(List.of("plain+1"), tokens("plain"));
  }

  /** The configset's whole query side: a '?' placeholder is removed and leaves its gap. */
  private static final Analyzer WITH_GAPS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      WhitespaceTokenizer source = new WhitespaceTokenizer();
      TokenStream gaps = new org.apache.lucene.analysis.StopFilter(source,
          new org.apache.lucene.analysis.CharArraySet(List.of("?"), false));
      return new TokenStreamComponents(source, new StackedTermsFilter(gaps));
    }
  };

  @Test
  void aStackAfterAStopWordKeepsItsGap() throws IOException {
    assertEquals(List.of("soldats+1", "nord+2", "nordcoreen+0"), tokens(WITH_GAPS, "soldats ? nord|nordcoreen"));
  }

  @Test
  void theFieldQueryParsersBuilderMakesOneBlendedTermOfThem() {
    // Solr's {!field} parser asks Lucene's QueryBuilder for a phrase of the value: stacked terms at one
    // position become a SynonymQuery, scored as one term, as the embedded index scores a compound.
    assertInstanceOf(SynonymQuery.class, new QueryBuilder(QUERY_SIDE).createPhraseQuery("body", "nord|nordcoreen"));
    assertInstanceOf(BooleanQuery.class, new QueryBuilder(QUERY_SIDE).createBooleanQuery("body", "nord nordcoreen"));
  }

  @Test
  void refusesParametersItDoesNotKnow() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new StackedTermsFilterFactory(new java.util.HashMap<>(Map.of("separator", ";"))));
  }
}
