package loupe.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a corpus says about its people, learnt from the full names its articles give with strong evidence (a
 * given name, a title): how the corpus spells each person (« Éric Drouet » over « Eric Drouet »), and which
 * surnames stand for one person only (« Hollande » for « François Hollande »). One article alone cannot know
 * that « la politique de Hollande » names a person; the index can.
 *
 * <p>It is a function of the multiset of evidence only, never of the order articles came in, so facets extracted
 * with it do not depend on ingest order. Immutable and thread-safe.
 */
public final class CorpusNames {
  /** No knowledge: extraction reads each article on its own. */
  public static final CorpusNames EMPTY = new CorpusNames(Map.of(), Map.of());

  /** A surname stands for one person when at least this many articles name that person in full… */
  static final int MIN_ARTICLES = 5;
  /** …and that person holds this share of the full names with the surname. */
  static final double MIN_SHARE = 0.8;

  /** Why a surname resolves to a full name: how many articles give it in full, and its share of the surname. */
  public record Resolution(String name, int articles, double share) {}

  private final Map<String, String> spellings;
  private final Map<String, Resolution> surnames;

  private CorpusNames(Map<String, String> spellings, Map<String, Resolution> surnames) {
    this.spellings = spellings;
    this.surnames = surnames;
  }

  /**
   * Learns from evidence counts: full name as an article wrote it → number of articles that gave it with strong
   * evidence.
   */
  public static CorpusNames learn(Map<String, Integer> evidence) {
    Objects.requireNonNull(evidence, "evidence");
    if (evidence.isEmpty()) {
      return EMPTY;
    }
    Lexicon lexicon = Lexicon.standard();
    // Spelling: the most frequent form of each folded name; a tie goes to the first in Unicode order. Kept for the
    // names given in full by two articles or more, so that an article's odd typing (« SIbeth Ndiaye ») or a form
    // seen without strong evidence takes the corpus's spelling.
    Map<String, String> spelling = new HashMap<>();
    Map<String, Integer> byKey = new HashMap<>();
    for (Map.Entry<String, Integer> e : new TreeMap<>(evidence).entrySet()) {
      String key = Lexicon.phraseKey(e.getKey());
      byKey.merge(key, e.getValue(), Integer::sum);
      String best = spelling.get(key);
      if (best == null || evidence.get(best) < e.getValue()) {
        spelling.put(key, e.getKey());
      }
    }
    Map<String, String> spellings = new HashMap<>();
    spelling.forEach((key, name) -> {
      if (byKey.get(key) > 1 && lexicon.persons.get(key) == null) {
        spellings.put(key, name);
      }
    });
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
    return new CorpusNames(Map.copyOf(spellings), Map.copyOf(surnames));
  }

  /** The corpus's name for a folded phrase key (« hollande », « eric drouet »), or null. */
  String lookup(String key) {
    if (key.indexOf(' ') < 0) {
      Resolution r = surnames.get(key);
      return r == null ? null : r.name();
    }
    return spellings.get(key);
  }

  /** Why a bare surname is taken for a person, for {@code --explain}; empty when it is not. */
  public java.util.Optional<Resolution> surname(String word) {
    return java.util.Optional.ofNullable(surnames.get(Lexicon.phraseKey(word)));
  }

  /** The folded words whose reading differs between two states of knowledge: the articles to read again. */
  public java.util.Set<String> changedWords(CorpusNames other) {
    java.util.Set<String> words = new java.util.HashSet<>();
    diff(surnames, other.surnames, words);
    diff(spellings, other.spellings, words);
    return words;
  }

  private static <V> void diff(Map<String, V> a, Map<String, V> b, java.util.Set<String> words) {
    for (Map.Entry<String, V> e : a.entrySet()) {
      if (!e.getValue().equals(b.get(e.getKey()))) {
        Collections.addAll(words, e.getKey().split(" "));
      }
    }
    for (String k : b.keySet()) {
      if (!a.containsKey(k)) {
        Collections.addAll(words, k.split(" "));
      }
    }
  }

  /** Whether a text has one of {@code words} (folded, as {@link #changedWords} gives them). */
  public static boolean mentionsAny(String text, java.util.Set<String> words) {
    if (words.isEmpty() || text == null) {
      return false;
    }
    for (Token t : Tokenizer.tokenize(text)) {
      if (t.word() && t.capitalized() && words.contains(t.key())) {
        return true;
      }
    }
    return false;
  }

  /** Number of surnames and spellings known, for reports. */
  public int size() {
    return surnames.size() + spellings.size();
  }

  public int surnameCount() {
    return surnames.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CorpusNames c && spellings.equals(c.spellings) && surnames.equals(c.surnames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(spellings, surnames);
  }
}
