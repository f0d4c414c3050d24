package loupe.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds person names: capitalised runs with a given-name or title cue, then merges the short forms of one
 * article into the fullest form seen (« Poutine » → « Vladimir Poutine », « Kim » → « Kim Jong Un »).
 */
final class PersonNames {
  /** Lower-case particles that may sit inside a name (« Charles de Gaulle », « Bachar al-Assad »). */
  private static final Set<String> PARTICLES = Set.of(
      "de", "du", "des", "d'", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den",
      "ter", "ten", "bin", "ben", "ibn", "al", "el", "ould", "y", "zu", "la", "le", "st");
  /** Capitalised particles that are stop words at a sentence start but belong to a name inside a run. */
  private static final Set<String> NAME_PARTICLES = Set.of(
      "le", "la", "de", "du", "des", "di", "da", "van", "von", "del", "della", "ben", "bin", "al", "el", "abu",
      "abou", "ibn", "mac", "mc", "ould", "dos", "das", "ter", "ten", "d'", "o'");
  /** Elided function words that never start a name (« L'Élysée », « D'abord »). */
  private static final Set<String> ELISIONS = Set.of(
      "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'");
  /** First words of foreign place names that the lexicon may not list (« San José », « Santa Cruz »). */
  private static final Set<String> PLACE_STARTERS = Set.of(
      "san", "santa", "santo", "sao", "los", "las", "new", "port", "fort", "mount", "lake", "cape", "bad",
      "saint", "sainte", "mont", "val", "ville", "villa", "puerto", "porto", "rio", "sankt", "ciudad", "sidi",
      "ain", "bir", "tel", "abou", "beni", "oued", "ras");

  /** Nouns before a name that make it an eponym, never a mention of the person. */
  private static final Set<String> EPONYM_CUES = Set.of(
      "rue", "place", "avenue", "boulevard", "bd", "quai", "allee", "impasse", "square", "cours", "chemin", "route",
      "esplanade", "promenade", "pont", "parc", "jardin", "lycee", "college", "ecole", "universite", "institut",
      "hopital", "clinique", "stade", "gare", "aeroport", "station", "metro", "musee", "fondation", "prix", "loi",
      "lois", "salle", "theatre", "cite", "residence", "eglise", "cathedrale", "chapelle", "basilique", "abbaye",
      "chateau", "palais", "centre", "complexe", "campus", "amphitheatre", "hotel", "porte", "navire", "fregate",
      "avions", "sous marin", "paquebot", "plan", "reforme", "amendement", "decret", "circulaire", "rapport", "methode", "syndrome",
      "maladie", "effet", "theoreme", "equation", "medaille", "trophee", "coupe", "challenge", "bourse", "chaire",
      "galerie", "boutique", "villa", "quartier", "tour", "tours", "bibliotheque", "mediatheque",
      "conservatoire", "opera", "zoo", "label", "marque", "studio", "studios", "editions", "groupe", "societe",
      "entreprise", "agence", "cabinet", "restaurant", "bar", "cafe", "festival", "operation", "auberge",
      "hopitaux", "ecoles", "lycees", "colleges", "centres", "universites", "rues", "avenues");
  /** Nouns that say who someone is in an apposition (« X, un habitant de Lyon »). */
  private static final Set<String> APPOSITION_NOUNS = Set.of(
      "responsable", "habitant", "habitante", "porte parole", "eleve", "etudiant", "etudiante", "retraite",
      "retraitee", "agriculteur", "agricultrice", "commercant", "commercante", "gerant", "gerante", "salarie",
      "salariee", "employe", "employee", "ouvrier", "ouvriere", "victime", "suspect", "suspecte", "temoin",
      "voisin", "voisine", "ami", "amie", "mere", "pere", "fils", "fille", "epouse", "epoux", "mari", "femme",
      "frere", "soeur", "cousin", "cousine", "oncle", "tante", "grand mere", "grand pere", "veuve", "proche",
      "specialiste", "expert", "experte", "chef", "cofondateur", "cofondatrice", "membre", "elu", "elue", "adjoint",
      "adjointe", "delegue", "deleguee", "secretaire", "president", "presidente", "vice", "mannequin", "benevole",
      "militant", "militante", "collegue", "patron", "patronne", "coordinateur", "coordinatrice", "analyste",
      "universitaire", "enseignant", "enseignante", "instituteur", "institutrice", "auteure", "createur",
      "creatrice", "policier", "policiere", "agent", "officier", "medecin", "docteur", "cheffe", "rescape",
      "rescapee", "survivant", "survivante", "maman", "papa", "jeune", "homme", "fondateur", "fondatrice");
  private static final Set<String> APPOSITION_FILLERS = Set.of(
      "un", "une", "le", "la", "l'", "son", "sa", "leur", "notre", "ancien", "ancienne", "ex", "haut", "haute",
      "jeune", "celebre", "grand", "grande", "nouveau", "nouvelle", "actuel", "actuelle", "futur", "future",
      "premier", "premiere", "propre", "seul", "seule", "autre", "vieux", "vieil", "vieille", "petit", "petite");
  /** Speech verbs and « selon » right before a name. */
  private static final Set<String> SPEECH_CUES = Set.of(
      "selon", "declare", "explique", "affirme", "indique", "souligne", "estime", "raconte", "confie", "ajoute",
      "precise", "assure", "annonce", "temoigne", "rappelle", "poursuit", "conclut", "insiste", "reconnait",
      "detaille", "deplore", "regrette", "avertit", "juge", "observe", "note", "commente", "martele", "lance",
      "ironise", "plaide", "resume", "interroge", "signale", "denonce", "rapporte", "dit", "ecrit", "tweete",
      "souffle", "glisse", "admet", "concede", "previent", "revele", "s'insurge", "s'inquiete", "s'agace");

