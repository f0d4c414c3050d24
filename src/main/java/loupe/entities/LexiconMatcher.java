package loupe.entities;

import java.util.List;
import java.util.Map;

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
      Map<String, Lexicon.PhraseNode> words = lexicon.phraseTree;
      for (int j = i; j < tokens.size() && j - i < lexicon.maxPhraseLength; j++) {
        Token t = tokens.get(j);
        if (!t.word()) {
          break;
        }
        Lexicon.PhraseNode node = words.get(t.key());
        if (node == null) {
          break;
        }
        if (node.entry != null && fits(node.entry, first)) {
          best = new Match(i, j + 1, node.entry);
        }
        // Most words start no phrase: stop as soon as no longer phrase can begin with these words.
        if (node.next == null) {
          break;
        }
        words = node.next;
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

  private static boolean fits(Lexicon.Entry e, Token first) {
    if (e.acronym()) {
      return first.allCaps() || first.text().length() == 1;
    }
    return !e.capitalised() || first.capitalized();
  }
}
