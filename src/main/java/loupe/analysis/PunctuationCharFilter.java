package loupe.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Rewrites, char for char, the punctuation the tokenizer must see differently: typographic
 * apostrophes become ASCII ones (so « aujourd’hui » and « aujourd'hui » are one word and elision
 * sees them), hyphens become '_' (so StandardTokenizer keeps a compound whole, UAX#29 ExtendNumLet,
 * for {@link HyphenatedWordFilter}). One char for one char: offsets need no correction, which
 * makes it much cheaper than a MappingCharFilter.
 */
public final class PunctuationCharFilter extends CharFilter {

  public PunctuationCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = input.read(buffer, offset, length);
    for (int i = offset; i < offset + n; i++) {
      char c = buffer[i];
      // Every char of every article passes here: most are below the first one rewritten but '-'.
      if (c == '-' || c >= '\u02BC') {
        buffer[i] = rewrite(c);
      }
    }
    return n;
  }

  @Override
  public int read() throws IOException {
    int c = input.read();
    return c < 0 ? c : rewrite((char) c);
  }

  static char rewrite(char c) {
    return switch (c) {
      case '\u2019', '\u02BC' -> '\'';
      case '-', '\u2010', '\u2011' -> '_';
      default -> c;
    };
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
