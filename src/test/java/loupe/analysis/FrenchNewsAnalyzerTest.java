package loupe.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class FrenchNewsAnalyzerTest {

  private final Analyzer analyzer = new FrenchNewsAnalyzer();

  private List<String> tokens(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add((inc.getPositionIncrement() == 0 ? "=" : "") + term);
      }
      ts.end();
    }
    return out;
  }

  /** The original text each token stands for, as a highlighter would mark it. */
  private List<String> spans(String field, String text) throws IOException {
    List<String> spans = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        spans.add(text.substring(offsets.startOffset(), offsets.endOffset()));
      }
      ts.end();
    }
    return spans;
  }

  @Test
  void bothApostrophesGiveTheSameTokens() throws IOException {
    assertEquals(tokens("aujourd'hui l'Ukraine"), tokens("aujourd’hui l’Ukraine"));
  }

  @Test
  void typographicApostrophesAndHyphensReadAsTheirAsciiForms() throws IOException {
    // The modifier apostrophe (U+02BC) and the Unicode hyphens (U+2010, U+2011) come from word processors.
    assertEquals(tokens("l'Ukraine nord-coréen"), tokens("l\u02BCUkraine nord\u2010coréen"));
    assertEquals(tokens("nord-coréen"), tokens("nord\u2011coréen"));
  }

  @Test
  void elisionStopWordsAccentsAndStemming() throws IOException {
    assertEquals(List.of("electricit", "ukrain"), tokens("l’électricité de l’Ukraine"));
  }

  @Test
  void hyphenatedWordKeepsPartsAndJoinedForm() throws IOException {
    List<String> compound = tokens("nord-coréen");
    assertEquals(List.of(tokens("nord").get(0), "=" + tokens("nordcoréen").get(0), tokens("coréen").get(0)), compound);
  }

  @Test
  void elidedArticleIsLeftOutOfTheOffsets() throws IOException {
    String text = "l’électricité";
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      ts.incrementToken();
      assertEquals("électricité", text.substring(offsets.startOffset(), offsets.endOffset()));
      ts.end();
    }
  }

  @Test
  void numberRangesAreSplitButNotJoined() throws IOException {
    assertEquals(List.of("2023", "2024"), tokens("2023-2024"));
  }

  @Test
  void offsetsPointAtTheOriginalText() throws IOException {
    String text = "Le régime nord-coréen";
    List<String> spans = spans("body", text);
    assertEquals(List.of("régime", "nord", "nord-coréen", "coréen"), spans);
  }

  @Test
  void strayHyphenBeforeACompoundKeepsOffsetsInOrder() throws IOException {
    String text = "les footballeurs\" -Vingt-cinq ans après";
    List<String> spans = spans("body", text);
    assertEquals(List.of("footballeurs", "Vingt", "Vingt-cinq", "cinq", "ans", "après"), spans);
  }

  @Test
  void elidedCompoundKeepsOffsetsInOrder() throws IOException {
    String text = "Porte-parole de l’arrière-pays";
    List<String> spans = spans("title", text);
    assertEquals(List.of("Porte", "Porte-parole", "parole", "arrière", "arrière-pays", "pays"), spans);
  }
}
