package loupe.entities;

import java.text.Normalizer;
import java.util.Locale;

/** Lexicon keys: every lookup folds case, accents, typographic apostrophes and hyphens the same way. */
final class Fold {
  private Fold() {}

  /** Chars below this (ASCII, Latin-1, Latin Extended-A/B, IPA) fold one by one through {@link #FOLDED}. */
  private static final int TABLE_SIZE = 0x300;
  /** Marks a char that separates words: hyphens and whitespace. */
  private static final String SEPARATOR = " ";
  /**
   * The fold of each char below {@link #TABLE_SIZE}, computed once by {@link #normalizingFold}: no decomposition
   * there yields anything but a base letter and dropped marks, so folding a string char by char gives the same key.
   */
  private static final String[] FOLDED = new String[TABLE_SIZE];
  /** The same folds where they are exactly one char, and 0 where they are not (« œ », separators, marks). */
  private static final char[] SINGLE = new char[TABLE_SIZE];

  static {
    for (char c = 0; c < TABLE_SIZE; c++) {
      FOLDED[c] = isSeparator(c) ? SEPARATOR : normalizingFold(String.valueOf(c));
      SINGLE[c] = FOLDED[c].length() == 1 && FOLDED[c] != SEPARATOR ? FOLDED[c].charAt(0) : 0;
    }
  }

  /**
   * The one char {@code c} folds to, or 0 when its fold is longer, empty, a separator, or needs the
   * normalizer: the tokenizer folds and hashes a word in the pass that finds its end, and only a word
   * with such a char takes {@link #fold}'s way.
   */
  static char single(char c) {
    if (c < TABLE_SIZE) {
      return SINGLE[c];
    }
    return c == '’' || c == 'ʼ' || c == '‘' ? '\'' : 0;
  }

  /** Lower-cases, strips accents, turns ’ into ' and hyphens into spaces, and collapses spaces. */
  static String fold(CharSequence s) {
    return fold(s, new StringBuilder());
  }

  /** As {@link #fold(CharSequence)}, building the key in {@code scratch} (cleared first) to spare a buffer per call. */
  static String fold(CharSequence s, StringBuilder scratch) {
    String t = s.toString();
    int n = t.length();
    // Most words are already folded (lower-case ASCII): return them as they are, without a copy.
    if (isFolded(t, 0, n)) {
      return t;
    }
    return foldInto(t, 0, n, scratch) ? scratch.toString() : normalizingFold(t);
  }

  /** True when {@code t[from, to)} is its own key: lower-case ASCII letters, digits and apostrophes. */
  static boolean isFolded(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isFoldedAscii(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the key of {@code t[from, to)} into {@code out} (cleared first) without making a string, so a
   * lookup can miss for free; false, with {@code out} undefined, when a rare char needs {@link #normalizingFold}.
   */
  static boolean foldInto(String t, int from, int to, StringBuilder out) {
    out.setLength(0);
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      String f;
      if (c < TABLE_SIZE) {
        f = FOLDED[c];
      } else if (c == '’' || c == 'ʼ' || c == '‘') {
        f = "'";
      } else if (c == '‐' || c == '‑') {
        f = SEPARATOR;
      } else {
        // Rare chars (combining marks, Greek, Cyrillic, other spaces…) take the normalizer's way.
        return false;
      }
      if (f == SEPARATOR) {
        space = out.length() > 0;
        continue;
      }
      if (f.isEmpty()) {
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      if (f.length() == 1) {
        out.append(f.charAt(0));
      } else {
        out.append(f);
      }
    }
    return true;
  }

  private static boolean isFoldedAscii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '‐' || c == '‑' || Character.isWhitespace(c);
  }

  /** The definition of the fold, valid for any text; {@link #fold} gives the same result faster. */
  static String normalizingFold(CharSequence s) {
    String t = s.toString();
    if (!isPlainAscii(t)) {
      t = Normalizer.normalize(t, Normalizer.Form.NFD);
    }
    StringBuilder b = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (c == '’' || c == 'ʼ' || c == '‘') {
        c = '\'';
      }
      if (isSeparator(c)) {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c == 'œ' ? "oe" : c == 'Œ' ? "oe" : c == 'æ' ? "ae" : String.valueOf(Character.toLowerCase(c)));
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
