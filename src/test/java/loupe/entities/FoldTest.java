package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FoldTest {
  /** Chars the table covers, the ones it special-cases, and a few that must take the normalizer's way. */
  private static final String ALPHABET = "aZéÉèœŒæÆçÇßİıĳŁøÅǅǄ'’ʼ‘-‐‑ \t\n\u00a0\u2009.1ʰ\u0301\u0327ΣσДд中😀";

  @Test
  void tableFoldAgreesWithTheNormalizerOnEverySingleChar() {
    for (char c = 0; c < 0x3000; c++) {
      String s = String.valueOf(c);
      assertEquals(Fold.normalizingFold(s), Fold.fold(s), () -> "U+" + Integer.toHexString(s.charAt(0)));
      String word = "Ab" + c + "cD" + c;
      assertEquals(Fold.normalizingFold(word), Fold.fold(word), word);
    }
  }

  @Test
  void tableFoldAgreesWithTheNormalizerOnMixedText() {
    Random random = new Random(42);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(8);
      for (int k = 0; k < len; k++) {
        int p = random.nextInt(ALPHABET.length());
        b.append(Character.isHighSurrogate(ALPHABET.charAt(p)) ? "😀" : String.valueOf(ALPHABET.charAt(p)));
      }
      String s = b.toString();
      assertEquals(Fold.normalizingFold(s), Fold.fold(s), s);
    }
  }

  @Test
  void foldsCaseAccentsApostrophesAndHyphens() {
    assertEquals("coree du nord", Fold.fold("  Corée-du‑Nord "));
    assertEquals("l'oeuvre", Fold.fold("L’Œuvre"));
  }
}
