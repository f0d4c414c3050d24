package loupe.entities;

import java.text.Normalizer;
import java.util.Locale;

/** Lexicon keys: every lookup folds case, accents, typographic apostrophes and hyphens the same way. */
final class Fold {
  private Fold() {}

  /** Lower-cases, strips accents, turns ’ into ' and hyphens into spaces, and collapses spaces. */
  static String fold(CharSequence s) {
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
      if (c == '-' || c == '‐' || c == '‑' || Character.isWhitespace(c)) {
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
