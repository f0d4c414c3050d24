package loupe.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds accents exactly as {@link ASCIIFoldingFilter} does, with a lookup table for the Latin letters
 * French text is made of: Lucene's mapping is one switch over thousands of characters, a visible
 * share of indexing time when every other French word has an accent.
 */
public final class LatinFoldingFilter extends TokenFilter {

  /** Characters below this fold through {@link #TABLE}; the rare others through Lucene's switch. */
  private static final int TABLE_END = 0x250; // end of Latin Extended-B

  /** The folded form of each character below {@link #TABLE_END}, taken from Lucene's own mapping. */
  private static final char[][] TABLE = new char[TABLE_END][];

  static {
    char[] in = new char[1];
    char[] out = new char[4];
    for (int c = 0; c < TABLE_END; c++) {
      in[0] = (char) c;
      int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
      TABLE[c] = Arrays.copyOf(out, length);
    }
  }

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private char[] folded = new char[64];

  public LatinFoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    for (int i = 0; i < length; i++) {
      if (buffer[i] >= 0x80) {
        fold(buffer, length);
        break;
      }
    }
    return true;
  }

  private void fold(char[] buffer, int length) {
    // A character folds to at most four (« ⑽ » → « (10) »).
    if (folded.length < 4 * length) {
      folded = new char[Math.max(4 * length, 2 * folded.length)];
    }
    int n = 0;
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (c < 0x80) {
        folded[n++] = c;
      } else if (c < TABLE_END) {
        for (char f : TABLE[c]) {
          folded[n++] = f;
        }
      } else {
        n = ASCIIFoldingFilter.foldToASCII(buffer, i, folded, n, 1);
      }
    }
    term.copyBuffer(folded, 0, n);
  }
}
