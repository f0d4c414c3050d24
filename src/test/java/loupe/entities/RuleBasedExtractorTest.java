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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleBasedExtractorTest {
  private static final EntityExtractor EXTRACTOR = Extractors.standard();

  private static List<Mention> mentions(String body, EntityType type) {
    return EXTRACTOR.extract("", body).mentions().stream().filter(m -> m.type() == type).toList();
  }

  @Test
  void courtesyTitleIsPartOfTheMentionButNotOfTheCanonicalName() {
    Mention m = mentions("Hier, M. Macron a parlé.", EntityType.PERSON).get(0);
    assertEquals("M. Macron", m.text());
    assertEquals(6, m.start());
    assertEquals(15, m.end());
    assertEquals("Emmanuel Macron", m.canonical());
  }

  @Test
  void roleWordIsNotPartOfTheMention() {
    List<Mention> ms = mentions("Le général Moreau a rejoint le colonel Bertin.", EntityType.PERSON);
    assertEquals(List.of("Moreau", "Bertin"), ms.stream().map(Mention::text).toList());
  }

  @Test
  void dotCutOffFromItsTitleIsLeftOutOfTheMention() {
    // OCR text sometimes reads « MM . Durand »; the detached dot is noise, so the title stays out.
    assertEquals(List.of("Durand"), texts(mentions("Ont voté MM . Durand hier.", EntityType.PERSON)));
  }

  @Test
  void pluralTitleCuesEveryNameOfTheList() {
    assertEquals(List.of("MM. Lebrun", "Moreau", "Girard"),
        texts(mentions("Ont signé MM. Lebrun, Moreau et Girard, conseillers.", EntityType.PERSON)));
    assertEquals(List.of("Vautrin", "Peyrac"),
        texts(mentions("On vit arriver les généraux Vautrin et Peyrac.", EntityType.PERSON)));
  }

  @Test
  void voteCountsBetweenNamesKeepTheListGoing() {
    assertEquals(List.of("MM. Garnier", "Tessier", "Mollard"),
        texts(mentions("Sont élus MM. Garnier, 812 Tessier, 790 Mollard, 765.", EntityType.PERSON)));
  }

  @Test
  void captainAfterTheAbbreviationCIsAPersonAndTheShipIsNot() {
    assertEquals(List.of("Kerbiriou", "Le Meur"),
        texts(mentions("Partis le 21, Yvonne, c. Kerbiriou, p. Cardiff ; Saint-Yves, c. Le Meur, p. Swansea.",
            EntityType.PERSON)));
  }

  @Test
  void bareSurnameJoinsATitledFormFoundLaterInTheText() {
    ArticleEntities e = EXTRACTOR.extract("", "Tout le village attendait Lemarchal. Enfin M. Lemarchal arriva.");
    assertEquals(List.of("Lemarchal", "M. Lemarchal"), texts(e.mentions()));
    assertEquals(List.of("Lemarchal"), e.persons());
  }

  @Test
  void initialsStayInTheName() {
    assertEquals(List.of("J. M. Tardivel"), texts(mentions("La lettre de J. M. Tardivel est arrivée.",
        EntityType.PERSON)));
    assertEquals(List.of("M. S. J. Tardivel"), texts(mentions("Signé : M. S. J. Tardivel, président.",
        EntityType.PERSON)));
  }

  @Test
  void particleAfterACourtesyTitleOpensTheSurname() {
    ArticleEntities e = EXTRACTOR.extract("", "M. de Kerbrat a vu M. Le Goff et Mme de la Roche.");
    assertEquals(List.of("M. de Kerbrat", "M. Le Goff", "Mme de la Roche"), texts(e.mentions()));
    assertEquals(List.of("de Kerbrat", "Le Goff", "de la Roche"), e.persons());
  }

  @Test
  void capitalLeInsideASentenceBelongsToAKnownName() {
    ArticleEntities e = EXTRACTOR.extract("", "Yves Le Goff a gagné. On dit que Le Goff a triché.");
    assertEquals(List.of("Yves Le Goff", "Le Goff"), texts(e.mentions()));
    assertEquals(List.of(), EXTRACTOR.extract("", "Il lit Le Figaro chaque matin.").persons());
  }

  @Test
  void regnalNumberAndRealmBelongToTheSovereignsName() {
    ArticleEntities e = EXTRACTOR.extract("", "On attendait Louis XVIII. Le roi Ferdinand de Naples est venu.");
    assertEquals(List.of("Louis XVIII", "Ferdinand de Naples"), e.persons());
  }

  @Test
  void loneGivenNameIsAMentionButNotAFacetValue() {
    ArticleEntities e = EXTRACTOR.extract("", "La porte s'ouvrit et, sans un mot, Hortense entra.");
    assertEquals(List.of("Hortense"), texts(e.mentions()));
    assertEquals(List.of(), e.persons());
  }

  @Test
  void loneGivenNameJoinsTheOnlyFullNameWithThatGivenName() {
    ArticleEntities e = EXTRACTOR.extract("", "Hortense Dufay habite ici. Le matin, Hortense sort le chien.");
    assertEquals(List.of("Hortense Dufay", "Hortense Dufay"), e.mentions().stream().map(Mention::canonical).toList());
  }

  /** Issue 17, things that are not persons: a name right after a media noun names the medium. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Une interview relayée par le site Purepeople, selon Anne Dufour.",
      "D'après le magazine Closer, Anne Dufour a déménagé.",
      "Selon le site LyonMag, Anne Dufour est partie.",
      "Anne Dufour l'a dit à l'hebdomadaire Marianne.",
      "Invitée de l'émission Quotidien, Anne Dufour a parlé.",
      "Anne Dufour a lancé le blog Lagenerationquiparle."})
  void aNameRightAfterAMediaNounIsTheMediumNotAPerson(String body) {
    assertEquals(List.of("Anne Dufour"), EXTRACTOR.extract("", body).persons());
  }

  @Test
  void capitalisedWordAfterAnArticleIsAPlaceNotAPerson() {
    assertEquals(List.of("Anne Dufour"),
        EXTRACTOR.extract("", "Anne Dufour, de la Brévine, fille du boucher, est partie.").persons());
  }

  @Test
  void saintJoinedByAHyphenIsAPlaceNotATitle() {
    assertEquals(List.of(), EXTRACTOR.extract("", "Le bateau est arrivé à Saint-Malo hier soir.").persons());
    assertEquals(List.of("Geoffroy Saint-Hilaire"),
        EXTRACTOR.extract("", "M. Geoffroy Saint-Hilaire parle demain.").persons());
  }

  @Test
  void roleWithItsComplementIsNotAPerson() {
    assertEquals(List.of("Durand"), EXTRACTOR.extract("", "M. le Maire de Vernier et M. Durand sont là.").persons());
  }

  @Test
  void titleInLowerCaseCuesTheName() {
    assertEquals(List.of("Grosjean"), EXTRACTOR.extract("", "Le docteur Grosjean arriva.").persons());
  }

  @Test
  void shortAllCapitalsWordAfterARoleIsAnAcronym() {
    assertEquals(List.of(), EXTRACTOR.extract("", "Selon les journalistes CFDT, rien n'a changé.").persons());
  }

  @Test
  void allCapitalsNamesGetTheSameCanonicalValueAsOrdinaryOnes() {
    assertEquals(List.of("Paul Verlaine"), EXTRACTOR.extract("", "Un poème de Paul VERLAINE.").persons());
    assertEquals(List.of("Paul Verlaine"), EXTRACTOR.extract("", "Un poème de Paul Verlaine.").persons());
  }

  private static List<String> personTexts(String body) {
    return texts(mentions(body, EntityType.PERSON));
  }

  private static List<String> texts(List<Mention> ms) {
    return ms.stream().filter(m -> m.type() == EntityType.PERSON).map(Mention::text).toList();
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

  // Mention-level conventions of old newspaper text (#3).

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Le 3 mai.\nAujourd'hui, le conseil a voté.",
      // initials alone do not say who: Sa Majesté, a letter signed with initials
      "Une lettre de S. M. le roi est arrivée. Signé : J. B.",
      // a given name or a role inside a line of capitals is a headline word
      "UN ROMAN FRANÇAIS PRIMÉ À LYON",
      "ON CHERCHE UN JEUNE HOMME pour la vendange.",
      // a pronoun that OCR or a heading capitalised
      "Les joueurs belges Se retrouvaient à Namur.",
      "On longea le canal Mathilde jusqu'au port."})
  void oldNewspaperWordsThatAreNoPersons(String text) {
    assertEquals(List.of(), personTexts(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # initials: hyphenated, and usual abbreviations of given names
      Le discours de J.-B. Lemoine et les créanciers de Ch. Vautrin.      | J.-B. Lemoine;Ch. Vautrin
      # common German and Italian given names
      Le concert de Rudolf Kessler et Cesare Valli.                       | Rudolf Kessler;Cesare Valli
      # « de » before a full name does not join it to the word before
      Hier. Procès de Ignacio Ferrer à Madrid.                            | Ignacio Ferrer
      # a surname coordinated with a person is a person
      On a vu Marcel Vautrin et Lebrasseur au marché.                     | Marcel Vautrin;Lebrasseur
      # OCR reads the title « M. » as « NI. »
      Hier, NI. Lemarchand a parlé.                                       | Lemarchand
      # cues of old reports: spouses, strangers, « la mère X », a nationality noun
      On a volé les époux Garnier ; un certain Jolivet accuse la mère Lachaume. | Garnier;Jolivet;Lachaume
      Le Belge Vanderbeke a gagné l'étape.                                | Vanderbeke
      # a maiden name after « née » without a comma belongs to the name
      On apprend le décès de Judith née Vauclair, 80 ans.                 | Judith née Vauclair
      """)
  void oldNewspaperCuesAndNameShapes(String text, String names) {
    assertEquals(List.of(names.split(";")), personTexts(text));
  }

  @Test
  void aRegnalNumberEndsTheName() {
    assertEquals(List.of("Louis XIV"), personTexts("LE PORTRAIT DE Louis XIV Versailles l'expose."));
    assertEquals(List.of("Paul I de Russie"), personTexts("On rappela la mort de l'empereur Paul I de Russie."));
  }

  @Test
  void aLoneIAfterANameIsAMisreadExclamationMark() {
    assertEquals(List.of("Marcel"), personTexts("Elle cria : « Marcel, Marcel I » et se tut."));
  }

  @Test
  void theParticleAfterAMilitaryRankOpensTheSurname() {
    Mention m = mentions("Hier, le général de Gaulle a parlé.", EntityType.PERSON).get(0);
    assertEquals("de Gaulle", m.text());
    assertEquals("Charles de Gaulle", m.canonical());
    assertEquals(List.of("de Vernaison"), personTexts("Le colonel de Vernaison commande."));
    // An adjective « général » is no rank.
    assertEquals(List.of(), personTexts("Il parle au directeur général de Canal Info."));
  }

  @Test
  void theSpouseAfterVeuveDeIsAPerson() {
    assertEquals(List.of("Lemarchand"),
        personTexts("Décès : Jeanne Quéré, veuve de Lemarchand, 78 ans.").subList(1, 2));
  }

  @Test
  void aNationalityNounInTheTitleDoesNotCueTheBody() {
    // A title ending on a nationality does not cue the first word of the body.
    assertEquals(List.of(), EXTRACTOR.extract("Une Lyonnaise", "Originaire de Lyon, elle a gagné.").persons());
  }

  @Test
  void aPlaceOrBrandAfterACivilTitleIsASurname() {
    ArticleEntities e = EXTRACTOR.extract("", "Hier, M. Paris a reçu M. Renault à la mairie.");
    assertEquals(List.of("Paris", "Renault"), e.persons());
    assertEquals(List.of(), e.countries());
  }

  @Test
  void aRelativesLoneGivenNameIsAMentionButNoFacet() {
    ArticleEntities e = EXTRACTOR.extract("", "Émile Dupuis et sa femme Hélène sont arrivés.");
    assertEquals(List.of("Émile Dupuis"), e.persons());
    assertEquals(List.of("Émile Dupuis", "Hélène"), texts(e.mentions().stream()
        .filter(m -> m.type() == EntityType.PERSON).toList()));
  }

  @Test
  void aNameCuedOnceMakesItsBareRepeatsPersons() {
    // « ma chère Lisette » vouches for the name; the bare « Lisette » before and after are the same person.
    assertEquals(List.of("Lisette", "Lisette", "Lisette"),
        personTexts("Lisette resta seule. Je serrais ma chère Lisette contre moi. Nous partîmes, Lisette et moi."));
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
