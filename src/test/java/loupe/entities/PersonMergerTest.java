package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import loupe.entities.PersonNames.Candidate;
import loupe.entities.PersonNames.Person;
import loupe.entities.PersonNames.Strength;
import org.junit.jupiter.api.Test;

/** Merging alone, from candidates as the finder would give them: which forms are one person, and its value. */
class PersonMergerTest {
  private static final PersonMerger MERGER = new PersonMerger(Lexicon.standard());

  private static Candidate candidate(int from, Strength strength, String... words) {
    List<String> keys = java.util.Arrays.stream(words).map(Fold::fold).toList();
    return new Candidate(from, from + words.length, from, List.of(words), keys, String.join(" ", keys), strength,
        null, false);
  }

  @Test
  void aBareSurnameJoinsTheFullNameOfTheSameArticle() {
    List<Person> persons = MERGER.merge(List.of(
        candidate(0, Strength.BARE, "Dupontel"), candidate(10, Strength.FULL, "Jean", "Dupontel")));
    assertEquals(1, persons.size());
    assertEquals("Jean Dupontel", persons.get(0).canonical);
    assertEquals(2, persons.get(0).spans.size());
  }

  @Test
  void aBareWordWithNoFullerFormIsNobody() {
    assertEquals(List.of(), MERGER.merge(List.of(candidate(0, Strength.BARE, "Insolite"))));
  }

  @Test
  void twoRelativesWithOneSurnameStayTwoPersons() {
    List<Person> persons = MERGER.merge(List.of(
        candidate(0, Strength.FULL, "Patrick", "Balkany"), candidate(10, Strength.FULL, "Isabelle", "Balkany")));
    assertEquals(List.of("Patrick Balkany", "Isabelle Balkany"), persons.stream().map(p -> p.canonical).toList());
  }

  @Test
  void aLoneGivenNameIsAPersonOfTheTextButNotAFacetValue() {
    List<Person> persons = MERGER.merge(List.of(candidate(0, Strength.GIVEN, "Catherine")));
    assertEquals(1, persons.size());
    assertFalse(persons.get(0).facet);
  }
}
