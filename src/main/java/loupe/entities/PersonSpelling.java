package loupe.entities;

/**
 * One spelling per person outside the lexicon, whatever the typography of the article: spaces, the case of
 * particles and the accent French capitals often lose. Without it a reader sees « Éric Ciotti » and « Eric
 * Ciotti », or « Stéphane Le Foll » and « Stéphane le Foll », side by side in one facet list.
 */
final class PersonSpelling {
  private PersonSpelling() {}

  /** The facet spelling of a name as an article writes it (already name-cased). */
  static String canonical(String name, Lexicon lexicon) {
    String[] words = name.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip().split(" ");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean last = i == words.length - 1;
      if (i == 0) {
        words[i] = accentedGivenName(w, lexicon);
      } else if (!last && (w.equals("le") || w.equals("la")) && !words[i - 1].equalsIgnoreCase("de")) {
        // « Le Foll », « Le Pen », « La Rochère »: the article of a Breton or Norman surname is a capital.
        words[i] = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      } else if (!last && (w.equals("De") || w.equals("Du") || w.equals("Des"))) {
        // « François de Rugy »: the particle « de » is written in lower case inside a name.
        words[i] = w.toLowerCase(java.util.Locale.ROOT);
      } else if (w.startsWith("D'") && w.length() > 2 && i > 0) {
        words[i] = "d'" + w.substring(2);
      }
    }
    return String.join(" ", words);
  }

  /** « Eric » → « Éric », « Edouard » → « Édouard »: French capitals often drop the accent the name has. */
  private static String accentedGivenName(String word, Lexicon lexicon) {
    if (word.isEmpty() || word.charAt(0) >= 0x80) {
      return word;
    }
    String spelling = lexicon.givenSpellings.get(Fold.fold(word));
    if (spelling != null && spelling.length() == word.length() && spelling.charAt(0) >= 0x80
        && spelling.substring(1).equals(word.substring(1))) {
      return spelling;
    }
    return word;
  }
}
