package loupe.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a corpus says about its people: which surnames stand for one person only (« Hollande » for « François
 * Hollande »), learnt from the full names its articles give with strong evidence (a given name, a title), and one
 * spelling for each person value written in several (« Éric Drouet » over « Eric Drouet », « Keïta » over
 * « Keita »), learnt from the values as articles spell them. One article alone cannot know that « la politique de
 * Hollande » names a person, nor how most articles write a name; the index can.
 *
 * <p>It is a function of the multisets of evidence only, never of the order articles came in, so facets extracted
 * with it do not depend on ingest order. Immutable and thread-safe.
 */
public final class CorpusNames {
  /** No knowledge: extraction reads each article on its own. */
  public static final CorpusNames EMPTY = new CorpusNames(java.util.Set.of(), Map.of(), Map.of());

  /** A surname stands for one person when at least this many articles name that person in full… */
  static final int MIN_ARTICLES = 5;
  /** …and that person holds this share of the full names with the surname. */
  static final double MIN_SHARE = 0.8;

  /** Why a surname resolves to a full name: how many articles give it in full, and its share of the surname. */
  public record Resolution(String name, int articles, double share) {}

  /** Phrase keys of the full names two articles or more give with strong evidence: names the corpus knows. */
  private final java.util.Set<String> fullNames;
  private final Map<String, Resolution> surnames;
  /**
   * Folded key (accents, case, hyphens) → the one facet value the index gives every person value with that key;
   * only for keys the corpus writes in two spellings or more, so it stays small.
   */
  private final Map<String, String> values;

  private CorpusNames(java.util.Set<String> fullNames, Map<String, Resolution> surnames, Map<String, String> values) {
    this.fullNames = fullNames;
    this.surnames = surnames;
    this.values = values;
  }

  /**
   * Learns from evidence counts: full name as an article wrote it → number of articles that gave it with strong
   * evidence.
   */
  public static CorpusNames learn(Map<String, Integer> evidence) {
    return learn(evidence, Map.of());
  }

  /**
   * Learns from evidence counts (full name → articles giving it with strong evidence) and from the person values
   * articles get before the corpus picks their spelling (value → articles), so that no two facet values of the
   * index differ only by accents, case or hyphens.
   */
  public static CorpusNames learn(Map<String, Integer> evidence, Map<String, Integer> personValues) {
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(personValues, "personValues");
    if (evidence.isEmpty() && personValues.isEmpty()) {
      return EMPTY;
    }
    Lexicon lexicon = Lexicon.standard();
    // The most frequent form of each folded full name, the name a surname resolves to.
    Map<String, String> spelling = new HashMap<>();
    Map<String, Integer> byKey = new HashMap<>();
    for (Map.Entry<String, Integer> e : evidence.entrySet()) {
      String key = Lexicon.phraseKey(e.getKey());
      byKey.merge(key, e.getValue(), Integer::sum);
      String best = spelling.get(key);
      if (best == null || moreLikely(e.getKey(), best, evidence)) {
        spelling.put(key, e.getKey());
      }
    }
    // Surnames: the last word of each person's key, when one person dominates it.
    Map<String, List<String>> bySurname = new HashMap<>();
    for (String key : byKey.keySet()) {
      int space = key.lastIndexOf(' ');
      if (space > 0) {
        bySurname.computeIfAbsent(key.substring(space + 1), k -> new ArrayList<>()).add(key);
      }
    }
    Map<String, Resolution> surnames = new HashMap<>();
    bySurname.forEach((surname, keys) -> {
      if (surname.length() < 3 || lexicon.givenNames.contains(surname) || lexicon.notPersonWords.contains(surname)
          || lexicon.persons.containsKey(surname)) {
        return; // a given name, a word that is never a person, or a surname the lexicon already resolves
      }
      int total = 0;
      String top = null;
      for (String k : keys) {
        total += byKey.get(k);
        if (top == null || byKey.get(k) > byKey.get(top) || byKey.get(k).equals(byKey.get(top)) && k.compareTo(top) < 0) {
          top = k;
        }
      }
      int n = byKey.get(top);
      double share = (double) n / total;
      if (n >= MIN_ARTICLES && share >= MIN_SHARE) {
        surnames.put(surname, new Resolution(spelling.get(top), n, share));
      }
    });
    java.util.Set<String> known = new java.util.HashSet<>();
    byKey.forEach((key, n) -> {
      if (n > 1 && key.indexOf(' ') > 0 && lexicon.persons.get(key) == null) {
        known.add(key);
      }
    });
    return new CorpusNames(java.util.Set.copyOf(known), Map.copyOf(surnames), valueSpellings(personValues, lexicon));
  }

  /**
   * One value per folded key written in several spellings: the lexicon's name when it has one for the key, else
   * the spelling most articles carry, else the one with more accented letters (French capitals lose accents more
   * often than writers add them), else the first in Unicode order. A pure function of the counts.
   */
  private static Map<String, String> valueSpellings(Map<String, Integer> personValues, Lexicon lexicon) {
    Map<String, String> best = new HashMap<>();
    Map<String, Boolean> several = new HashMap<>();
    for (Map.Entry<String, Integer> e : personValues.entrySet()) {
      String value = e.getKey();
      String key = valueKey(value);
      String current = best.get(key);
      if (current == null) {
        best.put(key, value);
        continue;
      }
      if (!current.equals(value)) {
        several.put(key, true);
      }
      if (better(value, current, personValues, lexicon, key)) {
        best.put(key, value);
      }
    }
    Map<String, String> out = new HashMap<>();
    several.keySet().forEach(key -> out.put(key, best.get(key)));
    return Map.copyOf(out);
  }

