package loupe.entities;

import java.util.List;

/** Finds lexicon phrases in a token list, longest match first, left to right. */
final class LexiconMatcher {
  private final Lexicon lexicon;

  LexiconMatcher(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * One lexicon phrase found in the tokens.
   *
   * @param from index of the first token
   * @param to index past the last token
   */
  record Match(int from, int to, Lexicon.Entry entry) {}

  /** Returns, for each token index, the match starting there or null; matched tokens are claimed once. */
  Match[] match(List<Token> tokens) {
    Match[] out = new Match[tokens.size()];
    int i = 0;
    while (i < tokens.size()) {
      Token first = tokens.get(i);
      if (!first.word()) {
        i++;
        continue;
      }
      Match best = null;
      // Most words start no phrase; then stop as soon as no longer phrase can begin with the words read.
      Lexicon.PhraseNode node = first.lex().phrases;
      int j = i;
      while (node != null) {
        if (node.entry != null && fits(node.entry, first) && fitsCapitals(node.entry, tokens, i, j)) {
          best = new Match(i, j + 1, node.entry);
        }
        j++;
        if (node.next == null || j >= tokens.size() || j - i >= lexicon.maxPhraseLength || !tokens.get(j).word()
            || tokens.get(j).lex() == Lexicon.Word.NONE) {
          break;
        }
        node = node.next.get(tokens.get(j).key());
      }
      if (best != null) {
        out[i] = best;
        i = best.to();
      } else {
        i++;
      }
    }
    return out;
  }

  /** An organisation's capitalised words are capitalised in the text too (« Le Monde », « Sud Ouest »). */
  private static boolean fitsCapitals(Lexicon.Entry e, List<Token> tokens, int from, int last) {
    if (e.kind() != Lexicon.Kind.ORGANIZATION) {
      return true;
    }
    for (int k = from + 1; k <= last && k - from < 64; k++) {
      if ((e.capitals() & (1L << (k - from))) != 0 && !tokens.get(k).capitalized()) {
        return false;
      }
    }
    return true;
  }

  /** « C8 », « M6 »: one capital and digits is written in capitals too. */
  private static boolean noLowerCase(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(Lexicon.Entry e, Token first) {
    if (e.acronym()) {
      return first.allCaps() || first.length() == 1 || first.capitalized() && noLowerCase(first.text());
    }
    return !e.capitalised() || first.capitalized();
  }
}
