package loupe.entities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds person names: capitalised runs with a given-name or title cue, then merges the short forms of one
 * article into the fullest form seen (« Poutine » → « Vladimir Poutine », « Kim » → « Kim Jong Un »).
 *
 * <p>Span convention: a mention covers the name plus a capitalised courtesy title written right before it
 * (« M. Pinard », « Mme de Latour »), a sovereign's number and realm (« Ferdinand V de Hongrie ») and
 * initials (« J. M. Durand », « J.-B. Say », « Ch. Vautrin »); it never covers a role or rank (« le général
 * [Moreau] »), nor an apposition, but a particle after a rank belongs to the surname (« le général [de Gaulle] »).
 * The gold newspaper sets disagree here (HIPE-2020 puts ranks and appositions inside the span, Le Temps and
 * Europeana do not); Loupe follows the reading of the name that the issue and the facets use.
 */
final class PersonNames {
  /**
   * Lower-case particles that may sit inside a name (« Charles de Gaulle », « Bachar al-Assad »), and « née »
   * before a maiden name written without a comma (« Judith née Vauclair », one naming expression).
   */
  private static final Set<String> PARTICLES = Lexicon.wordList("particles");
  /** Capitalised particles that are stop words at a sentence start but belong to a name inside a run. */
  private static final Set<String> NAME_PARTICLES = Lexicon.wordList("name-particles");
  /** « ben », « ould », « ibn »: « son of », so the father's given name after them is part of the name. */
  private static final Set<String> FILIATIONS = Lexicon.wordList("filiations");
  /** Elided function words that never start a name (« L'Élysée », « D'abord »). */
  private static final Set<String> ELISIONS = Lexicon.wordList("elisions");
  /** Nouns before a name that make it an eponym, never a mention of the person. */
  private static final Set<String> EPONYM_CUES = Lexicon.wordList("eponym-cues");
  /** Nouns of a place that, before « de », make the next capitalised word a place name (see {@link #isPlaceOfCue}). */
  private static final Set<String> PLACE_OF_CUES = Lexicon.wordList("place-of-cues");
  /** Nouns that say who someone is in an apposition (« X, un habitant de Lyon »). */
  private static final Set<String> APPOSITION_NOUNS = Lexicon.wordList("apposition-nouns");
  private static final Set<String> APPOSITION_FILLERS = Lexicon.wordList("apposition-fillers");
  /** Ranks that are names' titles after a determiner; « le capitaine de Lyon » and « le lieutenant de X » are not. */
  private static final Set<String> MILITARY_RANKS = Lexicon.wordList("military-ranks");
  /** Words before a rank that make it a title (« le général »), not an adjective (« directeur général de Canal Info »). */
  private static final Set<String> RANK_DETERMINERS = Lexicon.wordList("rank-determiners");
  /** Words for a relative, before « de » and the relative's name (« la veuve de Martin »). */
  private static final Set<String> KIN_BEFORE_DE = Lexicon.wordList("kin-before-de");
  /** Relatives before a name: a lone given name after them (« sa femme Brigitte ») stays a given name, not a facet. */
  private static final Set<String> KIN_WORDS = Lexicon.wordList("kin-words");
  private static final Set<String> SINGULAR_ARTICLES = Lexicon.wordList("singular-articles");
  private static final Set<String> NOBLE_TITLES = Lexicon.wordList("noble-titles");
  /** Courtesy titles that are also plain words when written in lower case (« me », « don », « saint »). */
  private static final Set<String> LOWER_CASE_AMBIGUOUS = Lexicon.wordList("lower-case-ambiguous");
  private static final Set<String> PLURAL_TITLES = Lexicon.wordList("plural-titles");
  /** Speech verbs and « selon » right before a name. */
  private static final Set<String> SPEECH_CUES = Lexicon.wordList("speech-cues");

  private final Lexicon lexicon;

  private final PersonMerger merger;

  /** Courtesy titles that open a listed person's name (« lady » of « Lady Gaga », « Lady Di »). */
  private final Set<String> titlesOfListedNames = new HashSet<>();

  PersonNames(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.merger = new PersonMerger(lexicon);
    for (String key : lexicon.persons.keySet()) {
      int space = key.indexOf(' ');
      if (space > 0 && lexicon.courtesyTitles.contains(key.substring(0, space))) {
        titlesOfListedNames.add(key.substring(0, space));
      }
    }
  }

  /** A name found in the text before merging. */
  record Candidate(int from, int to, int spanFrom, List<String> words, List<String> keys, String key,
      Strength strength, String lexiconName, boolean plural) {
    Candidate cued() {
      return new Candidate(from, to, spanFrom, words, keys, key, Strength.CUED, lexiconName, true);
    }

    String last() {
      return keys.get(keys.size() - 1);
    }
  }

  /**
   * How sure a form is to name a person: a full name, a name after a title or role, a lone given name, or a
   * bare capitalised word that counts only when it repeats a name found with more evidence.
   */
  enum Strength { FULL, CUED, GIVEN, BARE }

  /** One person of the article with every place it is named. */
  static final class Person {
    String canonical;
    /** The name as this article writes it (fullest form, one spelling), whatever a lexicon or the corpus says. */
    String written;
    final List<String> forms = new ArrayList<>();
    final List<int[]> spans = new ArrayList<>();
    String lexiconName;
    /** The folded {@link #lexiconName}, to match the short forms of the name. */
    String lexiconKey;
    /**
     * True when one form is a full name with a given name, or a name of two words after a title or role, found
     * without corpus knowledge: evidence for the corpus to learn from.
     */
    boolean strong;
    /** False for a person named only by a lone given name: a mention, but not a facet value. */
    boolean facet = true;
    String firstKey;
    String lastKey;
    String fullKey;
    /** How many parts {@code fullKey.split(" ")} gives, kept to compare with longer forms. */
    int fullKeyParts;
    boolean familyFirst;

    int firstOffset() {
      return spans.get(0)[0];
    }
  }

  List<Person> find(String text, List<Token> tokens, boolean[] claimed) {
    return find(text, tokens, claimed, CorpusNames.EMPTY);
  }

