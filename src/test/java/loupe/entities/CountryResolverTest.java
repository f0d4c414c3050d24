package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class CountryResolverTest {
  private static final CountryResolver RESOLVER = new CountryResolver(Lexicon.standard());

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/loupe/entities/resolver-gold.tsv", delimiter = '\t', quoteCharacter = '~')
  void namesVariantsDemonymsAndSeatsResolveToTheirIsoCode(String input, String code) {
    assertEquals(Optional.ofNullable(code), RESOLVER.resolve(input));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/loupe/entities/canonical-gold.tsv", delimiter = '\t', quoteCharacter = '~')
  void canonicalNameIsTheUsualFrenchShortName(String code, String name) {
    assertEquals(name, RESOLVER.canonicalName(code));
  }
}
