package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class CountryMentionsTest {
  private static final EntityExtractor EXTRACTOR = Extractors.standard();

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/loupe/entities/countries-gold.tsv", delimiter = '\t', quoteCharacter = '~')
  void sentenceYieldsExactlyTheExpectedCountries(String sentence, String codes) {
    Set<String> expected = new TreeSet<>(codes == null ? Set.of() : Arrays.asList(codes.split(",")));
    Set<String> actual = new TreeSet<>();
    for (Mention m : EXTRACTOR.extract("", sentence).mentions()) {
      if (m.type() == EntityType.COUNTRY) {
        actual.add(m.code());
      }
    }
    assertEquals(expected, actual);
  }
}
