package loupe.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a gold or predicted PER span is taken to cover before exact matching: the newspaper sets disagree on
 * ranks and appositions, and the relaxed convention measures how much of a score that disagreement alone costs.
 */
enum SpanConvention {
  /** score_spans.py's definition, the official figure: leading courtesy titles dropped, nothing else. */
  TITLES_OUT,
  /**
   * A diagnostic: also leading ranks, functions and roles (with an article before them) and whatever follows a
   * first comma, so that « le général Jean Dupont, professeur » and « Jean Dupont » are the same span.
   */
  ROLES_AND_APPOSITIONS_OUT;

  /** Leading titles dropped from gold and predicted spans alike, as score_spans.py does. */
  private static final Set<String> TITLES = Set.of("m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "dr", "me",
      "pr", "sir", "lord", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames");

  /**
   * Generic French ranks and functions, written once in the singular (feminines listed): a general list rather
   * than words seen in the gold sets, so that the diagnostic is not fitted to them. Compared folded (no accents,
   * lower case), so « GÉNÉRAL » and « Général » match as well.
   */
  private static final List<String> ROLE_WORDS = List.of(
      // nobility and rulers
      "roi", "reine", "prince", "princesse", "empereur", "impératrice", "tsar", "tsarine", "sultan", "sultane",
      "shah", "émir", "khédive", "régent", "régente", "dauphin", "dauphine", "infant", "infante", "archiduc",
      "archiduchesse", "duc", "duchesse", "marquis", "marquise", "comte", "comtesse", "vicomte", "vicomtesse",
      "baron", "baronne", "chevalier", "seigneur", "sire", "don", "doña", "dona", "sieur", "dame", "demoiselle",
      // military and police
      "général", "maréchal", "amiral", "colonel", "commandant", "capitaine", "lieutenant", "sergent", "caporal",
      "adjudant", "brigadier", "soldat", "officier", "gendarme", "commissaire", "inspecteur",
      // civic and political
      "citoyen", "citoyenne", "président", "présidente", "chancelier", "ministre", "conseiller", "conseillère",
      "secrétaire", "député", "sénateur", "préfet", "maire", "échevin", "bourgmestre", "gouverneur", "consul",
      "ambassadeur", "juge", "procureur", "magistrat",
      // clerical
      "pape", "cardinal", "patriarche", "archevêque", "évêque", "abbé", "abbesse", "curé", "vicaire", "chanoine",
      "prieur", "prieure", "prêtre", "moine", "pasteur", "rabbin", "imam",
      // professions
      "professeur", "docteur", "maître", "médecin", "chirurgien", "pharmacien", "avocat", "notaire", "ingénieur",
      "architecte", "instituteur", "institutrice", "directeur", "directrice");

  /** The singular roles and their regular plurals (« généraux », « comtes »): a span may name several persons. */
  private static final Set<String> ROLES = roles();

  /** Articles that go with a role (« le général », « l'abbé »); on their own they stay, a name may start so. */
  private static final Set<String> ARTICLES = Set.of("le", "la", "l");

  /**
   * The span {@code [s, e)} of {@code tokens} as this convention trims it, as a {@code [start, end)} pair, or
   * null where nothing is left (a span that was only a title or a role is no mention on either side).
   */
  List<Integer> trim(List<String> tokens, int s, int e) {
    while (s < e && TITLES.contains(stripDots(tokens.get(s).toLowerCase(Locale.ROOT)))) {
      s++;
    }
    if (this == ROLES_AND_APPOSITIONS_OUT) {
      s = afterRoles(tokens, s, e);
      for (int k = s; k < e; k++) {
        if (tokens.get(k).equals(",")) {
          e = k;
          break;
        }
      }
    }
    return s < e ? List.of(s, e) : null;
  }

  /** The first token after the leading roles, which may follow each other (« le général comte … »). */
  private static int afterRoles(List<String> tokens, int s, int e) {
    while (true) {
      int r = s;
      // HIPE splits « l'abbé » into « l », « ' », « abbé »; other sets keep « l' » whole.
      while (r < e && (ARTICLES.contains(EntityEvaluation.fold(tokens.get(r))) || isApostrophe(tokens.get(r)))) {
        r++;
      }
      if (r < e && ROLES.contains(EntityEvaluation.fold(tokens.get(r)))) {
        s = r + 1;
      } else {
        return s;
      }
    }
  }

  private static boolean isApostrophe(String token) {
    return token.equals("'") || token.equals("’");
  }

  private static Set<String> roles() {
    Set<String> out = new HashSet<>();
    for (String w : ROLE_WORDS) {
      String f = EntityEvaluation.fold(w);
      out.add(f);
      out.add(f.endsWith("al") ? f.substring(0, f.length() - 2) + "aux"
          : f.endsWith("s") || f.endsWith("x") ? f : f + "s");
    }
    return Set.copyOf(out);
  }

  private static String stripDots(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == '.') {
      e--;
    }
    return s.substring(0, e);
  }
}