  /** Finds the persons of one text; {@code names} resolves bare surnames and spellings the corpus taught. */
  List<Person> find(String text, List<Token> tokens, boolean[] claimed, CorpusNames names) {
    List<Candidate> candidates = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int next = scanRun(text, tokens, claimed, i, candidates, names);
      i = Math.max(next, i + 1);
    }
    cueListMembers(tokens, candidates);
    unglueTails(candidates);
    return merger.merge(candidates);
  }

  /** Lower-case function words the source glues to the end of a name (« Banerjee|de », « Buzyn|par »). */
  private static final Set<String> GLUED_TAILS = Lexicon.wordList("glued-tails");

  /**
   * « Esther Duflo et Abhijit Banerjeede avaient estimé », « Agnès Buzynpar Public Sénat »: a name that is another
   * name of the article plus a lower-case function word is that name with the next word glued to it by the source.
   * Only a name the article also writes without the tail is cut, so « Claude » or « Bastide » never are.
   */
  private static void unglueTails(List<Candidate> candidates) {
    Set<String> keys = null;
    for (int c = 0; c < candidates.size(); c++) {
      Candidate cur = candidates.get(c);
      String last = cur.last();
      String surfaceLast = cur.words().get(cur.words().size() - 1);
      for (String tail : GLUED_TAILS) {
        if (last.length() < tail.length() + 3 || !last.endsWith(tail) || !surfaceLast.endsWith(tail)) {
          continue;
        }
        if (keys == null) {
          keys = new HashSet<>();
          for (Candidate o : candidates) {
            keys.add(o.key());
          }
        }
        String key = cur.key().substring(0, cur.key().length() - tail.length());
        if (keys.contains(key)) {
          List<String> words = new ArrayList<>(cur.words());
          words.set(words.size() - 1, surfaceLast.substring(0, surfaceLast.length() - tail.length()));
          List<String> partKeys = new ArrayList<>(cur.keys());
          partKeys.set(partKeys.size() - 1, last.substring(0, last.length() - tail.length()));
          candidates.set(c, new Candidate(cur.from(), cur.to(), cur.spanFrom(), words, partKeys, key, cur.strength(),
              cur.lexiconName(), cur.plural()));
          break;
        }
      }
    }
  }

  /** « MM. Sarrien et Clemenceau », « les généraux Chômer, Hagron et Bougon »: a plural title cues the whole list. */
  private static void cueListMembers(List<Token> tokens, List<Candidate> candidates) {
    for (int c = 1; c < candidates.size(); c++) {
      Candidate prev = candidates.get(c - 1);
      Candidate cur = candidates.get(c);
      if (prev.plural() && prev.strength() != Strength.BARE && onlyListSeparators(tokens, prev.to(), cur.spanFrom())) {
        candidates.set(c, cur.cued());
      } else if ((prev.strength() == Strength.FULL || prev.strength() == Strength.CUED) && cur.strength() == Strength.BARE
          && cur.words().size() == 1 && cur.spanFrom() == prev.to() + 1 && tokens.get(prev.to()).key().equals("et")) {
        // « Marcel Vautrin et Lebrasseur »: a surname coordinated with a person is a person too.
        candidates.set(c, new Candidate(cur.from(), cur.to(), cur.spanFrom(), cur.words(), cur.keys(), cur.key(),
            Strength.CUED, cur.lexiconName(), false));
      }
    }
  }

  /** Commas, « et » and the vote counts of a result list (« MM. Bellanger, 617 Bordas, 634 Burot »). */
  private static boolean onlyListSeparators(List<Token> tokens, int from, int to) {
    if (to <= from || to - from > 3) {
      return false;
    }
    boolean separated = false;
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      if (t.isPunct(',') || t.key().equals("et")) {
        separated = true;
      } else if (!(t.word() && Character.isDigit(t.firstChar()))) {
        return false;
      }
    }
    return separated;
  }

  /** The cue word before a name is plural: « MM. », « Mmes », « les généraux », « les citoyens ». */
  private boolean pluralCue(List<Token> tokens, int k) {
    Token t = tokens.get(k);
    if (t.word() && isCourtesy(t)) {
      return PLURAL_TITLES.contains(t.key());
    }
    int p = k - 1;
    while (p >= 0 && !tokens.get(p).word() && tokens.get(p).isPunct('.')) {
      p--;
    }
    if (p < 0) {
      return false;
    }
    Token w = tokens.get(p);
    return w.word() && (PLURAL_TITLES.contains(w.key()) && isCourtesy(w) || singularRole(w.key()) != null);
  }

  /** The role a plural word is the plural of (« généraux » → « général », « citoyens » → « citoyen »), or null. */
  private String singularRole(String key) {
    String sing = key.endsWith("aux") ? key.substring(0, key.length() - 3) + "al"
        : key.endsWith("s") ? key.substring(0, key.length() - 1) : null;
    return sing != null && lexicon.roles.containsKey(sing) ? sing : null;
  }

  /** Collects the capitalised run that starts at {@code i}; returns the index after it. */
  private int scanRun(String text, List<Token> tokens, boolean[] claimed, int i, List<Candidate> out,
      CorpusNames names) {
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
        if (claimed[j] || !run.isEmpty() && Token.opensGluedLine(tokens, j)) {
          // A name never runs over a line the source glued to it (« Ziad Takieddine|Nicolas Sarkozy »).
          break;
        }
        boolean attached = !run.isEmpty() && (u.join() == Token.Join.HYPHEN || u.join() == Token.Join.APOSTROPHE);
        // After « de », « van », « al- »… only one more word belongs to the name (« Mingma Sherpa de Seven… »).
        if (afterParticle && !attached && !NAME_PARTICLES.contains(u.key())
            && !PARTICLES.contains(tokens.get(j - 1).key())) {
          break;
        }
        if (!attached && run.size() >= 2 && isRegnalNumber(tokens.get(run.get(run.size() - 1)))) {
          // « Jean XXIII » ends at the number; only a realm may follow (« Ferdinand V de Hongrie »).
          break;
        }
        if (u.capitalized() || attached) {
          // East Asian given-name syllables may look like French words (« Kim Jong Un », « Kim Il Sung »).
          boolean asian = !run.isEmpty() && tokens.get(run.get(0)).lex().familyFirst
              && u.length() <= 4 && run.size() < 3;
          if (!attached && gluedNameStartsAt(tokens, run, j)) {
            break;
          }
          if (!run.isEmpty() && !attached && !asian && isStop(u) && !isCompoundSaint(tokens, j)
              && !isInitialOfName(tokens, j, true)
              && !(NAME_PARTICLES.contains(u.key()) && nextIsName(tokens, claimed, j))) {
            break;
          }
          run.add(j);
          j++;
          continue;
        }
        if (!run.isEmpty() && PARTICLES.contains(u.key()) && nextIsName(tokens, claimed, j)
            && (run.size() < 2 || endsAfterNextName(tokens, j))
            && (FILIATIONS.contains(u.key()) || !fullNameAt(tokens, j + 1))) {
          afterParticle = true;
          run.add(j);
          j++;
          continue;
        }
        break;
      }
      // A dot after an initial or a courtesy title stays inside the run (« J. Dupont », « M. Biden »).
      if (u.isPunct('.') && !run.isEmpty() && j + 1 < tokens.size()
          && (tokens.get(j + 1).capitalized()
              || PARTICLES.contains(tokens.get(j + 1).key()) && nextIsName(tokens, claimed, j + 1))
          && (isInitial(tokens.get(j - 1)) || isCourtesy(tokens.get(j - 1)))) {
        run.add(j);
        j++;
        continue;
      }
      // « J.-J. Rousseau », « J.-B. Say »: the hyphen between two initials stays inside the run.
      if (u.isPunct('.') && !run.isEmpty() && isInitial(tokens.get(j - 1)) && hyphenInitialAfter(tokens, j)) {
        run.add(j);
        run.add(j + 1);
        j += 2;
        continue;
      }
      break;
    }
    if (run.isEmpty()) {
      return i + 1;
    }
    classify(text, tokens, run, out, names);
    return j;
  }

  /**
   * « Emmanuel Macron Éric Drouet » (two names run together by a list or a lost line break): a given name
   * followed by a capitalised word, after a given name and one more word, opens a second name. After a particle
   * the given name belongs to the first name (« Tamim ben Hamad Al-Thani »: son of Hamad).
   */
  private static boolean gluedNameStartsAt(List<Token> tokens, List<Integer> run, int j) {
    if (run.size() < 2 || !tokens.get(run.get(0)).lex().given || tokens.get(run.get(1)).lex().given
        || PARTICLES.contains(tokens.get(run.get(run.size() - 1)).key())) {
      return false;
    }
    Token u = tokens.get(j);
    return u.lex().given && !u.lex().notPerson && j + 1 < tokens.size() && tokens.get(j + 1).word()
        && tokens.get(j + 1).capitalized() && tokens.get(j + 1).join() == Token.Join.SPACE;
  }

  /**
   * « Procès de Ignacio Ferrer »: a given name followed by a surname after « de » is a name of its own, so
   * the particle does not join it to the word before.
   */
  private static boolean fullNameAt(List<Token> tokens, int k) {
    return k + 1 < tokens.size() && tokens.get(k).capitalized() && tokens.get(k).lex().given
        && tokens.get(k + 1).capitalized() && tokens.get(k + 1).join() == Token.Join.SPACE;
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

  /**
   * What {@link #classify} knows of a run as its rules read it: the name part {@code [a, b)} of the run, the
   * courtesy title before it, the cue the context gives, and the words of the name.
   */
  private static final class Reading {
    final List<Integer> run;
    int a;
    int b;
    Strength cue;
    /** The token of a courtesy title before the name, or -1. */
    int title = -1;
    List<int[]> words;
    /** The index in {@link #words} of the first given name, or -1. */
    int given;
    boolean allCaps;
    /** An East Asian family name first (« Kim Jong Un »), read before a realm is added. */
    boolean family;
    /** The name ends with a regnal number (« Louis XIV »), read before a realm is added. */
    boolean regnal;

    Reading(List<Integer> run) {
      this.run = run;
      this.b = run.size();
    }

    int n() {
      return words.size();
    }

    /** The first token of word {@code w}. */
    int start(int w) {
      return words.get(w)[0];
    }
  }

  /** Reads one capitalised run: a candidate name when the rules below agree, else nothing. */
  private void classify(String text, List<Token> tokens, List<Integer> run, List<Candidate> out,
      CorpusNames names) {
    if (isLoneStopWord(tokens, run)) {
      return;
    }
    Reading r = new Reading(run);
    r.cue = cueBefore(tokens, run.get(0));
    if (!skipLeadingTitles(tokens, r)) {
      return;
    }
    keepTitleOfListedName(tokens, r);
    if (isNickname(tokens, r)) {
      return;
    }
    trimTrailing(tokens, r);
    if (namesSomethingElse(tokens, r)) {
      return;
    }
    r.cue = contextCue(tokens, r);
    nameWords(tokens, r);
    if (saysNoOne(tokens, r)) {
      return;
    }
    r.family = tokens.get(r.start(0)).lex().familyFirst && r.n() >= 2;
    r.regnal = endsWithRegnalNumber(tokens, r);
    addRealm(tokens, r);
    Strength strength = strength(tokens, r);
    if (tooShortForAName(tokens, r, strength)) {
      return;
    }
    out.add(candidate(text, tokens, r, strength, names));
  }

  /** Most runs are a capitalised stop word opening a sentence (« Le », « Il »): nothing to weigh. */
  private boolean isLoneStopWord(List<Token> tokens, List<Integer> run) {
    Token first = tokens.get(run.get(0));
    return run.size() == 1 && (isStop(first) || ELISIONS.contains(first.key())) && !isGiven(first);
  }

  /**
   * Moves {@code r.a} past the courtesy titles, roles and stop words that open the run: they are not part of
   * the name, and a title or role cues it. False when the run is a role with its complement, not a name.
   */
  private boolean skipLeadingTitles(List<Token> tokens, Reading r) {
    List<Integer> run = r.run;
    while (r.a < r.b) {
      int k = run.get(r.a);
      Token t = tokens.get(k);
      if (!t.word()) {
        r.a++;
      } else if (isInitialOfName(tokens, k, followsInitial(tokens, k, run.get(0)))) {
        return true;
      } else if ((isCourtesy(t) && !isCompoundSaint(tokens, k) && !isLetterWithoutDot(tokens, k) || isRole(t))
          && r.a + 1 < r.b) {
        Token next = tokens.get(run.get(r.a + 1));
        if (!isCourtesy(t) && next.word() && !next.capitalized() && !NOBLE_TITLES.contains(t.key())) {
          // « le Maire de Valangin », « le Président de la République »: a role with its complement.
          return false;
        }
        if (!isCourtesy(t) && !NOBLE_TITLES.contains(t.key()) && !ROYAL_TITLES.contains(t.key())
            && !isGiven(next) && oneWordThenDe(tokens, r)) {
          // « le Directeur Technique de l'écurie », « Directeur Général de Fiat »: a capitalised role phrase; a
          // given name there is a name (« la Princesse Grace de Monaco »).
          return false;
        }
        r.cue = Strength.CUED;
        r.title = isCourtesy(t) ? k : -1;
        r.a++;
      } else if (particleOpensSurname(tokens, r, t)) {
        return true;
      } else if (capitalArticleInName(tokens, r, t)) {
        return true;
      } else if ((isStop(t) || ELISIONS.contains(t.key())) && !isGiven(t) && attachedNext(tokens, run, r.a) == r.a + 1) {
        r.a++;
      } else {
        return true;
      }
    }
    return true;
  }

  private static final Set<String> NICKNAME_TITLES = Lexicon.wordList("nickname-titles");
  private static final Set<String> NICKNAME_DETERMINERS = Lexicon.wordList("nickname-determiners");

  /**
   * « le Monsieur Politique du Grand Journal », « le "monsieur Déconfinement" du gouvernement »: French puts no article
   * before « Monsieur Dupont », so an article before a title written in full makes the title and the word after it
   * a nickname for a role.
   */
  private static boolean isNickname(List<Token> tokens, Reading r) {
    if (r.a >= r.b) {
      return false;
    }
    int title = r.title >= 0 ? r.title : r.run.get(r.a) - 1;
    if (title < 1 || !tokens.get(title).word() || !NICKNAME_TITLES.contains(tokens.get(title).key())) {
      return false;
    }
    int k = title - 1;
    if (isQuote(tokens.get(k)) && k > 0) {
      k--;
    }
    Token d = tokens.get(k);
    return d.word() && !d.capitalized() && NICKNAME_DETERMINERS.contains(d.key());
  }

  /**
   * « Lady Gaga », « Lady Di »: a courtesy title that the persons lexicon lists as part of a name is the name's first
   * word, not a title before it; without it the name would be the bare « Gaga » or « Di ».
   */
  private void keepTitleOfListedName(List<Token> tokens, Reading r) {
    if (r.title < 0 || !titlesOfListedNames.contains(tokens.get(r.title).key())) {
      return;
    }
    int at = r.run.indexOf(r.title);
    StringBuilder key = new StringBuilder(tokens.get(r.title).key());
    for (int x = r.a; x < r.b; x++) {
      Token t = tokens.get(r.run.get(x));
      if (t.word()) {
        key.append(' ').append(t.key());
      }
    }
    if (at >= 0 && lexicon.persons.containsKey(key.toString())) {
      r.a = at;
      r.title = -1;
    }
  }

  /**
   * « M Sport », « M Performance »: French writes the title « M. » with its dot; a lone capital without one is a
   * letter (a model name, an initial), not Monsieur.
   */
  private static boolean isLetterWithoutDot(List<Token> tokens, int k) {
    return tokens.get(k).length() == 1 && (k + 1 >= tokens.size() || !tokens.get(k + 1).isPunct('.'));
  }

  /** After the role at {@code r.a}, the run holds one word only and « de » follows it. */
  private static boolean oneWordThenDe(List<Token> tokens, Reading r) {
    for (int x = r.a + 2; x < r.b; x++) {
      Token t = tokens.get(r.run.get(x));
      if (t.join() != Token.Join.HYPHEN && t.join() != Token.Join.APOSTROPHE) {
        return false;
      }
    }
    int after = r.run.get(r.b - 1) + 1;
    if (after >= tokens.size() || !tokens.get(after).word()) {
      return false;
    }
    String key = tokens.get(after).key();
    return key.equals("de") || key.equals("d'") || key.equals("du") || key.equals("des");
  }

  /** Right after a title, « Le », « de » open the surname (« M. Le Guen », « M. de Moustier »). */
  private static boolean particleOpensSurname(List<Token> tokens, Reading r, Token t) {
    int k = r.run.get(r.a);
    return (r.title >= 0 || r.a == 0 && (isCaptainAbbreviation(tokens, k) || k >= 2 && isMisreadMonsieur(tokens, k - 2)))
        && (PARTICLES.contains(t.key()) || NAME_PARTICLES.contains(t.key())) && r.a + 1 < r.b;
  }

  /**
   * A capital « Le » inside a sentence belongs to the name (« que Le Hérissé a dit »); a bare « Le Monde » still
   * needs a full name elsewhere in the article to count.
   */
  private static boolean capitalArticleInName(List<Token> tokens, Reading r, Token t) {
    int k = r.run.get(r.a);
    return t.capitalized() && !t.sentenceStart() && (t.key().equals("le") || t.key().equals("la"))
        && r.a + 1 < r.b && !afterArticle(tokens, k) && k > 0
        && !tokens.get(k - 1).isPunct('«') && !tokens.get(k - 1).isPunct('"');
  }

  /** Drops trailing punctuation, lower-case particles and a misread « ! » from the end of the name. */
  private static void trimTrailing(List<Token> tokens, Reading r) {
    while (r.b > r.a) {
      Token last = tokens.get(r.run.get(r.b - 1));
      if (!last.word() || PARTICLES.contains(last.key()) && !last.capitalized()
          || r.b - r.a >= 2 && isMisreadBang(tokens, r.run.get(r.b - 1))) {
        r.b--;
      } else {
        return;
      }
    }
  }

  /**
   * Nothing left, an eponym (« rue Jean-Jaurès »), a quoted title or brand, or, in shipping news, the ship
   * named before « , c. Lacroix » (« Jacqueline »).
   */
  private static boolean namesSomethingElse(List<Token> tokens, Reading r) {
    return r.a >= r.b || isEponym(tokens, r.run.get(r.a)) || isQuoted(tokens, r.run.get(r.a), r.run.get(r.b - 1))
        || isCaptainAbbreviation(tokens, r.run.get(r.b - 1) + 4);
  }

  /** The cue of the context when no title gave one: an article before, an apposition after, a speech verb. */
  private Strength contextCue(List<Token> tokens, Reading r) {
    int first = r.run.get(r.a);
    if (r.cue == null && r.title < 0 && afterArticle(tokens, first)) {
      // « du Locle », « de la Sagne », « au Havre »: an article before a capitalised word makes it a place or a thing.
      return Strength.BARE;
    }
    int after = r.run.get(r.b - 1) + 1;
    if (r.cue == null && (cueAfter(tokens, after) && (!opensSentenceAlone(tokens, r) || ageAfter(tokens, after))
        || speechBefore(tokens, first))) {
      return Strength.CUED;
    }
    return r.cue;
  }

  /**
   * « Finalement, la pilote… », « Auparavant, la jeune femme… »: a lone word that opens a sentence before a comma
   * is most often an adverb or a heading, so what follows the comma is the subject, not an apposition. The word
   * still joins a person the article names otherwise; a listed given name keeps its cue.
   */
  private boolean opensSentenceAlone(List<Token> tokens, Reading r) {
    Token first = tokens.get(r.run.get(r.a));
    if (!first.sentenceStart() || isGiven(first)) {
      return false;
    }
    for (int k = r.a + 1; k < r.b; k++) {
      Token t = tokens.get(r.run.get(k));
      if (t.join() != Token.Join.HYPHEN && t.join() != Token.Join.APOSTROPHE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Groups the name part into words, drops the capitalised words before the first given name (« Tesla Elon
   * Musk », « Selon Jean Dupont ») and gives a rank's « de » back to the surname (« le général [de Gaulle] »).
   */
  private void nameWords(List<Token> tokens, Reading r) {
    r.words = words(tokens, r.run.subList(r.a, r.b));
    r.given = firstGiven(tokens, r.words);
    if (r.given > 0 && r.words.size() - r.given >= 2) {
      r.words = r.words.subList(r.given, r.words.size());
      r.given = 0;
    }
    int first = r.run.get(0);
    if (r.a == 0 && r.title < 0 && r.start(0) == first && rankParticleBefore(tokens, first)) {
      int de = first - 1;
      r.words = new ArrayList<>(r.words);
      if (tokens.get(first).join() == Token.Join.APOSTROPHE) {
        r.words.set(0, new int[] {de, r.words.get(0)[1]});
      } else {
        r.words.add(0, new int[] {de, de + 1});
      }
    }
    r.allCaps = true;
    for (int[] w : r.words) {
      r.allCaps &= tokens.get(w[0]).allCaps();
    }
  }

  /** « S. M. » (Sa Majesté), « J. B. » signing a letter, « S. V. P. », a stray « XIII »: these do not say who. */
  private static boolean saysNoOne(List<Token> tokens, Reading r) {
    Token first = tokens.get(r.start(0));
    return onlyInitials(tokens, r.words) || isRegnalNumber(first) && (r.n() == 1 || first.length() > 1);
  }

  /** A regnal number closing a name of two words or more (« Louis XIV »). */
  private static boolean endsWithRegnalNumber(List<Token> tokens, Reading r) {
    int[] last = r.words.get(r.n() - 1);
    return r.n() >= 2 && isRegnalNumber(tokens.get(last[0])) && last[1] - last[0] == 1;
  }

  /** A sovereign's see or realm is part of the name (« Ferdinand V de Hongrie », « le roi Amédée d'Espagne »). */
  private static void addRealm(List<Token> tokens, Reading r) {
    if (r.regnal || r.n() == 1 && royalBefore(tokens, r.start(0))) {
      int[] realm = realmAfter(tokens, r.words.get(r.n() - 1)[1]);
      if (realm != null) {
        r.words = new ArrayList<>(r.words);
        r.words.add(realm);
      }
    }
  }

  /** How sure the name is to name a person, from its words and its cue (see {@link Strength}). */
  private Strength strength(List<Token> tokens, Reading r) {
    int n = r.n();
    Token first = tokens.get(r.start(0));
    if (n >= 2 && (r.given == 0 || r.family || r.regnal || isInitialWord(tokens, r.words.get(0)))) {
      return Strength.FULL;
    }
    if (r.cue == Strength.CUED) {
      // « sa femme Brigitte »: the given name of a relative is a person of the text, not a facet value.
      boolean relative = n == 1 && (afterKinWord(tokens, r.start(0)) || afterPrinceTitle(tokens, r.start(0)))
          && isGivenWord(tokens, r.words.get(0));
      return relative ? Strength.GIVEN : Strength.CUED;
    }
    if (n == 1 && !first.sentenceStart() && r.cue == null && !inCapitalsLine(tokens, r.words.get(0))
        && isGivenWord(tokens, r.words.get(0)) && lexicon.persons.get(first.key()) == null) {
      // A lone given name inside a sentence is someone (« répondit Guillaume », « dit à Catherine »); in
      // capitals it is a headline word (« UN ROMAN FRANÇAIS »).
      return Strength.GIVEN;
    }
    return Strength.BARE;
  }

  /** A lone stop word or a lone capital says no name; nor does a short word in capitals (an acronym: « SPJ »). */
  private boolean tooShortForAName(List<Token> tokens, Reading r, Strength strength) {
    if (r.n() != 1) {
      return false;
    }
    Token t = tokens.get(r.start(0));
    if (isStop(t) && strength != Strength.CUED || r.words.get(0)[1] - r.words.get(0)[0] == 1 && t.length() == 1) {
      return true;
    }
    // A courtesy title vouches for a short word in capitals.
    return r.allCaps && (strength == Strength.BARE || r.title < 0) && t.length() <= 4;
  }

  /** The candidate of a name read from the run: its words as written, folded keys and the person it names. */
  private Candidate candidate(String text, List<Token> tokens, Reading r, Strength strength, CorpusNames names) {
    List<String> surface = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int[] w : r.words) {
      if (w[1] - w[0] == 1) {
        // A one-piece word is its token, already folded (token keys have no dots).
        surface.add(tokens.get(w[0]).text());
        keys.add(tokens.get(w[0]).key());
      } else {
        String s = text.substring(tokens.get(w[0]).start(), tokens.get(w[1] - 1).end());
        surface.add(s);
        keys.add(Fold.fold(s).replace(".", ""));
      }
    }
    String key = String.join(" ", keys);
    String lexName = personNamed(key, surface, r.n(), tokens.get(r.start(0)).sentenceStart(), names);
    int from = r.start(0);
    int to = r.words.get(r.n() - 1)[1];
    boolean plural = pluralCue(tokens, r.title >= 0 ? r.title : r.run.get(r.a));
    return new Candidate(from, to, spanStart(tokens, r.title, from), surface, keys, key, strength, lexName, plural);
  }

  /** The person a name stands for: the lexicon's, a full name the corpus knows, or the corpus's bare surname. */
  private String personNamed(String key, List<String> surface, int n, boolean sentenceStart, CorpusNames names) {
    String lexName = lexicon.persons.get(key);
    if (lexName == null && n > 1 && names.knowsFullName(key)) {
      // A full name the corpus gives with strong evidence elsewhere is a person here too, spelt as this article
      // spells it: the index picks one spelling for all afterwards, so what an article spells never depends on it.
      return PersonSpelling.canonical(PersonMerger.nameCase(String.join(" ", surface).replace(" - ", "-")), lexicon);
    } else if (lexName == null && !sentenceStart) {
      // The one person a bare surname stands for. A capital that opens a sentence says nothing (« Sapin de Noël »
      // is not Michel Sapin).
      return names.lookup(key);
    }
    return lexName;
  }

  /**
   * Where the mention starts: at a courtesy title written right before the name (« M. Pinard », « Mme Ng »),
   * since readers and the newspaper NER sets treat « M. X » as one naming expression; the canonical value
   * stays the bare name. A dot cut off by a space (« MM . X », OCR tokenisation) is noise, so the title is
   * then left out.
   */
  private static int spanStart(List<Token> tokens, int title, int from) {
    if (title < 0) {
      return from;
    }
    int k = title + 1;
    if (k < from && tokens.get(k).isPunct('.') && tokens.get(k).join() == Token.Join.NONE) {
      k++;
    }
    return k == from ? title : from;
  }

  /** « le gérant de "Bob Music" »: a quoted capitalised phrase is a title or a brand, not a person. */
  private static boolean isQuoted(List<Token> tokens, int first, int last) {
    return first > 0 && last + 1 < tokens.size() && isQuote(tokens.get(first - 1)) && isQuote(tokens.get(last + 1));
  }

  private static boolean isQuote(Token t) {
    return !t.word() && "\"«»“”".indexOf(t.firstChar()) >= 0;
  }

  /** « rue Jean-Jaurès », « loi Veil », « lycée Victor-Hugo »: names of things named after someone. */
  private static boolean isEponym(List<Token> tokens, int start) {
    int k = start - 1;
    if (k >= 0 && tokens.get(k).word() && EPONYM_CUES.contains(tokens.get(k).key()) && !isRoleOfCabinet(tokens, k)) {
      return true;
    }
    // A given name and a surname there is the place's owner, not its name (« la ville de Robert Ménard »).
    return k >= 1 && (tokens.get(k).key().equals("de") || tokens.get(k).key().equals("d'"))
        && isPlaceOfCue(tokens.get(k - 1)) && !fullNameAt(tokens, start);
  }

  /**
   * « le directeur de cabinet Claude Guéant », « le chef de cabinet Mark Meadows »: « cabinet » after a bare « de »
   * ends a role, where « le cabinet Roland Berger » names a firm after its founder.
   */
  private static boolean isRoleOfCabinet(List<Token> tokens, int k) {
    return tokens.get(k).key().equals("cabinet") && k >= 1 && tokens.get(k - 1).key().equals("de");
  }

  /**
   * « comté de Harris », « ville de Washington », « province d'Helmand »: after these nouns and « de » a
   * capitalised word names a place, even when it is also someone's surname.
   */
  private static boolean isPlaceOfCue(Token t) {
    if (!t.word() || t.capitalized()) {
      return false;
    }
    if (t.key().equals("comte") || t.key().equals("comtes")) {
      // « comté » folds to the noble title « comte » (« le comte de Paris »): only the accented spelling is a county.
      return t.text().toLowerCase(Locale.ROOT).startsWith("comté");
    }
    return PLACE_OF_CUES.contains(t.key());
  }

  /** « Yara, 12 ans »: an age in an apposition, which only a person has, even after a word opening a sentence. */
  private static boolean ageAfter(List<Token> tokens, int k) {
    return k + 2 < tokens.size() && tokens.get(k).isPunct(',') && tokens.get(k + 1).word()
        && Character.isDigit(tokens.get(k + 1).firstChar()) && tokens.get(k + 2).key().equals("ans");
  }

  /** « Wiratno, un haut responsable », « Kraft, médecin », « Tony Chung, 19 ans »: an apposition that says who. */
  private boolean cueAfter(List<Token> tokens, int k) {
    if (k >= tokens.size() || !tokens.get(k).isPunct(',')) {
      return false;
    }
    k++;
    if (k < tokens.size() && tokens.get(k).word() && Character.isDigit(tokens.get(k).firstChar())) {
      return k + 1 < tokens.size() && tokens.get(k + 1).key().equals("ans");
    }
    for (int skipped = 0; k < tokens.size() && skipped < 3; k++, skipped++) {
      Token t = tokens.get(k);
      if (!t.word() || t.capitalized()) {
        return false;
      }
      if (t.lex().role != null || APPOSITION_NOUNS.contains(t.key())) {
        return true;
      }
      if (!APPOSITION_FILLERS.contains(t.key())) {
        return false;
      }
    }
    return false;
  }

  /**
   * « Marie, c. Monmoine, allant de… »: shipping news name each ship's master with the abbreviation « c. »
   * (capitaine) after a comma; true when {@code start} is the capitalised word right after it.
   */
  private static boolean isCaptainAbbreviation(List<Token> tokens, int start) {
    if (start < 3 || start >= tokens.size() || !tokens.get(start).capitalized()) {
      return false;
    }
    Token c = tokens.get(start - 2);
    return tokens.get(start - 1).isPunct('.') && c.word() && c.text().equals("c") && tokens.get(start - 3).isPunct(',');
  }

  /** « a déclaré Wiratno », « selon Mingma Sherpa »: speech verbs announce a speaker. */
  private static boolean speechBefore(List<Token> tokens, int start) {
    int k = start - 1;
    return k >= 0 && !cueIsOnTheLineBefore(tokens, start) && tokens.get(k).word()
        && SPEECH_CUES.contains(tokens.get(k).key());
  }

  /**
   * A role or speech verb ending the line before is not this word's cue: the title « … refusés par le commandant »
   * over the body's « Deux voyageurs… », or « … aux gendarmes » over the rubric « INSOLITE - ». A listed given name
   * opening a line is still the person the title announces (« … témoigne » / « Éliane, cadre… »).
   */
  private static boolean cueIsOnTheLineBefore(List<Token> tokens, int start) {
    return Token.opensLineAfterWord(tokens, start) && !tokens.get(start).lex().given;
  }

  private boolean isRole(Token t) {
    Integer len = t.lex().role;
    return len != null && len == 1;
  }

  private Strength cueBefore(List<Token> tokens, int start) {
    if (cueIsOnTheLineBefore(tokens, start)) {
      return null;
    }
    int k = start - 1;
    if (k >= 0 && tokens.get(k).isPunct('.')) {
      k--;
    }
    if (k >= 0 && (isCourtesy(tokens.get(k)) && !isLetterWithoutDot(tokens, k) || isLowerCaseTitle(tokens.get(k))
        || isMisreadMonsieur(tokens, k))) {
      return Strength.CUED;
    }
    if (isCaptainAbbreviation(tokens, start)) {
      return Strength.CUED;
    }
    // « le prince de Bismarck », « le duc d'Aumale »: the particle belongs to the title, the name follows.
    // « la veuve de Martin »: the spouse named after « de » is a person too.
    if (start >= 2 && tokens.get(start - 1).word() && (tokens.get(start - 1).key().equals("de")
        || tokens.get(start - 1).key().equals("d'")) && (NOBLE_TITLES.contains(tokens.get(start - 2).key())
            || KIN_BEFORE_DE.contains(tokens.get(start - 2).key()) || rankParticleBefore(tokens, start))) {
      return Strength.CUED;
    }
    // « le Belge Vanderbeke », « l'Américain Smith »: a nationality written as a noun announces a name.
    if (start >= 2 && isDemonym(tokens.get(start - 1)) && tokens.get(start - 1).capitalized()
        && !tokens.get(start - 1).sentenceStart() && !tokens.get(start).sentenceStart()
        && SINGULAR_ARTICLES.contains(tokens.get(start - 2).key())) {
      return Strength.CUED;
    }
    // Skip nationality adjectives between a role and the name (« le président russe Vladimir Poutine »).
    k = start - 1;
    int skipped = 0;
    while (k >= 0 && skipped < 3 && tokens.get(k).word() && !tokens.get(k).capitalized()
        && isDemonym(tokens.get(k))) {
      k--;
      skipped++;
    }
    String key = null;
    for (int len = 1; len <= lexicon.maxRoleLength && k - len + 1 >= 0; len++) {
      Token t = tokens.get(k - len + 1);
      if (!t.word()) {
        break;
      }
      key = len == 1 ? t.key() : t.key() + " " + key;
      Integer l = lexicon.roles.get(key);
      if (l != null && l == len || len == 1 && singularRole(t.key()) != null) {
        // A role inside a line of capitals is a headline word (« LES ÉLÈVES ONT GAGNÉ »), not a cue.
        return t.allCaps() && k - len >= 0 && tokens.get(k - len).allCaps() ? null : Strength.CUED;
      }
      // Most words end no role: stop as soon as no longer role can end with these words.
      if (!lexicon.roleSuffixes.contains(key)) {
        break;
      }
    }
    return null;
  }

  /**
   * « le général de Gaulle », « l'amiral d'Estaing »: after a military rank, « de » opens the surname (after a
   * noble title it opens the title's land, « le duc d'Aumale »).
   */
  private static boolean rankParticleBefore(List<Token> tokens, int start) {
    if (start < 2) {
      return false;
    }
    Token de = tokens.get(start - 1);
    Token rank = tokens.get(start - 2);
    return de.word() && (de.key().equals("de") || de.key().equals("d'")) && rank.word() && !rank.capitalized()
        && MILITARY_RANKS.contains(rank.key()) && start >= 3 && RANK_DETERMINERS.contains(tokens.get(start - 3).key());
  }

  /** Princes and dukes go by their given name; alone it cannot tell one « prince Harry » from another « Harry ». */
  private static final Set<String> PRINCE_TITLES = Lexicon.wordList("prince-titles");

  private static boolean afterPrinceTitle(List<Token> tokens, int start) {
    Token p = CountryMentions.previousWord(tokens, start);
    return p != null && PRINCE_TITLES.contains(p.key());
  }

  private static boolean afterKinWord(List<Token> tokens, int start) {
    return start > 0 && tokens.get(start - 1).word() && KIN_WORDS.contains(tokens.get(start - 1).key());
  }

  /** « NI. Durand »: OCR of old papers reads the title « M. » as « NI. »; a cue, never part of the span. */
  private static boolean isMisreadMonsieur(List<Token> tokens, int k) {
    if (tokens.get(k).length() != 2) {
      return false;
    }
    String t = tokens.get(k).text();
    return (t.equals("NI") || t.equals("Ni")) && k + 1 < tokens.size()
        && tokens.get(k + 1).isPunct('.');
  }

  private static boolean isDemonym(Token t) {
    Lexicon.PhraseNode phrases = t.lex().phrases;
    return phrases != null && phrases.entry != null && phrases.entry.kind() == Lexicon.Kind.DEMONYM;
  }

  /** Groups run tokens into words: pieces joined by a hyphen or an apostrophe, plus an initial's dot. */
  private static List<int[]> words(List<Token> tokens, List<Integer> run) {
    List<int[]> out = new ArrayList<>();
    int s = -1;
    int e = -1;
    for (int idx : run) {
      Token t = tokens.get(idx);
      boolean attached = t.join() == Token.Join.HYPHEN || t.join() == Token.Join.APOSTROPHE
          || (!t.word() && (t.isPunct('.') || t.isPunct('-'))) || idx > 0 && tokens.get(idx - 1).isPunct('-');
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
      if (!t.lex().given || (k == w[0] && !t.capitalized())) {
        return false;
      }
    }
    return true;
  }

  private boolean isGiven(Token t) {
    return t.lex().given;
  }

  /**
   * A capital with its dot that opens a name (« J. Dupont », « S. J. P. Kruger »). « M. » is the courtesy title
   * unless it follows another initial (« J. M. Durand »).
   */
  private static boolean isInitialOfName(List<Token> tokens, int k, boolean afterInitial) {
    Token t = tokens.get(k);
    if (!isInitial(t) || k + 2 >= tokens.size() || !tokens.get(k + 1).isPunct('.')
        || tokens.get(k + 1).join() != Token.Join.NONE
        || !tokens.get(k + 2).capitalized() && !hyphenInitialAfter(tokens, k + 1)) {
      return false;
    }
    return t.firstChar() != 'M' || afterInitial;
  }

  /** Abbreviated given names of old papers and lists, written with a dot (« Ch. Vautrin », « Aug. Morel »). */
  private static final Set<String> GIVEN_ABBREVIATIONS = Lexicon.wordList("given-abbreviations");

  private static final Set<String> ROYAL_TITLES = Lexicon.wordList("royal-titles");

  /** « Napoléon III », « Jean XXIII »: a Roman regnal number after a name. */
  private static boolean isRegnalNumber(Token t) {
    if (!t.word() || t.length() > 5) {
      return false;
    }
    String x = t.text();
    for (int i = 0; i < x.length(); i++) {
      if ("IVX".indexOf(x.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean royalBefore(List<Token> tokens, int start) {
    return start > 0 && tokens.get(start - 1).word() && ROYAL_TITLES.contains(tokens.get(start - 1).key());
  }

  /** « de Hongrie », « d'Espagne » right after a sovereign's name, as a word range; null if absent. */
  private static int[] realmAfter(List<Token> tokens, int k) {
    if (k + 1 >= tokens.size()) {
      return null;
    }
    Token de = tokens.get(k);
    boolean elided = de.key().equals("d'");
    if (!de.word() || !(de.key().equals("de") || elided)) {
      return null;
    }
    int e = k + 1;
    if (!tokens.get(e).capitalized() || tokens.get(e).sentenceStart()) {
      return null;
    }
    e++;
    while (e < tokens.size() && tokens.get(e).join() == Token.Join.HYPHEN) {
      e++;
    }
    return new int[] {k, e};
  }

  private static final Set<String> ARTICLES = Lexicon.wordList("articles");

  private static boolean afterArticle(List<Token> tokens, int start) {
    return start > 0 && tokens.get(start - 1).word() && !tokens.get(start - 1).capitalized()
        && ARTICLES.contains(tokens.get(start - 1).key());
  }

  private static boolean followsInitial(List<Token> tokens, int k, int runStart) {
    return k - 2 >= runStart && tokens.get(k - 1).isPunct('.') && isInitial(tokens.get(k - 2));
  }

  /** « Saint-Servan », « Geoffroy Saint-Hilaire »: joined by a hyphen, « Saint » is part of a name, not a title. */
  private static boolean isCompoundSaint(List<Token> tokens, int k) {
    String key = tokens.get(k).key();
    return (key.equals("saint") || key.equals("sainte")) && k + 1 < tokens.size()
        && tokens.get(k + 1).join() == Token.Join.HYPHEN;
  }

  /** A capital standing for a given name, or a usual abbreviation of one (« Ch. » Charles, « Aug. » Auguste). */
  private static boolean isInitial(Token t) {
    if (!t.capitalized() || t.length() > 5) {
      return false;
    }
    return t.length() == 1 || GIVEN_ABBREVIATIONS.contains(t.text());
  }

  private static boolean isInitialWord(List<Token> tokens, int[] w) {
    return isInitial(tokens.get(w[0])) && w[1] - w[0] >= 2 && tokens.get(w[0] + 1).isPunct('.');
  }

  /** True when the dot at {@code dot} is followed by « -X. », the second half of « J.-J. ». */
  private static boolean hyphenInitialAfter(List<Token> tokens, int dot) {
    return dot + 3 < tokens.size() && tokens.get(dot + 1).isPunct('-') && isInitial(tokens.get(dot + 2))
        && tokens.get(dot + 3).isPunct('.');
  }

  /** Every word is a lone capital, with or without its dot (« S. A. R. », « J. B. »). */
  private static boolean onlyInitials(List<Token> tokens, List<int[]> words) {
    for (int[] w : words) {
      Token t = tokens.get(w[0]);
      if (t.length() != 1 || !t.capitalized()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A lone « I » closing a name (« Marcel I » for « Marcel ! »): OCR reads « ! » so, while French writes the
   * first of a line « Ier » (« François Ier »).
   */
  private static boolean isMisreadBang(List<Token> tokens, int k) {
    Token t = tokens.get(k);
    return t.word() && t.text().equals("I") && t.join() == Token.Join.SPACE && realmAfter(tokens, k + 1) == null;
  }

  /** A word of a line in capitals (« UN ROMAN FRANÇAIS »): a headline, where a given name is just a word. */
  private static boolean inCapitalsLine(List<Token> tokens, int[] w) {
    Token prev = w[0] > 0 ? tokens.get(w[0] - 1) : null;
    Token next = w[1] < tokens.size() ? tokens.get(w[1]) : null;
    return tokens.get(w[0]).allCaps() && (prev != null && prev.allCaps() || next != null && next.allCaps());
  }

  private boolean isCourtesy(Token t) {
    return t.word() && t.capitalized() && t.lex().courtesy;
  }

  /** « monsieur Péchoin », « le docteur Grodard », « sir Stafford Northcote »: a title written in lower case. */
  private boolean isLowerCaseTitle(Token t) {
    return t.word() && !t.capitalized() && t.lex().courtesy
        && !LOWER_CASE_AMBIGUOUS.contains(t.key());
  }

  private boolean isStop(Token t) {
    return t.lex().notPerson || isCourtesy(t);
  }
}
