package loupe.entities;

/**
 * One word piece of the raw text with its offsets. Hyphenated words are several pieces joined by
 * {@link Join#HYPHEN}, so « nord-coréen » can match a lexicon entry and « Jean-Luc » a given name.
 *
 * @param text the piece as written; an elided article keeps its apostrophe (« l' », « d' »)
 * @param key the folded form used for lexicon lookups
 * @param start UTF-16 offset of the first char
 * @param end UTF-16 offset past the last char
 * @param word true for letters or digits, false for punctuation
 * @param join how this piece is attached to the previous one
 * @param sentenceStart true when the piece opens a sentence, a line or a quotation
 * @param lex what the lexicons say about {@code key}, {@link Lexicon.Word#NONE} when nothing
 * @param capitalized a word whose first char is upper case; kept, not recomputed, because the rules
 *     ask it of nearly every token and reading it from {@code text} is a second memory load each time
 */
record Token(String text, String key, int start, int end, boolean word, Join join, boolean sentenceStart,
    Lexicon.Word lex, boolean capitalized) {

  enum Join { SPACE, HYPHEN, APOSTROPHE, NONE }

  boolean allCaps() {
    if (!word) {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters > 1;
  }

  boolean isPunct(char c) {
    return !word && text.length() == 1 && text.charAt(0) == c;
  }
}
