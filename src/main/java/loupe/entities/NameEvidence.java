package loupe.entities;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What articles say about their people, counted in articles: the full names they give with strong evidence and
 * the person values they spell. It is all {@link CorpusNames#learn} reads, so an index, a batch's first pass over
 * its files and {@code loupe entities FILE} learn the same way. Thread-safe: indexing threads add at once.
 */
public final class NameEvidence {
  private final Map<String, Integer> fullNames = new ConcurrentHashMap<>();
  private final Map<String, Integer> personValues = new ConcurrentHashMap<>();

  /** Counts what one article gives. */
  public void add(ArticleEntities entities) {
    entities.personEvidence().forEach(n -> addFullName(n, 1));
    entities.personSpellings().forEach(v -> addPersonValue(v, 1));
  }

  /** {@code articles} more articles give {@code name} in full with strong evidence. */
  public void addFullName(String name, int articles) {
    fullNames.merge(name, articles, Integer::sum);
  }

  /** {@code articles} more articles spell a person value {@code value}. */
  public void addPersonValue(String value, int articles) {
    personValues.merge(value, articles, Integer::sum);
  }

  /** Adds every count of {@code other}. */
  public void addAll(NameEvidence other) {
    other.fullNames.forEach(this::addFullName);
    other.personValues.forEach(this::addPersonValue);
  }

  /** What these counts teach. */
  public CorpusNames learn() {
    return CorpusNames.learn(fullNames, personValues);
  }

  /** Full name → articles giving it with strong evidence (a view). */
  public Map<String, Integer> fullNames() {
    return java.util.Collections.unmodifiableMap(fullNames);
  }

  /** Person value as articles spell it → articles (a view). */
  public Map<String, Integer> personValues() {
    return java.util.Collections.unmodifiableMap(personValues);
  }
}