  private static boolean better(String a, String b, Map<String, Integer> counts, Lexicon lexicon, String key) {
    boolean la = isLexiconName(a, lexicon, key);
    if (la != isLexiconName(b, lexicon, key)) {
      return la;
    }
    return moreLikely(a, b, counts);
  }

  /** More articles, then more accented letters, then Unicode order: a total order, so no input order matters. */
  private static boolean moreLikely(String a, String b, Map<String, Integer> counts) {
    int ca = counts.get(a);
    int cb = counts.get(b);
    if (ca != cb) {
      return ca > cb;
    }
    long accentsA = a.chars().filter(c -> c >= 0x80).count();
    long accentsB = b.chars().filter(c -> c >= 0x80).count();
    if (accentsA != accentsB) {
      return accentsA > accentsB;
    }
    return a.compareTo(b) < 0;
  }

  private static boolean isLexiconName(String value, Lexicon lexicon, String key) {
    return value.equals(lexicon.persons.get(Lexicon.phraseKey(value))) && valueKey(value).equals(key);
  }

  /** The key under which a reader takes two facet values for one: case, accents, hyphens and spaces folded. */
  static String valueKey(String value) {
    return Fold.fold(value);
  }

  /** The facet value the index gives a person value: its corpus spelling when it has several, else itself. */
  public String value(String personValue) {
    if (values.isEmpty()) {
      return personValue;
    }
    return values.getOrDefault(valueKey(personValue), personValue);
  }

  /**
   * The person a bare surname stands for (« hollande »), or null. Full names are not looked up: their spelling is
   * picked after extraction ({@link #value}), so the values an article spells never depend on the spellings learnt.
   */
  String lookup(String key) {
    if (key.indexOf(' ') >= 0) {
      return null;
    }
    Resolution r = surnames.get(key);
    return r == null ? null : r.name();
  }

  /**
   * Whether the corpus knows a full name (folded phrase key, « nordahl lelandais »): two articles or more give it
   * with strong evidence, so it is a person where an article names it with no cue. The article's spelling stays
   * its own; {@link #value} picks the index's.
   */
  boolean knowsFullName(String key) {
    return fullNames.contains(key);
  }

  /** Whether the index gives {@code personValue} to several spellings of it, for {@code --explain}. */
  public boolean hasSeveralSpellings(String personValue) {
    return personValue.equals(values.get(valueKey(personValue)));
  }

  /** Why a bare surname is taken for a person, for {@code --explain}; empty when it is not. */
  public java.util.Optional<Resolution> surname(String word) {
    return java.util.Optional.ofNullable(surnames.get(Lexicon.phraseKey(word)));
  }

  /**
   * The articles to read again when the knowledge changes from {@code other} to this: those that contain, capitalised,
   * one of these folded words. A name's reading can only change in an article that names it, in full or by its
   * surname, so each changed name gives one word, its last piece (the surname: « Le Pen » → « pen », « Seif
   * al-Islam » → « islam », « d'Estaing » → « estaing »). Its given names would add nearly every article.
   */
  public java.util.Set<String> changedWords(CorpusNames other) {
    java.util.Set<String> words = new java.util.HashSet<>();
    diff(surnames, other.surnames, words);
    diff(values, other.values, words);
    for (String k : fullNames) {
      if (!other.fullNames.contains(k)) {
        addLastWord(k, words);
      }
    }
    for (String k : other.fullNames) {
      if (!fullNames.contains(k)) {
        addLastWord(k, words);
      }
    }
    return words;
  }

  private static <V> void diff(Map<String, V> a, Map<String, V> b, java.util.Set<String> words) {
    for (Map.Entry<String, V> e : a.entrySet()) {
      if (!e.getValue().equals(b.get(e.getKey()))) {
        addLastWord(e.getKey(), words);
      }
    }
    for (String k : b.keySet()) {
      if (!a.containsKey(k)) {
        addLastWord(k, words);
      }
    }
  }

  /** The last word piece of a folded key, as the tokenizer keys the pieces (split at spaces, hyphens, apostrophes). */
  private static void addLastWord(String key, java.util.Set<String> words) {
    int end = key.length();
    while (end > 0 && !Tokenizer.isWordChar(key.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Tokenizer.isWordChar(key.charAt(start - 1))) {
      start--;
    }
    if (start < end) {
      words.add(key.substring(start, end));
    }
  }

  /** Whether a text has one of {@code words} (folded, as {@link #changedWords} gives them). */
  public static boolean mentionsAny(String text, java.util.Set<String> words) {
    if (words.isEmpty() || text == null) {
      return false;
    }
    return Tokenizer.anyCapitalisedPiece(text, words::contains);
  }

  /** Number of surnames and spellings known, for reports. */
  public int size() {
    return fullNames.size() + surnames.size() + values.size();
  }

  /** Number of folded person keys the corpus writes in several spellings, each given one value. */
  public int valueSpellingCount() {
    return values.size();
  }

  public int surnameCount() {
    return surnames.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CorpusNames c && fullNames.equals(c.fullNames) && surnames.equals(c.surnames)
        && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fullNames, surnames, values);
  }
}