  private final Lexicon lexicon;

  PersonNames(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** A name found in the text before merging. */
  private record Candidate(int from, int to, List<String> words, List<String> keys, Strength strength,
      String lexiconName) {
    String key() {
      return String.join(" ", keys);
    }

    String last() {
      return keys.get(keys.size() - 1);
    }
  }

  private enum Strength { FULL, CUED, BARE }

  /** One person of the article with every place it is named. */
  static final class Person {
    String canonical;
    final List<String> forms = new ArrayList<>();
    final List<int[]> spans = new ArrayList<>();
    String lexiconName;
    String firstKey;
    String lastKey;
    String fullKey;
    boolean familyFirst;

    int firstOffset() {
      return spans.get(0)[0];
    }
  }

  List<Person> find(String text, List<Token> tokens, boolean[] claimed) {
    List<Candidate> candidates = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int next = scanRun(text, tokens, claimed, i, candidates);
      i = Math.max(next, i + 1);
    }
    return merge(candidates);
  }

  /** Collects the capitalised run that starts at {@code i}; returns the index after it. */
  private int scanRun(String text, List<Token> tokens, boolean[] claimed, int i, List<Candidate> out) {
    Token t = tokens.get(i);
    if (!t.word() || claimed[i] || !t.capitalized() || ELISIONS.contains(t.key())) {
      return i + 1;
    }
    List<Integer> run = new ArrayList<>();
    int j = i;
    boolean afterParticle = false;
    while (j < tokens.size()) {
      Token u = tokens.get(j);
      if (u.word()) {
        if (claimed[j]) {
          break;
        }
        boolean attached = !run.isEmpty() && (u.join() == Token.Join.HYPHEN || u.join() == Token.Join.APOSTROPHE);
        // After « de », « van », « al- »… only one more word belongs to the name (« Mingma Sherpa de Seven… »).
        if (afterParticle && !attached && !NAME_PARTICLES.contains(u.key())
            && !PARTICLES.contains(tokens.get(j - 1).key())) {
          break;
        }
        if (u.capitalized() || attached) {
          // East Asian given-name syllables may look like French words (« Kim Jong Un », « Kim Il Sung »).
          boolean asian = !run.isEmpty() && lexicon.familyFirstNames.contains(tokens.get(run.get(0)).key())
              && u.text().length() <= 4 && run.size() < 3;
          if (!run.isEmpty() && !attached && !asian && isStop(u)
              && !(NAME_PARTICLES.contains(u.key()) && nextIsName(tokens, claimed, j))) {
            break;
          }
          run.add(j);
          j++;
          continue;
        }
        if (!run.isEmpty() && PARTICLES.contains(u.key()) && nextIsName(tokens, claimed, j)
            && (run.size() < 2 || endsAfterNextName(tokens, j))) {
          afterParticle = true;
          run.add(j);
          j++;
          continue;
        }
        break;
      }
      // A dot after an initial or a courtesy title stays inside the run (« J. Dupont », « M. Biden »).
      if (u.isPunct('.') && !run.isEmpty() && j + 1 < tokens.size() && tokens.get(j + 1).capitalized()
          && (isInitial(tokens.get(j - 1)) || isCourtesy(tokens.get(j - 1)))) {
        run.add(j);
        j++;
        continue;
      }
      break;
    }
    if (run.isEmpty()) {
      return i + 1;
    }
    classify(text, tokens, run, out);
    return j;
  }

