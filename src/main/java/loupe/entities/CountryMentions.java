package loupe.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which lexicon matches really name a country: drops languages (« en français »), styles
 * (« à la française »), ambiguous places outside a locative context, and places that follow a given
 * name (« Denzel Washington »), and expands compound adjectives (« russo-ukrainien »).
 */
final class CountryMentions {
  /**
   * A country, or an organisation, named between two token indexes.
   *
   * @param code the country's ISO code; for an organisation, the state it is a national body of, or null
   * @param organization the organisation's canonical name when {@code kind} is ORGANIZATION, else null
   */
  record Found(int from, int to, String code, Lexicon.Kind kind, String organization) {
    Found(int from, int to, String code, Lexicon.Kind kind) {
      this(from, to, code, kind, null);
    }
  }

  /** « Île Maurice »: a capitalised island word is part of the place's own name. */
  private static final Set<String> ISLAND_WORDS = wordSet("ile", "iles");
  private static final Set<String> LANGUAGE_CUES = wordSet(
      "parle", "parlent", "parler", "parlant", "parlait", "parlé", "langue", "langues", "version", "traduit",
      "traduite", "traduction", "traduire", "dialecte", "accent", "sous", "titre", "sous-titré", "cours",
      "anglophone", "francophone", "interprete", "apprendre", "apprend", "enseigne", "enseigner", "écrit");
  /**
   * A city that shares its name with a French place counts after these only (« à Vienne », « de Vienne »): never
   * after an article or « en », which name the French département or river (« sénateur de la Vienne »).
   */
  private static final Set<String> CITY_CUES = wordSet(
      "a", "au", "aux", "dans", "de", "du", "d'", "des", "vers", "depuis", "sur", "pour", "via", "ile", "iles",
      "par", "entre", "et", "quitte", "quitter", "rejoint", "rejoindre");
  /**
   * A country name that is also a surname counts after these only (« en Hollande », « la Hollande »): after
   * « de », « à », « et » or « par » it is as often the person (« la politique de Hollande »).
   */
  private static final Set<String> NAME_CUES = wordSet(
      "en", "au", "aux", "du", "la", "le", "l'", "dans", "vers", "depuis", "quitte", "quitter", "rejoint",
      "rejoindre", "ile");
  private static final Set<String> DETERMINERS = wordSet("le", "du", "en", "au", "l'");

  private final Lexicon lexicon;

  /**
   * A HashSet rather than {@code Set.of}: these sets are probed for nearly every capitalised word, and a HashSet
   * finds its bucket with a mask where {@code Set.of} divides. Never modified.
   */
  private static Set<String> wordSet(String... words) {
    return new HashSet<>(Arrays.asList(words));
  }

  CountryMentions(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * Keeps the country readings among the matches. Sets {@code claimed[i]} for every token that belongs to
   * a country or a blocker phrase, so that person rules leave them alone.
   */
  List<Found> find(List<Token> tokens, LexiconMatcher.Match[] matches, boolean[] claimed) {
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < matches.length; i++) {
      LexiconMatcher.Match m = matches[i];
      if (m == null) {
        continue;
      }
      if (afterCourtesyTitle(tokens, m.from())) {
        // « M. Paris », « Mme Florence », « M. Peugeot »: after a civil title, a place or a brand is a surname.
        continue;
      }
      Lexicon.Entry e = m.entry();
      switch (e.kind()) {
        case NOT_COUNTRY, NOT_PERSON -> claim(claimed, m);
        case ORGANIZATION -> {
          if (!e.acronym() || !inCapitalsLine(tokens, m)) {
            claim(claimed, m);
            out.add(new Found(m.from(), m.to(), e.code(), e.kind(), e.organization()));
          }
        }
        case PREFIX -> {
          int end = compoundEnd(tokens, matches, m);
          if (end > 0) {
            out.add(new Found(m.from(), m.to(), e.code(), e.kind()));
            claim(claimed, m);
          }
        }
        case DEMONYM -> {
          claim(claimed, m);
          if (!isLanguageOrStyle(tokens, matches, m)) {
            out.add(new Found(m.from(), m.to(), e.code(), e.kind()));
          }
        }
        case LOCATIVE, LOCATIVE_NAME -> {
          Set<String> cues = e.kind() == Lexicon.Kind.LOCATIVE ? CITY_CUES : NAME_CUES;
          if (isLocative(tokens, m, cues) && !followsGivenName(tokens, m) && !beforeSurname(tokens, m)) {
            claim(claimed, m);
            out.add(new Found(m.from(), m.to(), e.code(), e.kind()));
          }
        }
        case CAPITAL, PLACE -> {
          if (!followsGivenName(tokens, m) && !insideLongerName(tokens, m)) {
            claim(claimed, m);
            out.add(new Found(m.from(), m.to(), e.code(), e.kind()));
          }
        }
        default -> {
          claim(claimed, m);
          out.add(new Found(m.from(), m.to(), e.code(), e.kind()));
        }
      }
    }
    return out;
  }

  /** The capitalised token at {@code k} comes right after « M. », « Mme », « Dr »… (not « Saint », a place's). */
  private static boolean afterCourtesyTitle(List<Token> tokens, int k) {
    if (k < 1 || !tokens.get(k).capitalized()) {
      return false;
    }
    int t = k - 1;
    if (tokens.get(t).isPunct('.') && tokens.get(t).join() == Token.Join.NONE) {
      t--;
    }
    if (t < 0) {
      return false;
    }
    Token title = tokens.get(t);
    return title.capitalized() && title.lex().courtesy && !title.key().startsWith("saint");
  }

