package loupe.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Removes French elided articles (« l' », « d' », « qu' »…) like Lucene's ElisionFilter, and also
 * moves the start offset past them, so a highlight marks « électricité » rather than « l'électricité ».
 */
public final class FrenchElisionFilter extends TokenFilter {

  private final CharArraySet articles;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

  /** @param articles the elided words, without apostrophe (case-insensitive set) */
  public FrenchElisionFilter(TokenStream input, CharArraySet articles) {
    super(input);
    this.articles = articles;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = termAtt.buffer();
    int length = termAtt.length();
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\'') {
        if (i > 0 && i + 1 < length && articles.contains(buffer, 0, i)) {
          int removed = i + 1;
          // Only when the term still maps char for char onto the text do offsets move with it.
          if (offsetAtt.endOffset() - offsetAtt.startOffset() == length) {
            offsetAtt.setOffset(offsetAtt.startOffset() + removed, offsetAtt.endOffset());
          }
          termAtt.copyBuffer(buffer, removed, length - removed);
        }
        break;
      }
    }
    return true;
  }
}