  /** True when the name word after the particle at {@code j} is the last capitalised word of the run. */
  private static boolean endsAfterNextName(List<Token> tokens, int j) {
    int k = j + 1;
    while (k < tokens.size() && tokens.get(k).word() && !tokens.get(k).capitalized()) {
      k++;
    }
    k++;
    while (k < tokens.size() && (tokens.get(k).join() == Token.Join.HYPHEN || tokens.get(k).join() == Token.Join.APOSTROPHE)) {
      k++;
    }
    return k >= tokens.size() || !tokens.get(k).capitalized();
  }

  private boolean nextIsName(List<Token> tokens, boolean[] claimed, int j) {
    for (int k = j + 1; k < tokens.size() && k <= j + 2; k++) {
      Token n = tokens.get(k);
      if (!n.word() || claimed[k]) {
        return false;
      }
      if (n.capitalized()) {
        return !isStop(n) || NAME_PARTICLES.contains(n.key());
      }
      if (!PARTICLES.contains(n.key())) {
        return false;
      }
    }
    return false;
  }

  private void classify(String text, List<Token> tokens, List<Integer> run, List<Candidate> out) {
    int a = 0;
    int b = run.size();
    Strength cue = cueBefore(tokens, run.get(0));
    // Leading courtesy titles and stop words are not part of the name.
    while (a < b) {
      Token t = tokens.get(run.get(a));
      if (!t.word()) {
        a++;
      } else if ((isCourtesy(t) || isRole(t)) && a + 1 < b) {
        cue = Strength.CUED;
        a++;
      } else if ((isStop(t) || ELISIONS.contains(t.key())) && !isGiven(t) && attachedNext(tokens, run, a) == a + 1) {
        a++;
      } else {
        break;
      }
    }
    while (b > a && (!tokens.get(run.get(b - 1)).word() || PARTICLES.contains(tokens.get(run.get(b - 1)).key())
        && !tokens.get(run.get(b - 1)).capitalized())) {
      b--;
    }
    if (a >= b || isEponym(tokens, run.get(a)) || isQuoted(tokens, run.get(a), run.get(b - 1))) {
      return;
    }
    List<int[]> words = words(tokens, run.subList(a, b));
    if (cue == null && (cueAfter(tokens, run.get(b - 1) + 1) || speechBefore(tokens, run.get(a)))) {
      cue = Strength.CUED;
    }
    // Drop capitalised words before the first given name (« Tesla Elon Musk », « Selon Jean Dupont »).
    int g = firstGiven(tokens, words);
    if (g > 0 && words.size() - g >= 2) {
      words = words.subList(g, words.size());
      g = 0;
    }
    boolean allCaps = true;
    for (int[] w : words) {
      allCaps &= tokens.get(w[0]).allCaps();
    }
    int n = words.size();
    boolean sentenceStart = tokens.get(words.get(0)[0]).sentenceStart();
    boolean family = lexicon.familyFirstNames.contains(tokens.get(words.get(0)[0]).key()) && n >= 2;
    Strength strength;
    if (n >= 2 && (g == 0 || family || isInitialWord(tokens, words.get(0)))) {
      strength = Strength.FULL;
    } else if (cue == Strength.CUED) {
      strength = Strength.CUED;
    } else if (n >= 2 && !allCaps && plausibleForeignName(tokens, words) && cue != null) {
      strength = Strength.FULL;
    } else {
      strength = Strength.BARE;
    }
    if (n == 1 && (isStop(tokens.get(words.get(0)[0])) && strength != Strength.CUED
        || words.get(0)[1] - words.get(0)[0] == 1 && tokens.get(words.get(0)[0]).text().length() == 1)) {
      return;
    }
    if (allCaps && strength == Strength.BARE && n == 1 && tokens.get(words.get(0)[0]).text().length() <= 4) {
      return;
    }
    List<String> surface = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int[] w : words) {
      String s = text.substring(tokens.get(w[0]).start(), tokens.get(w[1] - 1).end());
      surface.add(s);
      keys.add(Fold.fold(s).replace(".", ""));
    }
    String key = String.join(" ", keys);
    String lexName = lexicon.persons.get(key);
    if (sentenceStart && n == 1 && strength == Strength.BARE && lexName == null) {
      // Still useful as an alias of a full name seen elsewhere in the article.
      lexName = null;
    }
    int from = words.get(0)[0];
    int to = words.get(n - 1)[1];
    out.add(new Candidate(from, to, surface, keys, strength, lexName));
  }

  /** Two or more capitalised words with no known function word: foreign names the lexicon lacks. */
  private boolean plausibleForeignName(List<Token> tokens, List<int[]> words) {
    if (words.size() > 3) {
      return false;
    }
    Token first = tokens.get(words.get(0)[0]);
    if (PLACE_STARTERS.contains(first.key())) {
      return false;
    }
    for (int[] w : words) {
      Token t = tokens.get(w[0]);
      if (!t.capitalized() || isStop(t) || t.text().length() < 2 || w[1] - w[0] > 3) {
        return false;
      }
    }
    return true;
  }

  /** « le gérant de "Bob Music" »: a quoted capitalised phrase is a title or a brand, not a person. */
  private static boolean isQuoted(List<Token> tokens, int first, int last) {
    return first > 0 && last + 1 < tokens.size() && isQuote(tokens.get(first - 1)) && isQuote(tokens.get(last + 1));
  }

  private static boolean isQuote(Token t) {
    return !t.word() && "\"«»“”".indexOf(t.text().charAt(0)) >= 0;
  }

  /** « rue Jean-Jaurès », « loi Veil », « lycée Victor-Hugo »: names of things named after someone. */
  private static boolean isEponym(List<Token> tokens, int start) {
    int k = start - 1;
    return k >= 0 && tokens.get(k).word() && EPONYM_CUES.contains(tokens.get(k).key());
  }

  /** « Wiratno, un haut responsable », « Kraft, médecin », « Tony Chung, 19 ans »: an apposition that says who. */
  private boolean cueAfter(List<Token> tokens, int k) {
    if (k >= tokens.size() || !tokens.get(k).isPunct(',')) {
      return false;
    }
    k++;
    if (k < tokens.size() && tokens.get(k).word() && Character.isDigit(tokens.get(k).text().charAt(0))) {
      return k + 1 < tokens.size() && tokens.get(k + 1).key().equals("ans");
    }
    for (int skipped = 0; k < tokens.size() && skipped < 3; k++, skipped++) {
      Token t = tokens.get(k);
      if (!t.word() || t.capitalized()) {
        return false;
      }
      if (lexicon.roles.containsKey(t.key()) || APPOSITION_NOUNS.contains(t.key())) {
        return true;
      }
      if (!APPOSITION_FILLERS.contains(t.key())) {
        return false;
      }
    }
    return false;
  }

  /** « a déclaré Wiratno », « selon Mingma Sherpa »: speech verbs announce a speaker. */
  private static boolean speechBefore(List<Token> tokens, int start) {
    int k = start - 1;
    return k >= 0 && tokens.get(k).word() && SPEECH_CUES.contains(tokens.get(k).key());
  }

  private boolean isRole(Token t) {
    Integer len = lexicon.roles.get(t.key());
    return len != null && len == 1;
  }

  private Strength cueBefore(List<Token> tokens, int start) {
    int k = start - 1;
    if (k >= 0 && tokens.get(k).isPunct('.')) {
      k--;
    }
    if (k >= 0 && isCourtesy(tokens.get(k))) {
      return Strength.CUED;
    }
    // Skip nationality adjectives between a role and the name (« le président russe Vladimir Poutine »).
    k = start - 1;
    int skipped = 0;
    while (k >= 0 && skipped < 3 && tokens.get(k).word() && !tokens.get(k).capitalized()
        && lexicon.phrases.containsKey(tokens.get(k).key())
        && lexicon.phrases.get(tokens.get(k).key()).kind() == Lexicon.Kind.DEMONYM) {
      k--;
      skipped++;
    }
    StringBuilder key = new StringBuilder();
    for (int len = 1; len <= lexicon.maxRoleLength && k - len + 1 >= 0; len++) {
      Token t = tokens.get(k - len + 1);
      if (!t.word()) {
        break;
      }
      key.insert(0, len == 1 ? t.key() : t.key() + " ");
      Integer l = lexicon.roles.get(key.toString());
      if (l != null && l == len) {
        return Strength.CUED;
      }
    }
    return null;
  }

  /** Groups run tokens into words: pieces joined by a hyphen or an apostrophe, plus an initial's dot. */
  private static List<int[]> words(List<Token> tokens, List<Integer> run) {
    List<int[]> out = new ArrayList<>();
    int s = -1;
    int e = -1;
    for (int idx : run) {
      Token t = tokens.get(idx);
      boolean attached = t.join() == Token.Join.HYPHEN || t.join() == Token.Join.APOSTROPHE
          || (!t.word() && t.isPunct('.'));
      if (s >= 0 && attached && idx == e) {
        e = idx + 1;
      } else {
        if (s >= 0) {
          out.add(new int[] {s, e});
        }
        s = idx;
        e = idx + 1;
      }
    }
    if (s >= 0) {
      out.add(new int[] {s, e});
    }
    return out;
  }

  private static int attachedNext(List<Token> tokens, List<Integer> run, int a) {
    int k = a + 1;
    while (k < run.size() && (tokens.get(run.get(k)).join() == Token.Join.HYPHEN
        || tokens.get(run.get(k)).join() == Token.Join.APOSTROPHE)) {
      k++;
    }
    return k;
  }

  private int firstGiven(List<Token> tokens, List<int[]> words) {
    for (int w = 0; w < words.size(); w++) {
      if (isGivenWord(tokens, words.get(w))) {
        return w;
      }
    }
    return -1;
  }

  /** A given name, possibly hyphenated (« Jean-Luc »): every piece is a listed given name. */
  private boolean isGivenWord(List<Token> tokens, int[] w) {
    for (int k = w[0]; k < w[1]; k++) {
      Token t = tokens.get(k);
      if (!t.word()) {
        return false;
      }
      if (!lexicon.givenNames.contains(t.key()) || (k == w[0] && !t.capitalized())) {
        return false;
      }
    }
    return true;
  }

  private boolean isGiven(Token t) {
    return lexicon.givenNames.contains(t.key());
  }

  private static boolean isInitial(Token t) {
    return t.word() && t.text().length() == 1 && Character.isUpperCase(t.text().charAt(0));
  }

  private static boolean isInitialWord(List<Token> tokens, int[] w) {
    return isInitial(tokens.get(w[0])) && w[1] - w[0] == 2 && tokens.get(w[0] + 1).isPunct('.');
  }

  private boolean isCourtesy(Token t) {
    return t.word() && t.capitalized() && lexicon.courtesyTitles.contains(t.key());
  }

  private boolean isStop(Token t) {
    return lexicon.notPersonWords.contains(t.key()) || isCourtesy(t);
  }

  /** Merges the candidates of one article into persons; bare surnames join a fuller form or a known name. */
  private List<Person> merge(List<Candidate> candidates) {
    List<Person> persons = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.strength() == Strength.FULL) {
        Person p = findFull(persons, c);
        if (p == null) {
          p = newPerson(persons, c);
        }
        add(p, c);
      }
    }
    for (Candidate c : candidates) {
      if (c.strength() == Strength.FULL) {
        continue;
      }
      Person p = findByPart(persons, c);
      if (p == null && c.lexiconName() != null) {
        p = findCanonical(persons, c.lexiconName());
        if (p == null) {
          p = newPerson(persons, c);
        }
      }
      if (p == null && c.strength() == Strength.CUED) {
        p = newPerson(persons, c);
      }
      if (p != null) {
        add(p, c);
      }
    }
    for (Person p : persons) {
      p.canonical = p.lexiconName != null ? p.lexiconName : longest(p.forms);
    }
    return merged(persons);
  }

  /** Persons whose canonical names coincide (« Kim Jong-un » and « Kim Jong Un ») become one. */
  private static List<Person> merged(List<Person> persons) {
    Map<String, Person> byKey = new LinkedHashMap<>();
    for (Person p : persons) {
      String k = Fold.fold(p.canonical).replace(".", "");
      Person q = byKey.get(k);
      if (q == null) {
        byKey.put(k, p);
      } else {
        q.forms.addAll(p.forms);
        q.spans.addAll(p.spans);
        q.spans.sort((x, y) -> Integer.compare(x[0], y[0]));
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private Person newPerson(List<Person> persons, Candidate c) {
    Person p = new Person();
    p.firstKey = c.keys().get(0);
    p.lastKey = c.last();
    p.fullKey = c.key();
    p.familyFirst = c.keys().size() >= 2 && lexicon.familyFirstNames.contains(p.firstKey);
    p.lexiconName = c.lexiconName();
    persons.add(p);
    return p;
  }

  private static void add(Person p, Candidate c) {
    p.forms.add(String.join(" ", c.words()).replace(" - ", "-"));
    p.spans.add(new int[] {c.from(), c.to()});
    if (p.lexiconName == null && c.lexiconName() != null) {
      p.lexiconName = c.lexiconName();
    }
    if (c.keys().size() > p.fullKey.split(" ").length) {
      p.fullKey = c.key();
      p.firstKey = c.keys().get(0);
    }
  }

  /** A full name with the same surname and a compatible first name (« Marie-Noël » / « Marie-Noëlle »). */
  private static Person findFull(List<Person> persons, Candidate c) {
    for (Person p : persons) {
      if (p.fullKey.equals(c.key())) {
        return p;
      }
    }
    for (Person p : persons) {
      if (p.lastKey.equals(c.last()) && compatible(p.firstKey, c.keys().get(0))) {
        return p;
      }
    }
    return null;
  }

  private static boolean compatible(String a, String b) {
    if (a.equals(b) || a.startsWith(b) || b.startsWith(a)) {
      return true;
    }
    return (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0);
  }

  /** The person a short form refers to: its surname, its family name, or the tail of its full name. */
  private static Person findByPart(List<Person> persons, Candidate c) {
    String key = c.key();
    Person best = null;
    for (Person p : persons) {
      boolean hit = p.fullKey.equals(key) || p.fullKey.endsWith(" " + key)
          || (p.familyFirst && p.fullKey.startsWith(key + " "))
          || (p.lexiconName != null && Fold.fold(p.lexiconName).endsWith(" " + key));
      if (hit && (best == null || p.spans.size() > best.spans.size())) {
        best = p;
      }
    }
    return best;
  }

  private static Person findCanonical(List<Person> persons, String canonical) {
    for (Person p : persons) {
      if (canonical.equals(p.lexiconName)) {
        return p;
      }
    }
    return null;
  }

  private static String longest(List<String> forms) {
    String best = forms.get(0);
    for (String f : forms) {
      int fw = f.split(" ").length;
      int bw = best.split(" ").length;
      if (fw > bw || (fw == bw && f.length() > best.length())) {
        best = f;
      }
    }
    return best;
  }
}
