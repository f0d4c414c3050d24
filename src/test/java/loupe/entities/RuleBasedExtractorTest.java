package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBasedExtractorTest {
  private static final EntityExtractor EXTRACTOR = Extractors.standard();

  private static List<Mention> mentions(String body, EntityType type) {
    return EXTRACTOR.extract("", body).mentions().stream().filter(m -> m.type() == type).toList();
  }

  @Test
  void titleIsNotPartOfThePersonSpan() {
    Mention m = mentions("Hier, M. Macron a parlé.", EntityType.PERSON).get(0);
    assertEquals("Macron", m.text());
    assertEquals(9, m.start());
    assertEquals(15, m.end());
    assertEquals("Emmanuel Macron", m.canonical());
  }

  @Test
  void articleIsNotPartOfTheCountrySpan() {
    String body = "Il est parti aux États-Unis puis dans la Corée du Nord.";
    List<Mention> ms = mentions(body, EntityType.COUNTRY);
    assertEquals(List.of("États-Unis", "Corée du Nord"), ms.stream().map(Mention::text).toList());
    for (Mention m : ms) {
      assertEquals(m.text(), body.substring(m.start(), m.end()));
    }
  }

  @Test
  void demonymCountsAsItsCountry() {
    Mention m = mentions("Le dirigeant nord-coréen est arrivé.", EntityType.COUNTRY).get(0);
    assertEquals("nord-coréen", m.text());
    assertEquals("KP", m.code());
    assertEquals("Corée du Nord", m.canonical());
  }

  @Test
  void compoundAdjectiveNamesBothCountries() {
    List<String> codes = mentions("Le sommet franco-allemand a eu lieu.", EntityType.COUNTRY).stream()
        .map(Mention::code).toList();
    assertEquals(List.of("FR", "DE"), codes);
  }

  @Test
  void titleMentionsCountForFacetsButOffsetsPointIntoTheBody() {
    ArticleEntities e = EXTRACTOR.extract("Lettre empoisonnée à Trump", "Donald Trump a été visé. Le FBI enquête.");
    assertEquals(List.of("Donald Trump"), e.persons());
    assertEquals(List.of("États-Unis"), e.countries());
    Mention first = e.mentions().get(0);
    assertEquals("Donald Trump", first.text());
    assertEquals(0, first.start());
  }

  @Test
  void surnameAloneJoinsTheFullNameOfTheArticle() {
    ArticleEntities e = EXTRACTOR.extract("", "Dmytro Kuleba est arrivé. Plus tard, Kuleba a parlé.");
    assertEquals(List.of("Dmytro Kuleba"), e.persons());
    assertEquals(2, e.mentions().size());
    assertTrue(e.mentions().stream().allMatch(m -> m.canonical().equals("Dmytro Kuleba")));
  }

  @Test
  void typographicApostropheWorksLikeTheAsciiOne() {
    ArticleEntities curly = EXTRACTOR.extract("", "Le président de l’Ukraine a vu Giscard d’Estaing.");
    ArticleEntities ascii = EXTRACTOR.extract("", "Le président de l'Ukraine a vu Giscard d'Estaing.");
    assertEquals(ascii.countries(), curly.countries());
    assertEquals(ascii.persons(), curly.persons());
    assertEquals(List.of("Ukraine"), curly.countries());
  }

  @Test
  void capitalUsedAsMetonymyIsACountryNotAPerson() {
    ArticleEntities e = EXTRACTOR.extract("", "Washington a répondu à Moscou.");
    assertEquals(List.of(), e.persons());
    assertEquals(List.of("États-Unis", "Russie"), e.countries());
  }

  @Test
  void mauriceIsAPersonBeforeASurnameAndTheIslandAfterAPreposition() {
    assertEquals(List.of("Maurice Ravel"), EXTRACTOR.extract("", "Maurice Ravel est né en 1875.").persons());
    assertEquals(List.of(), EXTRACTOR.extract("", "Maurice Ravel est né en 1875.").countries());
    assertEquals(List.of("Maurice"), EXTRACTOR.extract("", "Il a pris l'avion pour Maurice.").countries());
  }

  @Test
  void georgiaIsTheAmericanStateAndGeorgieTheCountry() {
    assertEquals(List.of("États-Unis"), EXTRACTOR.extract("", "Les électeurs de Georgia ont voté.").countries());
    assertEquals(List.of("Géorgie"), EXTRACTOR.extract("", "La Géorgie a rappelé son ambassadeur.").countries());
  }

  @Test
  void parisInsideAnOrganisationNameIsNotEvidence() {
    assertEquals(List.of(), EXTRACTOR.extract("", "Le Paris Saint-Germain a battu l'OM.").countries());
    assertEquals(List.of(), EXTRACTOR.extract("", "Un journaliste de Paris Match a été arrêté.").countries());
  }

  @Test
  void emptyArticleHasNoEntities() {
    ArticleEntities e = EXTRACTOR.extract("", "");
    assertTrue(e.mentions().isEmpty());
    assertTrue(e.persons().isEmpty());
    assertTrue(e.countries().isEmpty());
  }

  @Test
  void standardExtractorIsOneSharedInstance() {
    assertSame(Extractors.standard(), Extractors.standard());
  }

  @Test
  void concurrentExtractionGivesTheSameResultAsSequential() throws Exception {
    String body = "Vladimir Poutine a reçu Kim Jong Un à Moscou. Poutine a promis des armes aux Nord-Coréens.";
    ArticleEntities expected = EXTRACTOR.extract("", body);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ArticleEntities>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> EXTRACTOR.extract("", body)));
      }
      for (Future<ArticleEntities> f : results) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void userLexiconAddsPersonsAliasesAndCountries(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("lexicon.tsv");
    Files.writeString(file, """
        # my additions
        person\tZorglub Zorg\tZorglub
        country\tListenbourg\tXL
        country\tlistenbourgeois\tXL\tdemonym
        """);
    EntityExtractor custom = Extractors.withUserLexicon(file);
    ArticleEntities e = custom.extract("", "Zorglub a visité le Listenbourg avec des amis listenbourgeois.");
    assertEquals(List.of("Zorglub Zorg"), e.persons());
    assertEquals(List.of("Listenbourg"), e.countries());
    assertFalse(EXTRACTOR.extract("", "Zorglub a visité le Listenbourg.").countries().contains("Listenbourg"));
  }

  @Test
  void userLexiconWithAnUnknownKindIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.tsv");
    Files.writeString(file, "planet\tMars\n");
    assertThrows(IllegalArgumentException.class, () -> Extractors.withUserLexicon(file));
  }
}
