package loupe.search.lucene.highlight;

import java.text.BreakIterator;
import java.util.Arrays;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippet passages: after sentence punctuation followed by a space, and
 * after a line break (a paragraph). Reads the text with {@link String#charAt} instead of the JDK's
 * rule-based iterator, which walks it one {@link CharacterIterator} call per char and was the
 * largest single cost of highlighting.
 *
 * <p>As with the JDK's sentence iterator, a boundary sits at the start of the next sentence (the
 * spaces belong to the sentence before), and punctuation followed by a word in lower case does not
 * end a sentence (« etc. et la suite », « « Au secours ! » crie-t-il »). Unlike it, an initial
 * (« M. Macron ») does not end one either, a line break always does, a closing quote
 * (« c'est fini. » Puis) does not hide the end of the sentence it closes, and a sentence glued to
 * the one before by a lost space (« par BFMTV.Cette fresque ») is still one.
 *
 * <p>The boundaries of a text are found in one pass when it is set: the highlighter asks for the
 * sentence around every match, and walking back and forth from each one read the same sentences
 * many times over.
 *
 * <p>Not thread-safe, as any {@link BreakIterator}: one per highlighted field.
 */
final class SentenceBreakIterator extends BreakIterator {

  private String text = "";
  /** Where the text starts in the index space of the caller's CharacterIterator (0 for a String). */
  private int begin;
  private CharacterIterator textIterator = new StringCharacterIterator("");
  private int current; // relative to begin
  /** The sentence starts strictly inside the text, ascending: {@code boundaries[0..count)}. */
  private int[] boundaries = new int[16];
  private int count;
  /** Positions of the straight quotes, ascending, to tell an opening one from a closing one. */
  private int[] quotes = new int[0];
  private int quoteCount;
  /** Positions of the chars a sentence may follow (sentence punctuation, line breaks), ascending; scratch of findBoundaries. */
  private int[] runStarts = new int[16];

  @Override
  public void setText(String newText) {
    text = newText;
    begin = 0;
    textIterator = new StringCharacterIterator(newText);
    current = 0;
    findBoundaries();
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      sb.append(c);
    }
    text = sb.toString();
    begin = newText.getBeginIndex();
    textIterator = newText;
    current = 0;
    newText.first();
    findBoundaries();
  }

  @Override
  public CharacterIterator getText() {
    return textIterator;
  }

  @Override
  public int first() {
    current = 0;
    return begin;
  }

  @Override
  public int last() {
    current = text.length();
    return begin + current;
  }

  @Override
  public int current() {
    return begin + current;
  }

  @Override
  public int next() {
    return current == text.length() ? DONE : moveTo(nextBoundary(current));
  }

  @Override
  public int previous() {
    return current == 0 ? DONE : moveTo(previousBoundary(current));
  }

  @Override
  public int next(int n) {
    int result = current();
    for (; n > 0 && result != DONE; n--) {
      result = next();
    }
    for (; n < 0 && result != DONE; n++) {
      result = previous();
    }
    return result;
  }

  @Override
  public int following(int offset) {
    int at = relative(offset);
    if (at == text.length()) {
      current = at;
      return DONE;
    }
    return moveTo(nextBoundary(at));
  }

  @Override
  public int preceding(int offset) {
    int at = relative(offset);
    if (at == 0) {
      current = 0;
      return DONE;
    }
    return moveTo(previousBoundary(at));
  }

  @Override
  public boolean isBoundary(int offset) {
    int at = relative(offset);
    return at == 0 || at == text.length() || Arrays.binarySearch(boundaries, 0, count, at) >= 0;
  }

  private int relative(int offset) {
    int at = offset - begin;
    if (at < 0 || at > text.length()) {
      throw new IllegalArgumentException("offset out of bounds: " + offset);
    }
    return at;
  }

  private int moveTo(int at) {
    current = at;
    return begin + at;
  }

  /** The first boundary after {@code at}, which is before the end of the text. */
  private int nextBoundary(int at) {
    int k = firstAfter(at);
    return k < count ? boundaries[k] : text.length();
  }

  /** The last boundary before {@code at}, which is after the start of the text. */
  private int previousBoundary(int at) {
    int k = firstAfter(at - 1) - 1;
    return k >= 0 ? boundaries[k] : 0;
  }

  /** Index in {@link #boundaries} of the first boundary strictly after {@code at}. */
  private int firstAfter(int at) {
    int found = Arrays.binarySearch(boundaries, 0, count, at + 1);
    return found >= 0 ? found : -found - 1;
  }

  private void findBoundaries() {
    quoteCount = 0;
    for (int k = text.indexOf('"'); k >= 0; k = text.indexOf('"', k + 1)) {
      if (quoteCount == quotes.length) {
        quotes = Arrays.copyOf(quotes, Math.max(8, 2 * quoteCount));
      }
      quotes[quoteCount++] = k;
    }
    // A sentence starts only in the run of spaces and closing quotes after sentence punctuation or a
    // line break (startsSentence walks back to one), so only those runs are read, each position once
    // and in order; String.indexOf finds the few chars that open a run much faster than a loop
    // over every char of the text.
    int runs = 0;
    for (char c : RUN_OPENERS) {
      for (int k = text.indexOf(c); k >= 0; k = text.indexOf(c, k + 1)) {
        if (runs == runStarts.length) {
          runStarts = Arrays.copyOf(runStarts, 2 * runs);
        }
        runStarts[runs++] = k;
      }
    }
    Arrays.sort(runStarts, 0, runs);
    count = 0;
    int next = 0; // the first position not read yet
    for (int r = 0; r < runs; r++) {
      int i = runStarts[r] + 1;
      if (i < next) {
        continue; // a line break inside a run already read: its run ends where that one did
      }
      while (i < text.length()) {
        if (startsSentence(i)) {
          if (count == boundaries.length) {
            boundaries = Arrays.copyOf(boundaries, 2 * count);
          }
          boundaries[count++] = i;
        }
        char c = text.charAt(i++);
        if (!isSpace(c) && !isCloser(c)) {
          break;
        }
      }
      next = i;
    }
  }


  /** Whether a sentence starts at {@code i}, strictly inside the text. */
  private boolean startsSentence(int i) {
    char before = text.charAt(i - 1);
    if (before < 0x80 ? ASCII_WORD[before] : Character.isLetterOrDigit(before)) {
      return false; // inside a word or right after one: most positions, decided on one char
    }
    char first = text.charAt(i);
    boolean spaced = isSpace(before);
    if (!spaced && !isTerminator(before) && !isCloser(before)) {
      return false;
    }
    if (isSpace(first) || (isCloser(first) && !isOpener(first))) {
      return false; // the spaces and the closing quote after a sentence belong to it
    }
    if (first == '"' && isTerminator(before)) {
      return opensQuote(i) && !isInitial(i - 1); // « divise."Une autre » or « divise." Une »
    }
    int j = i - 1;
    while (j >= 0 && isSpace(text.charAt(j))) {
      if (isLineBreak(text.charAt(j))) {
        return true;
      }
      j--;
    }
    // Closing quotes and brackets after the punctuation, with the spaces French puts inside them.
    while (j >= 0 && (isCloser(text.charAt(j)) || isSpace(text.charAt(j)))) {
      j--;
    }
    if (j < 0 || !isTerminator(text.charAt(j)) || isInitial(j)) {
      return false;
    }
    if (spaced) {
      return !continuesInLowerCase(i);
    }
    // Scraped articles often lose the space between sentences (« par BFMTV.Cette fresque »): there
    // a capital starts a sentence, so « 3.5 » and « orange.fr » stay whole; a quote glued to the
    // punctuation may open the sentence instead of closing the one before.
    return Character.isUpperCase(first) && noSpaceIn(j + 1, i) && !(text.charAt(j + 1) == '"' && opensQuote(j + 1));
  }

  /** « fini. "Puis »: the sentence starts at the quote, after the space, not at its capital. */
  private boolean noSpaceIn(int from, int to) {
    for (int k = from; k < to; k++) {
      if (isSpace(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the straight quote at {@code q} opens a quotation: an even number of them come before it. */
  private boolean opensQuote(int q) {
    int before = Arrays.binarySearch(quotes, 0, quoteCount, q);
    return (before >= 0 ? before : -before - 1) % 2 == 0;
  }

  /** « M. » or « J. »: a single capital before the full stop. */
  private boolean isInitial(int fullStop) {
    return text.charAt(fullStop) == '.' && fullStop >= 1 && Character.isUpperCase(text.charAt(fullStop - 1))
        && (fullStop == 1 || !Character.isLetter(text.charAt(fullStop - 2)));
  }

  /** « etc. et la suite »: the next word, past opening quotes and brackets, is in lower case. */
  private boolean continuesInLowerCase(int i) {
    for (int k = i; k < text.length(); k++) {
      char c = text.charAt(k);
      if (Character.isLetterOrDigit(c)) {
        return Character.isLowerCase(c);
      }
      if (!isOpener(c) && !isSpace(c)) {
        return false;
      }
    }
    return false;
  }

  /** ASCII letters and digits: most chars of a text, told apart without a table lookup. */
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  /** Sentence punctuation and line breaks: a sentence starts only after one of them, read by {@link #findBoundaries}. */
  private static final String TERMINATORS = ".!?…";
  private static final String LINE_BREAKS = "\n\r\u2028\u2029";
  private static final char[] RUN_OPENERS = (TERMINATORS + LINE_BREAKS).toCharArray();

  private static boolean isTerminator(char c) {
    return TERMINATORS.indexOf(c) >= 0;
  }

  private static boolean isSpace(char c) {
    if (c < 0x80) {
      return c <= ' ' && Character.isWhitespace(c);
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c); // no-break spaces, common in French
  }

  private static boolean isLineBreak(char c) {
    return LINE_BREAKS.indexOf(c) >= 0;
  }

  private static boolean isCloser(char c) {
    return c == '»' || c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '›';
  }

  private static boolean isOpener(char c) {
    return c == '«' || c == '"' || c == '(' || c == '[' || c == '“' || c == '‹' || c == '-' || c == '—' || c == '–';
  }

  @Override
  public SentenceBreakIterator clone() {
    SentenceBreakIterator copy = (SentenceBreakIterator) super.clone();
    copy.boundaries = boundaries.clone();
    copy.quotes = quotes.clone();
    copy.runStarts = runStarts.clone();
    return copy;
  }
}
