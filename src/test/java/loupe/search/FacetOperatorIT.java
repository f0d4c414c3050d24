package loupe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import loupe.Loupe;
import loupe.ingest.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Values of one facet OR-ed (« au moins un ») or AND-ed (« tous »), with the counts each shows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetOperatorIT {

  private Loupe loupe;

  @BeforeAll
  void index(@TempDir Path dir) throws IOException {
    loupe = Loupe.open(dir);
    loupe.index(List.of(
        new Article("ru", "Gaz", "La Russie vend du gaz.", null, null, null),
        new Article("ru-cn", "Gaz vers l'Asie", "La Russie vend du gaz à la Chine.", null, null, null),
        new Article("ru-cn-fr", "Sommet du gaz", "La Russie, la Chine et la France parlent de gaz.", null, null, null),
        new Article("cn", "Gaz chinois", "La Chine achète du gaz.", null, null, null)));
  }

  @AfterAll
  void close() throws IOException {
    loupe.close();
  }

  private static Map<String, Long> counts(SearchResponse r) {
    return r.facets().get("country").stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void anyOneValueOrEveryValueWithCountsThatMatchWhatATickShows() throws IOException {
    SearchRequest.Builder both = SearchRequest.builder().query("gaz").countries(List.of("Russie", "Chine"));
    SearchResponse any = loupe.search(both.build());
    assertEquals(4, any.total());
    // OR: each value counted as if its own selection were not there (ticking it adds to the union).
    assertEquals(3L, counts(any).get("Russie"));

    SearchResponse all = loupe.search(both.allOf(Set.of("country")).build());
    assertEquals(2, all.total());
    // AND: counted over the hits: ticking France as well would show exactly this many.
    assertEquals(Map.of("Russie", 2L, "Chine", 2L, "France", 1L), counts(all));
    long withFrance = loupe.search(SearchRequest.builder().query("gaz").countries(List.of("Russie", "Chine", "France"))
        .allOf(Set.of("country")).build()).total();
    assertEquals(counts(all).get("France"), withFrance);
  }
}
