package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertEquals("Laurent Nuñez", CorpusNames.learn(Map.of(), a).value("Laurent Nunez"));
    Map<String, Integer> tie1 = new LinkedHashMap<>();
    tie1.put("Stanislas Guérini", 5);
    tie1.put("Stanislas Guerini", 5);
    Map<String, Integer> tie2 = new LinkedHashMap<>();
    tie2.put("Stanislas Guerini", 5);
    tie2.put("Stanislas Guérini", 5);
    assertEquals(CorpusNames.learn(tie1, tie1), CorpusNames.learn(tie2, tie2));
  }

  @Test
  void eachFoldedPersonValueGetsOneSpellingTheLexiconsFirstThenTheMostArticlesThenAccents() {
    CorpusNames names = CorpusNames.learn(Map.of(), Map.of("Keïta", 7, "Keita", 1, "Patrick Poivre-d'Arvor", 1,
        "Patrick Poivre d'Arvor", 28, "Joel", 1, "Joël", 1, "Emmanuel Macron", 1, "Emmanuel MACRON", 4));
    assertEquals("Keïta", names.value("Keita"));
    assertEquals("Patrick Poivre d'Arvor", names.value("Patrick Poivre-d'Arvor"));
    // A tie: French capitals lose accents more often than writers add them.
    assertEquals("Joël", names.value("Joel"));
    // The lexicon's name wins even where the corpus writes it otherwise more often.
    assertEquals("Emmanuel Macron", names.value("Emmanuel MACRON"));
    // A value written one way only is left as it is, and the knowledge holds no row for it.
    assertEquals("Jean Dupontel", names.value("Jean Dupontel"));
    assertEquals(4, names.valueSpellingCount());
  }

  @Test
  void theSpellingsPickedDoNotDependOnTheOrderOfTheCounts() {
    Map<String, Integer> a = new LinkedHashMap<>();
    a.put("Leïa", 2);
    a.put("Leia", 2);
    a.put("LEIA", 2);
    Map<String, Integer> b = new LinkedHashMap<>();
    b.put("LEIA", 2);
    b.put("Leia", 2);
    b.put("Leïa", 2);
    assertEquals(CorpusNames.learn(Map.of(), a), CorpusNames.learn(Map.of(), b));
    assertEquals("Leïa", CorpusNames.learn(Map.of(), b).value("leia"));
  }

  @Test
  void anArticleGetsTheIndexSpellingButGivesItsOwnAsEvidence() {
    CorpusNames names = CorpusNames.learn(Map.of(), Map.of("Keïta", 7, "Keita", 1));
    RuleBasedExtractor extractor = new RuleBasedExtractor(Lexicon.standard());
    ArticleEntities e = extractor.extract("", "Selon M. Keita, l'enquête avance.", names);
    assertEquals(java.util.List.of("Keïta"), e.persons());
    assertEquals("Keïta", e.mentions().get(0).canonical());
    assertEquals(java.util.List.of("Keita"), e.personSpellings());
  }

  @Test
  void aRelativeNamedInFullIsNotRenamedToTheFamousBearerOfTheSurname() {
    // Issue 17: with the corpus knowing « Muselier » = Renaud Muselier, the bare surname must not rename Arnaud,
    // and the article must give the same evidence as without knowledge (the index learns from it).
    CorpusNames names = CorpusNames.learn(Map.of("Renaud Muselier", 40));
    RuleBasedExtractor extractor = new RuleBasedExtractor(Lexicon.standard());
    String body = "Son fils Arnaud Muselier est candidat. Le président de région Renaud Muselier a réagi. "
        + "Pour Arnaud Muselier, c'est une affaire de famille, a dit Muselier.";
    ArticleEntities known = extractor.extract("", body, names);
    assertEquals(java.util.Set.of("Arnaud Muselier", "Renaud Muselier"), java.util.Set.copyOf(known.persons()));
    assertEquals(java.util.Set.copyOf(extractor.extract("", body).personEvidence()),
        java.util.Set.copyOf(known.personEvidence()));
  }

  @Test
  void aFullNameTheCorpusGivesWithEvidenceIsAPersonWithoutACueAndKeepsTheArticleSpelling() {
    RuleBasedExtractor extractor = new RuleBasedExtractor(Lexicon.standard());
    String body = "L'enquête sur Nordahl Lelandais avance.";
    assertEquals(java.util.List.of(), extractor.extract("", body).persons());
    CorpusNames names = CorpusNames.learn(Map.of("Nordahl Lelandais", 2));
    assertEquals(java.util.List.of("Nordahl Lelandais"), extractor.extract("", body, names).persons());
    // Given by one article only: not known yet.
    assertEquals(java.util.List.of(),
        extractor.extract("", body, CorpusNames.learn(Map.of("Nordahl Lelandais", 1))).persons());
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
    CorpusNames names = CorpusNames.learn(Map.of("Sibeth Ndiaye", 40), Map.of("Sibeth Ndiaye", 40, "SIbeth Ndiaye", 1));
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

  @Test
  void aChangedNameSendsBackOnlyTheArticlesThatNameItByItsLastWord() {
    CorpusNames before = CorpusNames.learn(Map.of("Jean-Marie Le Bihan", 2, "Seif al-Islam Haddad", 2));
    CorpusNames after = CorpusNames.learn(Map.of("Seif al-Islam Haddad", 2, "Hubert Valois d'Estaing", 2));
    java.util.Set<String> words = after.changedWords(before);
    assertEquals(java.util.Set.of("bihan", "estaing"), words);
    // An article is read again when it names one of them, in full or by surname alone, not for a shared given name.
    assertTrue(CorpusNames.mentionsAny("Anne Le Bihan a répondu.", words));
    assertTrue(CorpusNames.mentionsAny("L'ancien député d'Estaing est mort.", words));
    assertTrue(CorpusNames.mentionsAny("Le château D’Estaing", words));
    assertFalse(CorpusNames.mentionsAny("Jean-Marie Bigard et Hubert Martin ont parlé.", words));
    assertFalse(CorpusNames.mentionsAny("un bihan, mot breton", words)); // a person's name is capitalised
    assertTrue(after.changedWords(after).isEmpty());
  }

  @Test
  void aNameGluedToTheNextLineSendsItsArticleBack() {
    // The extractor may cut « TakieddineNicolas » at the lost line break: both pieces send the article back.
    assertTrue(CorpusNames.mentionsAny("Les mensonges de Ziad TakieddineNicolas Sarkozy a déploré", java.util.Set.of("takieddine")));
    assertTrue(CorpusNames.mentionsAny("Jean CastexChristian Jacob était l'invité", java.util.Set.of("jacob")));
    assertTrue(CorpusNames.mentionsAny("Objet de menaces de mortsJean-Luc Mélenchon", java.util.Set.of("jean")));
    assertFalse(CorpusNames.mentionsAny("John McCain", java.util.Set.of("cain")));
  }
}
