package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17: what a corpus teaches about its people, and when it is not sure enough to teach anything. */
class CorpusNamesTest {

  @Test
  void theMostFrequentSpellingWinsAndTiesDoNotDependOnOrder() {
    Map<String, Integer> a = new LinkedHashMap<>();
    a.put("Laurent Nuñez", 71);
    a.put("Laurent Nunez", 16);
    assertEquals("Laurent Nuñez", CorpusNames.learn(a).lookup("laurent nunez"));
    Map<String, Integer> tie1 = new LinkedHashMap<>();
    tie1.put("Stanislas Guérini", 5);
    tie1.put("Stanislas Guerini", 5);
    Map<String, Integer> tie2 = new LinkedHashMap<>();
    tie2.put("Stanislas Guerini", 5);
    tie2.put("Stanislas Guérini", 5);
    assertEquals(CorpusNames.learn(tie1), CorpusNames.learn(tie2));
  }

  @Test
  void aSurnameStandsForOnePersonOnlyWhenThatPersonDominatesIt() {
    assertEquals("Jean Dupontel", CorpusNames.learn(Map.of("Jean Dupontel", 8, "Marc Dupontel", 1)).lookup("dupontel"));
    // Two namesakes of similar weight: the surname alone says nothing.
    assertNull(CorpusNames.learn(Map.of("Jean Dupontel", 8, "Marc Dupontel", 5)).lookup("dupontel"));
    // Too few articles to be sure.
    assertNull(CorpusNames.learn(Map.of("Jean Dupontel", 2)).lookup("dupontel"));
  }

  @Test
  void aGivenNameOrAWordThatIsNeverAPersonIsNotASurname() {
    assertNull(CorpusNames.learn(Map.of("Jean Philippe", 50)).lookup("philippe"));
  }

  @Test
  void aCapitalOpeningASentenceIsNotResolvedToTheCorpusPerson() {
    CorpusNames names = CorpusNames.learn(Map.of("Michel Sapin", 40));
    RuleBasedExtractor extractor = new RuleBasedExtractor(Lexicon.standard());
    assertEquals(java.util.List.of(), extractor.extract("Sapin de Noël : la tradition", "Un texte.", names).persons());
    assertEquals(java.util.List.of("Michel Sapin"),
        extractor.extract("", "Le budget de Sapin est critiqué.", names).persons());
  }

  @Test
  void anOddlyTypedFullNameTakesTheCorpusSpelling() {
    CorpusNames names = CorpusNames.learn(Map.of("Sibeth Ndiaye", 40));
    RuleBasedExtractor extractor = new RuleBasedExtractor(Lexicon.standard());
    assertEquals(java.util.List.of("Sibeth Ndiaye"),
        extractor.extract("", "La porte-parole SIbeth Ndiaye a répondu.", names).persons());
  }

  @Test
  void aNameAfterARoleIsEvidenceEvenWithAGivenNameTheListLacks() {
    RuleBasedExtractor extractor = new RuleBasedExtractor(Lexicon.standard());
    assertEquals(java.util.List.of("Sibeth Ndiaye"),
        extractor.extract("", "La porte-parole Sibeth Ndiaye a répondu.").personEvidence());
    assertEquals(java.util.List.of(), extractor.extract("", "Selon Le Monde, la réforme avance.").personEvidence());
  }
}
