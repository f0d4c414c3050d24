package loupe.entities;

import java.util.List;

/**
 * What the extractor found in one article: the body mentions (offsets into the body) and the
 * document-level facet values, taken from title and body together.
 *
 * @param mentions body mentions in text order
 * @param persons canonical person names, most salient first, no duplicates
 * @param countries canonical French country names, most salient first, no duplicates
 * @param organizations canonical organisation names, most salient first, no duplicates
 * @param personEvidence full names as the article writes them with strong evidence (given name, title), found
 *     without corpus knowledge: what the index learns its people from ({@link CorpusNames})
 * @param personSpellings the person values as this article spells them, before the index picks one spelling per
 *     folded key: what the index learns its spellings from
 */
public record ArticleEntities(List<Mention> mentions, List<String> persons, List<String> countries,
    List<String> organizations, List<String> personEvidence, List<String> personSpellings) {
  public static final ArticleEntities NONE = new ArticleEntities(List.of(), List.of(), List.of(), List.of());

  public ArticleEntities {
    mentions = List.copyOf(mentions);
    persons = List.copyOf(persons);
    countries = List.copyOf(countries);
    organizations = List.copyOf(organizations);
    personEvidence = List.copyOf(personEvidence);
    personSpellings = List.copyOf(personSpellings);
  }

  /**
   * Whether the index would hold the same for both readings: the mentions, the facet values, and the person
   * spellings and strong evidence as sets (doc values keep them sorted and distinct).
   */
  public boolean sameReadingAs(ArticleEntities other) {
    return mentions.equals(other.mentions) && persons.equals(other.persons) && countries.equals(other.countries)
        && organizations.equals(other.organizations)
        && new java.util.TreeSet<>(personSpellings).equals(new java.util.TreeSet<>(other.personSpellings))
        && new java.util.TreeSet<>(personEvidence).equals(new java.util.TreeSet<>(other.personEvidence));
  }

  /** Entities with strong evidence but no spellings of their own. */
  public ArticleEntities(List<Mention> mentions, List<String> persons, List<String> countries,
      List<String> organizations, List<String> personEvidence) {
    this(mentions, persons, countries, organizations, personEvidence, List.of());
  }

  /** Entities without evidence, as the stored fields of an index give them back. */
  public ArticleEntities(List<Mention> mentions, List<String> persons, List<String> countries,
      List<String> organizations) {
    this(mentions, persons, countries, organizations, List.of());
  }

  /** Entities without organisations, as indexes written before the organisation facet hold them. */
  public ArticleEntities(List<Mention> mentions, List<String> persons, List<String> countries) {
    this(mentions, persons, countries, List.of());
  }
}