  private static void claim(boolean[] claimed, LexiconMatcher.Match m) {
    for (int k = m.from(); k < m.to(); k++) {
      claimed[k] = true;
    }
  }

  /** A prefix counts only inside a chain of hyphenated prefixes that ends with a demonym; returns its end. */
  private static int compoundEnd(List<Token> tokens, LexiconMatcher.Match[] matches, LexiconMatcher.Match m) {
    int j = m.to();
    while (j < tokens.size() && tokens.get(j).join() == Token.Join.HYPHEN) {
      LexiconMatcher.Match next = matches[j];
      if (next == null) {
        return -1;
      }
      if (next.entry().kind() == Lexicon.Kind.DEMONYM) {
        return next.to();
      }
      if (next.entry().kind() != Lexicon.Kind.PREFIX) {
        return -1;
      }
      j = next.to();
    }
    return -1;
  }

  private boolean isLanguageOrStyle(List<Token> tokens, LexiconMatcher.Match[] matches, LexiconMatcher.Match m) {
    Token first = tokens.get(m.from());
    // « français-anglais »: two demonyms joined by a hyphen without a prefix form are a language pair.
    if (first.join() == Token.Join.HYPHEN && m.from() > 0) {
      LexiconMatcher.Match prev = matchEndingAt(matches, m.from());
      if (prev != null && prev.entry().kind() == Lexicon.Kind.DEMONYM) {
        return true;
      }
    }
    if (m.to() < tokens.size() && tokens.get(m.to()).join() == Token.Join.HYPHEN) {
      LexiconMatcher.Match next = matches[m.to()];
      if (next != null && next.entry().kind() == Lexicon.Kind.DEMONYM) {
        return true;
      }
    }
    if (first.capitalized()) {
      return false;
    }
    int i1 = previousWordIndex(tokens, m.from());
    Token p1 = i1 < 0 ? null : tokens.get(i1);
    int i2 = i1 < 0 ? -1 : previousWordIndex(tokens, i1);
    Token p2 = i2 < 0 ? null : tokens.get(i2);
    if (p1 != null && DETERMINERS.contains(p1.key()) && first.join() != Token.Join.HYPHEN) {
      return true;
    }
    if (p1 != null && p2 != null && p2.key().equals("a") && (p1.key().equals("la") || p1.key().equals("l'"))) {
      return true;
    }
    return (p1 != null && LANGUAGE_CUES.contains(p1.key())) || (p2 != null && LANGUAGE_CUES.contains(p2.key()));
  }

  private static LexiconMatcher.Match matchEndingAt(LexiconMatcher.Match[] matches, int to) {
    for (int k = to - 1; k >= 0 && k >= to - 6; k--) {
      if (matches[k] != null) {
        return matches[k].to() == to ? matches[k] : null;
      }
    }
    return null;
  }

  private static boolean isLocative(List<Token> tokens, LexiconMatcher.Match m, Set<String> cues) {
    Token p = previousWord(tokens, m.from());
    return p != null && cues.contains(p.key()) && adjacent(tokens, p, m.from());
  }

  /**
   * « Banana Split », « La Bohème »: a place right after a capitalised word inside a sentence ends the name of
   * something else (a dessert, an opera, a film), not a place the article is about.
   */
  private static boolean insideLongerName(List<Token> tokens, LexiconMatcher.Match m) {
    if (m.from() == 0 || tokens.get(m.from()).join() != Token.Join.SPACE) {
      return false;
    }
    Token p = tokens.get(m.from() - 1);
    return p.word() && p.capitalized() && !p.sentenceStart() && !p.allCaps() && !ISLAND_WORDS.contains(p.key());
  }

  /** An acronym among other words in capitals (« LE SUD SE MOBILISE ») is a heading word, not the acronym. */
  private static boolean inCapitalsLine(List<Token> tokens, LexiconMatcher.Match m) {
    int before = m.from() - 1;
    int after = m.to();
    return before >= 0 && tokens.get(before).word() && tokens.get(before).allCaps() && tokens.get(before).length() > 1
        || after < tokens.size() && tokens.get(after).word() && tokens.get(after).allCaps()
            && tokens.get(after).length() > 1;
  }

  private boolean followsGivenName(List<Token> tokens, LexiconMatcher.Match m) {
    if (m.from() == 0) {
      return false;
    }
    Token p = tokens.get(m.from() - 1);
    Token first = tokens.get(m.from());
    return p.word() && p.capitalized() && first.join() == Token.Join.SPACE && p.lex().given
        && !p.lex().notPerson;
  }

  private static boolean beforeSurname(List<Token> tokens, LexiconMatcher.Match m) {
    return m.to() < tokens.size() && tokens.get(m.to()).capitalized() && tokens.get(m.to()).join() == Token.Join.SPACE;
  }

  private static boolean adjacent(List<Token> tokens, Token p, int index) {
    for (int k = index - 1; k >= 0; k--) {
      Token t = tokens.get(k);
      if (t == p) {
        return true;
      }
      if (!t.word()) {
        return false;
      }
    }
    return false;
  }

  static Token previousWord(List<Token> tokens, int index) {
    int k = previousWordIndex(tokens, index);
    return k < 0 ? null : tokens.get(k);
  }

  /** Index of the word just before {@code index}, or -1 when punctuation stands between them. */
  static int previousWordIndex(List<Token> tokens, int index) {
    int k = index - 1;
    return k >= 0 && tokens.get(k).word() ? k : -1;
  }
}
