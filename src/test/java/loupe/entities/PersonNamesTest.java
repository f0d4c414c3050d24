package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PersonNamesTest {
  private static final EntityExtractor EXTRACTOR = Extractors.standard();

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/loupe/entities/persons-gold.tsv", delimiter = '\t', quoteCharacter = '~')
  void sentenceYieldsExactlyTheExpectedPersons(String sentence, String persons) {
    List<String> expected = persons == null ? List.of() : List.of(persons.split("\\|"));
    assertEquals(expected, EXTRACTOR.extract("", sentence).persons());
  }
}
