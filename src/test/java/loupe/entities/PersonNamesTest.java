package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
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

  @Test
  void aRoleEndingTheTitleDoesNotCueTheFirstWordOfTheBody() {
    assertEquals(List.of(), EXTRACTOR.extract("Deux fichés S refusés à bord d'un avion par le commandant",
        "Deux voyageurs n'ont pas pu monter.").persons());
    assertEquals(List.of(), EXTRACTOR.extract("Marne : l'ex-chauffard écrit aux gendarmes",
        "INSOLITE - Un homme a envoyé une carte postale.").persons());
    assertEquals(List.of("Pierre Palmade"), EXTRACTOR.extract("Pierre Palmade a arrêté à cause d'un des chanteurs",
        "Invité d'On refait la télé, Pierre Palmade est revenu sur sa carrière.").persons());
    // A listed given name opening the body is still the person the title announces.
    assertEquals(List.of("Éliane"), EXTRACTOR.extract("Paris : la femme qui a aidé la maman à accoucher témoigne",
        "Éliane, cadre commerciale, raconte.").persons());
    // Within a line the role still cues the name.
    assertEquals(List.of("Durand"), EXTRACTOR.extract("", "Le commandant Durand a refusé.").persons());
  }
}
