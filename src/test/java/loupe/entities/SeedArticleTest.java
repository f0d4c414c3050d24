package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The seed article's expected facets (../shared/data/seed), a reader's view of one real article. */
class SeedArticleTest {
  private static final Path SEED = Path.of("..", "shared", "data", "seed");

  @Test
  void seedArticleFacetsAreExactlyWhatAReaderExpects() throws IOException {
    Path expectedFile = SEED.resolve("expected-facets.json");
    if (!Files.isRegularFile(expectedFile)) {
      Assumptions.abort("../shared/data/seed not found: " + expectedFile.toAbsolutePath());
    }
    JsonNode expected = new ObjectMapper().readTree(expectedFile.toFile());
    Path articleFile = SEED.resolve(expected.path("file").asText("000_e8850e72349f1c09.txt"));
    if (!Files.isRegularFile(articleFile)) {
      Assumptions.abort("../shared/data/seed not found: " + articleFile.toAbsolutePath());
    }
    // The seed file is plain body text: its first line is a full paragraph, not a headline.
    ArticleEntities e = Extractors.standard().extract("", Files.readString(articleFile));

    Set<String> persons = new HashSet<>(e.persons());
    Set<String> countries = new HashSet<>(e.countries());
    List<String> requiredPersons = strings(expected.path("persons_required"));
    List<String> requiredCountries = strings(expected.path("countries_required"));
    Set<String> allowedCountries = new HashSet<>(requiredCountries);
    allowedCountries.addAll(strings(expected.path("countries_optional")));
    Set<String> allowedPersons = new HashSet<>(requiredPersons);
    allowedPersons.addAll(strings(expected.path("persons_optional")));

    assertAll(
        () -> assertTrue(persons.containsAll(requiredPersons), "missing persons in " + e.persons()),
        () -> assertTrue(countries.containsAll(requiredCountries), "missing countries in " + e.countries()),
        () -> {
          for (String notPerson : strings(expected.path("must_not_be_persons"))) {
            assertFalse(persons.contains(notPerson), notPerson + " taken for a person");
          }
        },
        () -> assertTrue(allowedPersons.containsAll(persons), "unexpected persons in " + e.persons()),
        () -> assertTrue(allowedCountries.containsAll(countries), "unexpected countries in " + e.countries()));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
