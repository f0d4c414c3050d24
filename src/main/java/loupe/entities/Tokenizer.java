package loupe.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cuts raw text into word pieces and punctuation while keeping offsets into the original string. */
final class Tokenizer {
  private Tokenizer() {}

  /** One shared string per Latin-1 punctuation char, rather than a new one per punctuation token. */
  private static final String[] PUNCTUATION = new String[0x100];

  static {
    for (char c = 0; c < PUNCTUATION.length; c++) {
      PUNCTUATION[c] = String.valueOf(c);
    }
  }

  private static final WordTable NO_WORDS = new WordTable(Map.of());

  /** Tokens without their lexicon facts, to build the lexicon itself. */
  static List<Token> tokenize(String text) {
    return tokenize(text, NO_WORDS);
  }

  /** Tokens that carry what {@code vocabulary} says about their key. */
  static List<Token> tokenize(String text, WordTable vocabulary) {
    List<Token> out = new ArrayList<>(text.length() / 5 + 4);
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    Token.Join join = Token.Join.SPACE;
    StringBuilder scratch = new StringBuilder();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (c == '\n') {
          sentenceStart = true;
        }
        join = Token.Join.SPACE;
        i++;
        continue;
      }
      if (isWordChar(c)) {
        int s = i;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        // An apostrophe right after letters ends an elided piece (« l' », « d' », « O' ») that is its own token.
        boolean elided = i < n && isApostrophe(text.charAt(i)) && i + 1 < n && isWordChar(text.charAt(i + 1));
        int e = elided ? i + 1 : i;
        String piece = text.substring(s, e);
        String key = Fold.fold(piece, scratch);
        out.add(new Token(piece, key, s, e, true, join, sentenceStart, vocabulary.get(key),
            Character.isUpperCase(c)));
        sentenceStart = false;
        i = e;
        join = elided ? Token.Join.APOSTROPHE : Token.Join.NONE;
        if (!elided && i + 1 < n && isHyphen(text.charAt(i)) && isWordChar(text.charAt(i + 1))) {
          join = Token.Join.HYPHEN;
          i++;
        }
        continue;
      }
      String p = c < PUNCTUATION.length ? PUNCTUATION[c] : String.valueOf(c);
      out.add(new Token(p, p, i, i + 1, false, join, sentenceStart, vocabulary.get(c), false));
      if (c == '.' || c == '!' || c == '?' || c == '…' || c == ':' || c == '«' || c == '"' || c == '“'
          || c == '—' || c == '–' || c == '(' || c == ';') {
        sentenceStart = !(c == '.' && isInitialDot(out));
      }
      join = Token.Join.NONE;
      i++;
    }
    return out;
  }

  /** A dot after a single capital (« J. Dupont », « M. Macron ») does not end the sentence. */
  private static boolean isInitialDot(List<Token> out) {
    if (out.size() < 2) {
      return false;
    }
    Token prev = out.get(out.size() - 2);
    if (!prev.word()) {
      return false;
    }
    String t = prev.text();
    return (t.length() == 1 && prev.capitalized())
        || t.equals("M") || t.equals("MM") || t.equals("Mme") || t.equals("Mlle") || t.equals("Dr")
        || t.equals("Mgr") || t.equals("Pr") || t.equals("St") || t.equals("Me") || t.equals("Mr");
  }

  static boolean isWordChar(char c) {
    if (c < 0x80) {
      // ASCII has no combining mark; this test runs on every char of every article.
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == 'ʼ';
  }

  static boolean isHyphen(char c) {
    return c == '-' || c == '‐' || c == '‑';
  }
}
