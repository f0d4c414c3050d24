package loupe.rank;

import java.util.ArrayList;
import java.util.List;
import loupe.entities.ArticleEntities;
import loupe.entities.EntityExtractor;
import loupe.entities.Extractors;
import loupe.index.Fields;

/**
 * The persons and countries a query names, resolved by the lexicons that tagged the articles, so
 * « Poutine » meets the articles about « Vladimir Poutine » and « les Français » those about France.
 *
 * @param persons canonical person names, as the {@link Fields#PERSON} facet holds them
 * @param countries canonical country names, as the {@link Fields#COUNTRY} facet holds them
 */
public record QueryEntities(List<String> persons, List<String> countries) {

  static final QueryEntities NONE = new QueryEntities(List.of(), List.of());

  public QueryEntities {
    persons = List.copyOf(persons);
    countries = List.copyOf(countries);
  }

  /** Reads a query as a headline: the extractor's rules and lexicons, nothing else. */
  public static QueryEntities of(String query, EntityExtractor extractor) {
    if (query == null || query.isBlank()) {
      return NONE;
    }
    ArticleEntities found = extractor.extract(query, "");
    return new QueryEntities(found.persons(), found.countries());
  }

  /** With the built-in lexicons. */
  public static QueryEntities of(String query) {
    return of(query, Extractors.standard());
  }

  /** The facet labels to look up, dimension first: {@code [dim, value]} pairs. */
  List<String[]> labels() {
    List<String[]> labels = new ArrayList<>();
    persons.forEach(p -> labels.add(new String[] {Fields.PERSON, p}));
    countries.forEach(c -> labels.add(new String[] {Fields.COUNTRY, c}));
    return labels;
  }

  boolean isEmpty() {
    return persons.isEmpty() && countries.isEmpty();
  }
}
