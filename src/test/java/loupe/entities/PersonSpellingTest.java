package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 17: one facet value per person whatever the article's typography, and no glued or bare values. */
class PersonSpellingTest {
  private static final EntityExtractor EXTRACTOR = Extractors.standard();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Le député Eric Ciotti a réagi.|Éric Ciotti",
      "Selon Edouard Balladur, rien ne change.|Édouard Balladur",
      "Le ministre Stéphane le Foll a répondu.|Stéphane Le Foll",
      "Le ministre François De Rugy a démissionné.|François de Rugy",
      "Le président Valery Giscard D'Estaing est mort.|Valery Giscard d'Estaing",
  })
  void oneSpellingPerPerson(String sentence, String expected) {
    assertEquals(List.of(expected), EXTRACTOR.extract("", sentence).persons());
  }

  @Test
  void twoNamesRunTogetherAreTwoValues() {
    ArticleEntities e = EXTRACTOR.extract("", "Parmi les invités : Emmanuel Macron Éric Drouet et d'autres.");
    assertEquals(List.of("Emmanuel Macron", "Éric Drouet"), e.persons());
  }

  @Test
  void aGivenNameAloneIsNotAFacetValueEvenAfterATitle() {
    ArticleEntities e = EXTRACTOR.extract("", "Le prince Harry et le prince William se sont retrouvés à Londres.");
    assertFalse(e.persons().contains("Harry"), e.persons().toString());
    assertFalse(e.persons().contains("William"), e.persons().toString());
  }

  @Test
  void tvShowsAndStarAcademyAreNotPersons() {
    ArticleEntities e = EXTRACTOR.extract("", "L'ancien candidat de la Star Academy a participé à Capital sur M6.");
    assertEquals(List.of(), e.persons());
  }
}
