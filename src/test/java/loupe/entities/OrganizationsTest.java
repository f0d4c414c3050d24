package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17: organisations are a facet of their own, with one value for a name and its acronyms. */
class OrganizationsTest {
  private static final EntityExtractor EXTRACTOR = Extractors.standard();

  @Test
  void acronymAndFullNameAreOneValue() {
    ArticleEntities e = EXTRACTOR.extract("", "L'ONU a publié un rapport. Les Nations unies demandent une trêve.");
    assertEquals(List.of("Nations unies"), e.organizations());
  }

  @Test
  void organisationNamedLikeAPersonIsNotAPerson() {
    ArticleEntities e = EXTRACTOR.extract("", "Selon Télé-Loisirs, l'émission reviendra sur C8 en septembre.");
    assertEquals(List.of("Télé-Loisirs", "C8"), e.organizations());
    assertEquals(List.of(), e.persons());
  }

  @Test
  void magazinesAndPollstersAreOrganisationsNotPersons() {
    ArticleEntities e = EXTRACTOR.extract("", "Selon Télé Star, Camille Lacourt a quitté l'émission. Contactée par "
        + "PurePeople et par Le HuffPost, elle n'a pas répondu à BFM Business ni à L'Opinion, d'après un sondage Odoxa.");
    assertEquals(List.of("Camille Lacourt"), e.persons());
    assertEquals(List.of("Télé Star", "Purepeople", "Le HuffPost", "BFM Business", "L'Opinion", "Odoxa"), e.organizations());
  }

  @Test
  void mediaNamedByACommonWordAreNeverPersons() {
    ArticleEntities e = EXTRACTOR.extract("", "Le magazine Public et Opinion ont publié les photos.");
    assertEquals(List.of(), e.persons());
  }

  @Test
  void organisationWithACountrysNameIsNotThatCountry() {
    ArticleEntities e = EXTRACTOR.extract("", "Air France a annulé des vols, selon Le Parisien.");
    assertEquals(List.of("Air France", "Le Parisien"), e.organizations());
    assertFalse(e.countries().contains("France"), e.countries().toString());
  }

  @Test
  void nationalBodyStillSaysWhichStateTheArticleIsAbout() {
    ArticleEntities e = EXTRACTOR.extract("", "Le texte a été adopté par l'Assemblée nationale mardi.");
    assertEquals(List.of("Assemblée nationale"), e.organizations());
    assertEquals(List.of("France"), e.countries());
  }

  @Test
  void lowerCaseWordsDoNotMatchACapitalisedName() {
    ArticleEntities e = EXTRACTOR.extract("", "Le monde entier regarde. Il a pris le point de vue inverse.");
    assertEquals(List.of(), e.organizations());
  }

  @Test
  void acronymInAHeadingInCapitalsIsAHeadingWord() {
    ArticleEntities e = EXTRACTOR.extract("", "UNE GRÈVE DANS LE SUD FO A APPELÉ À MANIFESTER.");
    assertFalse(e.organizations().contains("Force ouvrière"), e.organizations().toString());
    assertTrue(EXTRACTOR.extract("", "La CGT et FO appellent à la grève.").organizations()
        .containsAll(List.of("CGT", "Force ouvrière")));
  }

  @Test
  void organisationMentionsCarryTheirCanonicalName() {
    ArticleEntities e = EXTRACTOR.extract("", "Le PSG a battu l'OM.");
    List<Mention> orgs = e.mentions().stream().filter(m -> m.type() == EntityType.ORGANIZATION).toList();
    assertEquals(List.of("PSG", "OM"), orgs.stream().map(Mention::text).toList());
    assertEquals(List.of("Paris Saint-Germain", "Olympique de Marseille"), orgs.stream().map(Mention::canonical).toList());
  }
}
