package loupe.search.lucene;

import loupe.search.FacetValue;
import loupe.search.Hit;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.Suggestion;
import static loupe.search.BackendContract.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import loupe.Fixtures;
import loupe.Loupe;
import loupe.ingest.Article;
import loupe.ingest.IngestReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search on a real index on disk, through the facade, with the real entity extractor: what only the
 * embedded index does (the behaviour both backends share is in {@link loupe.search.BackendContract}).
 */
class LuceneBackendIT {

  @TempDir Path dir;
  private Loupe loupe;

  @BeforeEach
  void indexFixtures() throws IOException {
    loupe = Loupe.open(dir);
    IngestReport report = loupe.index(Fixtures.articles());
    assertEquals(Fixtures.articles().size(), report.added());
  }

  @AfterEach
  void close() throws IOException {
    loupe.close();
  }

  private SearchResponse search(SearchRequest.Builder request) throws IOException {
    return loupe.search(request.build());
  }

  @Test
  void sizeBeyondTheCapIsRefusedNamingTheParameter() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder().size(1000).build());
    assertEquals("size", e.parameter());
    assertThrows(InvalidRequestException.class, () -> SearchRequest.builder().from(9_995).size(10).build());
  }

  @Test
  void suggestionsCompleteEntityNamesWithoutAccents() throws IOException {
    List<Suggestion> s = loupe.suggest("pou", 5);
    assertTrue(s.stream().anyMatch(x -> x.text().equals("Vladimir Poutine") && x.type().equals("person")), s.toString());
    assertTrue(loupe.suggest("etats", 5).stream().anyMatch(x -> x.text().equals("États-Unis")));
  }

  @Test
  void suggestionCountsFollowNewArticlesAfterAWarmUp() throws IOException {
    loupe.warmUp();
    long before = poutineCount();
    assertTrue(before > 0);
    loupe.index(List.of(new Article("nouveau", "Vladimir Poutine en visite", "Vladimir Poutine arrive à Pékin.",
        null, null, null)));
    search(SearchRequest.builder().query("visite")); // a search on the new view, before any completion
    assertEquals(before + 1, poutineCount());
  }

  private long poutineCount() throws IOException {
    return loupe.suggest("pou", 5).stream().filter(x -> x.text().equals("Vladimir Poutine")).findFirst()
        .orElseThrow().count();
  }

  @Test
  void misspeltQueryShowsResultsForTheCorrectionAndSaysSo() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("Zelenski"));
    assertTrue(r.correction() != null && r.correction().applied(), String.valueOf(r.correction()));
    assertEquals("Zelensky", r.correction().corrected());
    assertEquals("Zelenski", r.correction().original());
    assertTrue(ids(r).contains("fx-3"), ids(r).toString());
  }

  @Test
  void correctionIsOnlyOfferedWhenTheQueryAsTypedFindsSomething() throws IOException {
    loupe.index(List.of(new Article("rare", "", "Un seul article écrit Zelenski ainsi.", null, null, null)));
    SearchResponse r = search(SearchRequest.builder().query("Zelenski"));
    assertEquals(List.of("rare"), ids(r));
    assertTrue(r.correction() == null || !r.correction().applied(), String.valueOf(r.correction()));
  }

  @Test
  void searchingInsteadForWhatWasTypedTurnsCorrectionOff() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("Zelenski").autocorrect(false));
    assertEquals(null, r.correction());
    assertTrue(r.hits().isEmpty() || r.relaxed());
  }

  @Test
  void aRareRealWordIsNotCorrectedIntoAFrequentNameTwoEditsAway() throws IOException {
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      articles.add(new Article("p" + i, "", "Vladimir Poutine s'exprime, épisode " + i + ".", null, null, null));
    }
    articles.add(new Article("grippe", "", "La grippe porcine revient cet hiver.", null, null, null));
    loupe.index(articles);
    // Regression: « grippe porcine » was offered « grippe Poutine » (#4).
    assertEquals(null, search(SearchRequest.builder().query("grippe porcine")).correction());
  }

  @Test
  void aWordReadOnlyBeyondTheLeadsIsStillARealWord() throws IOException {
    // The spelling vocabulary reads titles and leads: « porcine » appears only far down a body here,
    // while « Poutine », two edits away, opens a dozen leads.
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      articles.add(new Article("p" + i, "", "Vladimir Poutine s'exprime, épisode " + i + ".", null, null, null));
    }
    String filler = "La séance du conseil municipal a duré toute la soirée. ".repeat(20);
    articles.add(new Article("deep", "", filler + "La grippe porcine revient cet hiver.", null, null, null));
    loupe.index(articles);

    SearchResponse typed = search(SearchRequest.builder().query("porcine"));
    assertEquals(List.of("deep"), ids(typed));
    assertEquals(null, typed.correction());
    // A misspelling of a word of the leads is still corrected from them.
    SearchResponse misspelt = search(SearchRequest.builder().query("Poutinne"));
    assertTrue(misspelt.correction() != null && misspelt.correction().corrected().equals("Poutine"),
        String.valueOf(misspelt.correction()));
  }

  @Test
  void aWordOfTheCorpusBecomesTheInflectionTheRestOfTheQueryPrefers() throws IOException {
    // « présidentiels » is a real word, two edits from « présidentielles »: only the one-edit search
    // and the inflections are read for it, and the inflection must still be found.
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      articles.add(new Article("e" + i, "Les élections présidentielles du canton " + i, "Le scrutin approche.",
          null, null, null));
    }
    articles.add(new Article("d", "Des débats présidentiels animés", "Le ton monte.", null, null, null));
    loupe.index(articles);
    SearchResponse r = search(SearchRequest.builder().query("élections présidentiels"));
    assertTrue(r.correction() != null && r.correction().corrected().equals("élections présidentielles"),
        String.valueOf(r.correction()));
  }

  @Test
  void aMisspeltNameIsCorrectedThoughFewArticlesNameIt() throws IOException {
    // « Poutinne » has the stem of « Poutine », found in the bodies: it is still a misspelling (the demo case).
    try (Loupe few = Loupe.open(dir.resolve("few"))) {
      few.index(List.of(
          new Article("a", "Sommet", "Vladimir Poutine a reçu ses homologues.", null, null, null),
          new Article("b", "Diplomatie", "Le président russe Vladimir Poutine a parlé.", null, null, null)));
      SearchResponse r = few.search(SearchRequest.builder().query("Poutinne").build());
      assertTrue(r.correction() != null && r.correction().corrected().equals("Poutine"), String.valueOf(r.correction()));
    }
  }

  @Test
  void aQuestionThatFindsArticlesIsNotRewritten() throws IOException {
    // Checking each word of a question costs more than the search; its reader wants the answers.
    SearchResponse r = search(SearchRequest.builder().query("Quelle aide le président Zelenski demande-t-il à Biden ?"));
    assertTrue(ids(r).contains("fx-3"), ids(r).toString());
    assertEquals(null, r.correction());
  }

  @Test
  void aQuestionThatFindsNothingIsStillCorrected() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("Qui est Zelenski ?"));
    assertTrue(r.correction() != null && r.correction().applied(), String.valueOf(r.correction()));
    assertTrue(ids(r).contains("fx-3"), ids(r).toString());
  }

  @Test
  void hitsWithoutSnippetsKeepTheSameRanking() throws IOException {
    SearchRequest.Builder request = SearchRequest.builder().query("Biden promet une aide militaire à l'Ukraine");
    SearchResponse full = search(request);
    SearchResponse bare = search(request.snippets(false));
    assertEquals(ids(full), ids(bare));
    assertFalse(ids(bare).isEmpty());
    assertTrue(bare.hits().stream().allMatch(h -> h.snippets().isEmpty()), bare.hits().toString());
  }

  @Test
  void correctWordsAreLeftAlone() throws IOException {
    assertEquals(null, search(SearchRequest.builder().query("Zelensky")).correction());
    assertEquals(null, search(SearchRequest.builder().query("électricité")).correction());
  }

  @Test
  void suggestionsCompleteTheLastWordFromTheVocabulary() throws IOException {
    List<Suggestion> s = loupe.suggest("prix de l'élec", 5);
    assertTrue(s.stream().anyMatch(x -> x.text().equals("prix de l'électricité") && x.type().equals("term")), s.toString());
  }

  @Test
  void facetValuesCanBeFilteredByPrefixInTheSameCall() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("").personPrefix("kim").countryPrefix("cor"));
    assertEquals(List.of("Kim Jong Un"), r.facets().get("person").stream().map(FacetValue::value).toList());
    assertTrue(r.facets().get("country").stream().map(FacetValue::value).toList()
        .containsAll(List.of("Corée du Nord", "Corée du Sud")), r.facets().toString());
    assertTrue(r.facets().get("country").stream().allMatch(v -> v.value().startsWith("Corée")), r.facets().toString());
  }

  @Test
  void relatedArticlesShareWordsOrEntitiesAndExcludeTheArticle() throws IOException {
    List<Hit> related = loupe.related("fx-1", 3).orElseThrow();
    assertFalse(related.isEmpty());
    assertTrue(related.stream().noneMatch(h -> h.id().equals("fx-1")));
    assertTrue(related.stream().map(Hit::id).toList().contains("fx-4") || related.stream().map(Hit::id).toList().contains("fx-6"),
        related.stream().map(Hit::id).toList().toString());
    assertTrue(loupe.related("nope", 3).isEmpty());
  }

  @Test
  void deletedArticleIsGone() throws IOException {
    assertTrue(loupe.delete("fx-4"));
    assertTrue(loupe.find("fx-4").isEmpty());
    assertFalse(loupe.delete("fx-4"));
  }
}
