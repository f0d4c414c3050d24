package loupe.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits hyphenated compounds (« nord-coréen », « Suk-yeol ») into their parts and also indexes
 * the joined form on the first part's position, so a compound is found as typed, with a space or
 * with the hyphen dropped.
 *
 * <p>Expects the hyphens already rewritten to '_' by {@link PunctuationCharFilter}.
 * Numbers (« 2023-2024 ») are split but not joined: the joined form would be a different number.
 */
public final class HyphenatedWordFilter extends TokenFilter {

  private static final char JOINER = '_';

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  private final List<Part> pending = new ArrayList<>();
  private int pendingIndex;

  private record Part(String text, int start, int end, int positionIncrement) {}

  public HyphenatedWordFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pendingIndex < pending.size()) {
      emit(pending.get(pendingIndex++));
      return true;
    }
    pending.clear();
    pendingIndex = 0;
    while (input.incrementToken()) {
      if (indexOf(JOINER) < 0) {
        return true;
      }
      split(posIncAtt.getPositionIncrement());
      if (!pending.isEmpty()) {
        emit(pending.get(pendingIndex++));
        return true;
      }
      // a token made only of joiners: nothing to index
    }
    return false;
  }

  private int indexOf(char c) {
    char[] buffer = termAtt.buffer();
    for (int i = 0; i < termAtt.length(); i++) {
      if (buffer[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private void split(int firstIncrement) {
    String term = termAtt.toString();
    int tokenStart = offsetAtt.startOffset();
    int tokenEnd = offsetAtt.endOffset();
    // Offsets map onto the original text only when the char filter kept lengths, which it does
    // for one-char replacements; guard anyway so a mismatch never yields a bad highlight.
    boolean exactOffsets = tokenEnd - tokenStart == term.length();
    List<Part> parts = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    boolean allLetters = true;
    int increment = firstIncrement;
    int i = 0;
    while (i < term.length()) {
      int j = term.indexOf(JOINER, i);
      if (j < 0) {
        j = term.length();
      }
      if (j > i) {
        String part = term.substring(i, j);
        int start = exactOffsets ? tokenStart + i : tokenStart;
        int end = exactOffsets ? tokenStart + j : tokenEnd;
        parts.add(new Part(part, start, end, increment));
        increment = 1;
        joined.append(part);
        allLetters &= part.chars().anyMatch(Character::isLetter);
      }
      i = j + 1;
    }
    if (parts.isEmpty()) {
      return;
    }
    pending.add(parts.get(0));
    if (parts.size() > 1 && allLetters) {
      // From the first part to the last: a leading or trailing hyphen is not part of the word.
      pending.add(new Part(joined.toString(), parts.get(0).start(), parts.get(parts.size() - 1).end(), 0));
    }
    pending.addAll(parts.subList(1, parts.size()));
  }

  private void emit(Part part) {
    clearAttributes();
    termAtt.setEmpty().append(part.text());
    offsetAtt.setOffset(part.start(), part.end());
    posIncAtt.setPositionIncrement(part.positionIncrement());
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    pendingIndex = 0;
  }
}
