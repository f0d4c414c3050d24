package loupe.search.lucene.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.junit.jupiter.api.Test;

/** Snippet text is safe to put in a page and reads as one line: markup escaped, spaces collapsed, only {@code <mark>}. */
class HtmlSnippetFormatterTest {

  @Test
  void articleTextCannotInjectMarkup() {
    assertEquals("&lt;script&gt;alert(&quot;l&#39;été&quot;)&lt;/script&gt; &amp; après",
        HtmlSnippetFormatter.escapeAll("<script>alert(\"l'été\")</script> & après"));
  }

  @Test
  void lineBreaksAndRunsOfSpacesReadAsOneSpaceAndControlCharsAreDropped() {
    assertEquals("Premier paragraphe. Second\u00a0: fin", HtmlSnippetFormatter.escapeAll(
        "Premier paragraphe.\n\n  \tSecond\u00a0:\u0007\u0085 fin"));
  }

  @Test
  void matchesAreMarkedAndAPassageCutInsideTheTextSaysSo() {
    String content = "Avant. Le président <Macron> a parlé. Après.";
    Passage passage = new Passage();
    passage.setStartOffset(7);
    passage.setEndOffset(37);
    passage.addMatch(20, 28, null, 1);
    Object formatted = new HtmlSnippetFormatter().format(new Passage[] {passage}, content);
    assertEquals(List.of("… Le président <mark>&lt;Macron&gt;</mark> a parlé. …"), formatted);
  }
}
