package loupe.entities;

import java.util.List;

/**
 * One word piece of the raw text with its offsets. Hyphenated words are several pieces joined by
 * {@link Join#HYPHEN}, so « nord-coréen » can match a lexicon entry and « Jean-Luc » a given name.
 *
 * <p>The piece's text and folded key are made on first request: the rules read them for a few tokens
 * around capitalised words, while a string and a key for every word of every article cost more than the
 * rest of the tokenizer did.
 */
final class Token {

  enum Join { SPACE, HYPHEN, APOSTROPHE, NONE }

  private final String source;
  private final int start;
  private final int end;
  private final boolean word;
  private final Join join;
  private final boolean sentenceStart;
  private final Lexicon.Word lex;
  private final boolean capitalized;
  private String text;
  private String key;

  /**
   * @param source the whole text the piece was cut from
   * @param start UTF-16 offset of the first char
   * @param end UTF-16 offset past the last char
   * @param word true for letters or digits, false for punctuation
   * @param join how this piece is attached to the previous one
   * @param sentenceStart true when the piece opens a sentence, a line or a quotation
   * @param lex what the lexicons say about {@link #key()}, {@link Lexicon.Word#NONE} when nothing
   * @param capitalized a word whose first char is upper case; kept, not recomputed, because the rules
   *     ask it of nearly every token
   * @param key the folded key when the tokenizer already holds it as a string, else null
   */
  Token(String source, int start, int end, boolean word, Join join, boolean sentenceStart, Lexicon.Word lex,
      boolean capitalized, String key) {
    this.source = source;
    this.start = start;
    this.end = end;
    this.word = word;
    this.join = join;
    this.sentenceStart = sentenceStart;
    this.lex = lex;
    this.capitalized = capitalized;
    this.key = key;
  }

  /** The piece as written; an elided article keeps its apostrophe (« l' », « d' »). */
  String text() {
    if (text == null) {
      text = source.substring(start, end);
    }
    return text;
  }

  /** The folded form used for lexicon lookups. */
  String key() {
    if (key == null) {
      key = Fold.fold(text());
    }
    return key;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  boolean word() {
    return word;
  }

  Join join() {
    return join;
  }

  boolean sentenceStart() {
    return sentenceStart;
  }

  Lexicon.Word lex() {
    return lex;
  }

  boolean capitalized() {
    return capitalized;
  }

  /** The piece's length in UTF-16 chars, without making its string. */
  int length() {
    return end - start;
  }

  /** The piece's first char, without making its string. */
  char firstChar() {
    return source.charAt(start);
  }

  boolean allCaps() {
    if (!word) {
      return false;
    }
    int letters = 0;
    for (int i = start; i < end; i++) {
      char c = source.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters > 1;
  }

  /**
   * A word that opens a line the source ran into the previous word (« Castex|Christian Jacob »): the tokenizer cut it
   * off with no space before it, after another word.
   */
  static boolean opensGluedLine(List<Token> tokens, int k) {
    Token t = tokens.get(k);
    return k > 0 && t.word && t.join == Join.NONE && t.sentenceStart && tokens.get(k - 1).word;
  }

  /**
   * A word that opens a line right after a word: only a line break (or a glued line) sets a sentence start with no
   * punctuation before it. The title's last word and a heading are then on another line (« … aux gendarmes » /
   * « INSOLITE - Un homme… »).
   */
  static boolean opensLineAfterWord(List<Token> tokens, int k) {
    return k > 0 && tokens.get(k).sentenceStart && tokens.get(k - 1).word;
  }

  boolean isPunct(char c) {
    return !word && end - start == 1 && source.charAt(start) == c;
  }

  @Override
  public String toString() {
    return text();
  }
}
