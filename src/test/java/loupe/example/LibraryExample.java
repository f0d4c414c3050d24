package loupe.example;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import loupe.Loupe;
import loupe.ingest.Article;
import loupe.search.FacetValue;
import loupe.search.Hit;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;

/**
 * Loupe used as a Java library, through the public facade only: open an index, index articles,
 * search with a country ticked, print the hits and the country facet, close.
 *
 * <p>Run it with the index directory as the only argument; {@link LibraryExampleIT} runs it with no
 * server or command-line classes on the classpath.
 */
public final class LibraryExample {

  private LibraryExample() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: LibraryExample INDEX_DIR");
    }
    try (Loupe loupe = Loupe.open(Path.of(args[0]))) {
      index(loupe);
      SearchResponse response = searchElectricityInGermany(loupe);
      print(response);
    }
  }

  /** A publisher indexes three articles; an id indexed again would replace its article. */
  private static void index(Loupe loupe) throws IOException {
    loupe.index(List.of(
        new Article("lib-1", "Le prix de l’électricité baisse en Allemagne",
            "À Berlin, le chancelier Olaf Scholz s’est félicité de la baisse du prix de l’électricité. "
                + "L’Allemagne mise sur l’éolien en mer du Nord.",
            OffsetDateTime.parse("2024-09-10T08:00:00+02:00"), "https://exemple.fr/electricite-allemagne",
            "Gazette d’exemple"),
        new Article("lib-2", "Emmanuel Macron défend la réforme de l’électricité",
            "À l’Élysée, Emmanuel Macron a défendu la réforme du marché de l’électricité : "
                + "la France doit produire une électricité « plus sûre et moins chère ».",
            OffsetDateTime.parse("2024-03-02T18:30:00+01:00"), "https://exemple.fr/macron-electricite",
            "Dépêche d’exemple"),
        new Article("lib-3", "Vladimir Poutine reçoit Kim Jong Un à Moscou",
            "Le président russe Vladimir Poutine a reçu le dirigeant nord-coréen Kim Jong Un au Kremlin.",
            null, null, null)));
  }

  /** A reader searches « électricité » and ticks Allemagne; country counts ignore that tick. */
  private static SearchResponse searchElectricityInGermany(Loupe loupe) throws IOException {
    return loupe.search(SearchRequest.builder()
        .query("électricité")
        .countries(List.of("Allemagne"))
        .size(5)
        .build());
  }

  private static void print(SearchResponse response) {
    System.out.println(response.total() + " hit(s) for « " + response.query() + " » in Allemagne");
    for (Hit hit : response.hits()) {
      System.out.println("hit " + hit.id() + ": " + hit.title() + " (" + hit.date() + ", " + hit.source() + ")");
      for (String snippet : hit.snippets()) {
        System.out.println("  snippet: " + snippet);
      }
    }
    System.out.println("country facet:");
    for (FacetValue value : response.facets().getOrDefault("country", List.of())) {
      System.out.println("  " + value.value() + " " + value.count() + (value.selected() ? " (ticked)" : ""));
    }
  }
}
