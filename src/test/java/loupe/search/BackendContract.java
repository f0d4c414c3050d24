package loupe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import loupe.Fixtures;
import loupe.Loupe;
import loupe.ingest.Article;
import loupe.ingest.IngestReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do alike, seen through the facade: each subclass opens its engine (a
 * Lucene directory, a real SolrCloud collection) holding the fixture articles and nothing else.
 */
public abstract class BackendContract {

  protected Loupe loupe;

  /** A Loupe on this backend, holding exactly the fixture articles. */
  protected abstract Loupe openWithFixtures() throws Exception;

  @BeforeEach
  void open() throws Exception {
    loupe = openWithFixtures();
    assertEquals(Fixtures.articles().size(), loupe.count());
  }

  @AfterEach
  void close() throws IOException {
    loupe.close();
  }

  protected SearchResponse search(SearchRequest.Builder request) throws IOException {
    return loupe.search(request.build());
  }

  public static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  public static Map<String, Long> counts(SearchResponse r, String dim) {
    return r.facets().get(dim).stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void everyWordIsRequiredAndTotalIsExact() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("électricité Allemagne"));
    assertEquals(List.of("fx-5"), ids(r));
    assertEquals(1, r.total());
    assertFalse(r.relaxed());
  }

  @Test
  void accentsApostrophesAndCompoundsFindTheSameWords() throws IOException {
    assertEquals(ids(search(SearchRequest.builder().query("électricité"))),
        ids(search(SearchRequest.builder().query("ELECTRICITE"))));
    assertTrue(ids(search(SearchRequest.builder().query("nord-coréen"))).contains("fx-1"));
    assertTrue(ids(search(SearchRequest.builder().query("nord coréen"))).contains("fx-1"));
  }

  @Test
  void phrasesExclusionAndOrAreRead() throws IOException {
    assertTrue(ids(search(SearchRequest.builder().query("\"Corée du Nord\""))).contains("fx-1"));
    SearchResponse reversed = search(SearchRequest.builder().query("\"Nord du Corée\""));
    assertTrue(reversed.relaxed() || !ids(reversed).contains("fx-1"), "a phrase keeps its word order");
    List<String> withoutKim = ids(search(SearchRequest.builder().query("Poutine -Kim")));
    assertFalse(withoutKim.contains("fx-1"), withoutKim.toString());
    List<String> either = ids(search(SearchRequest.builder().query("Zelensky OR Macron").size(20)));
    assertTrue(either.containsAll(List.of("fx-2", "fx-3")), either.toString());
  }

  @Test
  void queryWithNoArticleHavingAllWordsIsRelaxedAndSaysSo() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("électricité pingouin"));
    assertTrue(r.relaxed());
    assertTrue(ids(r).containsAll(List.of("fx-2", "fx-5")), ids(r).toString());
  }

  @Test
  void snippetsMarkSurfaceFormsAndEscapeHtml() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("electricite"));
    Hit hit = r.hits().stream().filter(h -> h.id().equals("fx-2")).findFirst().orElseThrow();
    assertTrue(hit.snippets().stream().anyMatch(s -> s.contains("<mark>électricité</mark>")), hit.snippets().toString());
    assertTrue(hit.titleHighlighted().contains("<mark>électricité</mark>"), hit.titleHighlighted());

    Hit trap = search(SearchRequest.builder().query("échappement")).hits().get(0);
    String all = trap.titleHighlighted() + String.join(" ", trap.snippets());
    assertFalse(all.contains("<img"), all);
    assertTrue(all.contains("&lt;img"), all);
    assertFalse(all.replace("<mark>", "").replace("</mark>", "").contains("<"), "only <mark> tags: " + all);
  }

  @Test
  void countryFacetCountsIgnoreTheirOwnSelection() throws IOException {
    SearchResponse all = search(SearchRequest.builder().query(""));
    long russia = counts(all, "country").get("Russie");
    long ukraine = counts(all, "country").get("Ukraine");

    SearchResponse ticked = search(SearchRequest.builder().query("").countries(List.of("Russie")));
    assertEquals(russia, ticked.total());
    assertEquals(ukraine, counts(ticked, "country").get("Ukraine"));
    assertTrue(ticked.facets().get("country").stream().anyMatch(v -> v.value().equals("Russie") && v.selected()));

    SearchResponse both = search(SearchRequest.builder().query("").countries(List.of("Russie", "Ukraine")));
    assertTrue(both.total() >= Math.max(russia, ukraine), "values of one facet are OR-ed");
  }

  @Test
  void facetsAreAndedAcrossDimensions() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("")
        .countries(List.of("Russie")).persons(List.of("Kim Jong Un")));
    assertEquals(List.of("fx-1"), ids(r));
  }

  @Test
  void unknownFacetValueFindsNothingButStaysListedAsSelected() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("").countries(List.of("Atlantide, le retour")));
    assertEquals(0, r.total());
    assertTrue(r.facets().get("country").stream()
        .anyMatch(v -> v.value().equals("Atlantide, le retour") && v.selected() && v.count() == 0));
  }

  @Test
  void sortByDateIsNewestFirstWithUndatedLast() throws IOException {
    List<String> ids = ids(search(SearchRequest.builder().query("").sort(SortOrder.DATE).size(20)));
    assertEquals("fx-5", ids.get(0));
    assertEquals("fx-8", ids.get(ids.size() - 1));
  }

  @Test
  void sortOldestReadsTheStoryFromItsStartWithUndatedLast() throws IOException {
    List<String> ids = ids(search(SearchRequest.builder().query("").sort(SortOrder.OLDEST).size(20)));
    List<String> newest = ids(search(SearchRequest.builder().query("").sort(SortOrder.DATE).size(20)));
    assertEquals("fx-8", ids.get(ids.size() - 1));
    assertEquals(newest.get(newest.size() - 2), ids.get(0), "the oldest dated article first");
  }

  @Test
  void everyTickedValueIsRequiredWithTheAndOperator() throws IOException {
    List<String> both = List.of("Russie", "Corée du Nord");
    SearchResponse any = search(SearchRequest.builder().query("").countries(both).size(20));
    SearchResponse all = search(SearchRequest.builder().query("").countries(both).allOf(java.util.Set.of("country")).size(20));
    assertTrue(all.total() > 0 && all.total() < any.total(), all.total() + " of " + any.total());
    for (Hit hit : all.hits()) {
      assertTrue(hit.countries().containsAll(both), hit.id() + " " + hit.countries());
    }
    // Counted over the hits: each ticked value holds all of them.
    assertEquals(all.total(), counts(all, "country").get("Russie"));
  }

  @Test
  void organisationsAreAFacetAndAFilter() throws IOException {
    loupe.index(List.of(
        new Article("org-1", "Vols annulés", "Air France a annulé des vols, selon Le Parisien.", null, null, null),
        new Article("org-2", "Grève", "Air France et l'ONU négocient. Les Nations unies demandent une trêve.", null, null, null)));
    List<FacetValue> organisations = search(SearchRequest.builder().query("")).facets().get("organization");
    FacetValue first = organisations.get(0);
    assertEquals(new FacetValue("Air France", 2, false), first, organisations.toString());
    SearchResponse ticked = search(SearchRequest.builder().query("").organizations(List.of(first.value())).size(20));
    assertEquals(first.count(), ticked.total());
    assertTrue(ticked.hits().stream().allMatch(h -> h.organizations().contains(first.value())));
  }

  @Test
  void theTimelineCountsEveryDatedHit() throws IOException {
    SearchResponse all = search(SearchRequest.builder().query(""));
    DateHistogram timeline = all.dateHistogram();
    assertEquals(all.total() - 1, timeline.buckets().stream().mapToLong(DateHistogram.Bucket::count).sum(), "fx-8 is undated");
    DateHistogram year = search(SearchRequest.builder().query("")
        .dateFrom(LocalDate.of(2024, 1, 1)).dateTo(LocalDate.of(2024, 12, 31))).dateHistogram();
    assertEquals("month", year.interval());
    assertEquals(12, year.buckets().size(), year.toString());
    assertEquals(null, search(SearchRequest.builder().query("jardiniers")).dateHistogram(), "fx-8 alone: no date");
  }

  @Test
  void theWordBeingTypedMatchesAsAPrefix() throws IOException {
    SearchResponse typing = search(SearchRequest.builder().query("Vladimir Pout").prefixLast(true));
    assertTrue(ids(typing).contains("fx-1"), ids(typing).toString());
    assertFalse(typing.relaxed());
    SearchResponse typed = search(SearchRequest.builder().query("Vladimir Pout"));
    // Without prefix_last « Pout » is a whole word: no article has it, so the answer is relaxed, empty or corrected.
    assertTrue(typed.relaxed() || typed.total() == 0 || typed.correction() != null, String.valueOf(typed.correction()));
  }

  @Test
  void aFilteredExportStreamsExactlyTheMatchingArticles() throws IOException {
    SearchRequest request = SearchRequest.builder().query("président").countries(List.of("Russie", "Ukraine")).size(20).build();
    List<String> exported = new ArrayList<>();
    loupe.export(request, a -> exported.add(a.article().id()));
    assertEquals(ids(loupe.search(request)).stream().sorted().toList(), exported.stream().sorted().toList());
    assertFalse(exported.isEmpty());
  }

  @Test
  void suggestionsCompleteNamesAndWordsCountedUnderTheTickedFilters() throws IOException {
    List<Suggestion> names = loupe.suggest("pou", 5);
    Suggestion putin = names.stream().filter(s -> s.text().equals("Vladimir Poutine")).findFirst().orElseThrow(() -> new AssertionError(names));
    assertEquals("person", putin.facet());
    assertEquals(counts(search(SearchRequest.builder().query("")), "person").get("Vladimir Poutine"), putin.count());

    List<Suggestion> words = loupe.suggest("l'élec", 5);
    Suggestion electricity = words.stream().filter(s -> s.facet() == null).findFirst().orElseThrow(() -> new AssertionError(words));
    assertEquals("l'électricité", electricity.text(), "the word as the articles write it, after the elided article");
    SearchRequest inGermany = SearchRequest.builder().countries(List.of("Allemagne")).build();
    Suggestion narrowed = loupe.suggest("élec", 5, inGermany).stream().filter(s -> s.facet() == null).findFirst().orElseThrow();
    assertEquals(search(SearchRequest.builder().query(narrowed.query()).countries(List.of("Allemagne"))).total(), narrowed.count());
    assertTrue(narrowed.count() < electricity.count(), narrowed + " vs " + electricity);
  }

  @Test
  void misspeltWordsAreCorrectedAndTheCorrectedQueryIsShownWhenNothingMatches() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("électricté Allemange"));
    assertEquals(new Correction("électricté Allemange", "électricité Allemagne", true), r.correction());
    assertEquals(List.of("fx-5"), ids(r));
    SearchResponse asTyped = search(SearchRequest.builder().query("électricté Allemange").autocorrect(false));
    assertEquals(null, asTyped.correction());
    assertEquals(null, search(SearchRequest.builder().query("électricité Allemagne")).correction());
  }

  @Test
  void dateRangeIncludesBothEnds() throws IOException {
    SearchResponse r = search(SearchRequest.builder().query("")
        .dateFrom(LocalDate.of(2024, 1, 5)).dateTo(LocalDate.of(2024, 6, 19)).size(20));
    assertEquals(List.of("fx-1", "fx-2", "fx-4"), ids(r).stream().sorted().toList());
  }

  @Test
  void pagesDoNotOverlapAndDeepPagesUpToTheCapAnswer() throws IOException {
    SearchResponse first = search(SearchRequest.builder().query("").size(3));
    SearchResponse second = search(SearchRequest.builder().query("").from(3).size(3));
    assertEquals(3, first.hits().size());
    assertTrue(second.hits().stream().noneMatch(h -> ids(first).contains(h.id())));
    assertEquals(first.total(), second.total());
    SearchResponse deep = search(SearchRequest.builder().query("").from(SearchRequest.MAX_WINDOW - 10).size(10));
    assertEquals(List.of(), deep.hits());
    assertEquals(first.total(), deep.total());
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder().from(SearchRequest.MAX_WINDOW - 5).size(10).build());
    assertTrue(List.of("from", "size").contains(e.parameter()), e.parameter());
  }

  @Test
  void strayOperatorsAreOrdinaryPunctuation() throws IOException {
    for (String q : List.of("Poutine (", "Kim:Jong^", "\"Corée du", "* ? ~ [ ] { } \\ /", "{!term f=id}fx-1", "$lq0")) {
      SearchResponse r = search(SearchRequest.builder().query(q));
      assertTrue(r.hits().stream().noneMatch(h -> h.id() == null), q);
    }
  }

  @Test
  void indexingAnExistingIdReplacesTheArticle() throws IOException {
    Article updated = new Article("fx-8", "Brève mise à jour", "Il neigera finalement sur les sommets.",
        OffsetDateTime.parse("2025-01-01T08:00:00+01:00"), null, null);
    IngestReport report = loupe.index(List.of(updated));
    assertEquals(1, report.updated());
    assertEquals(Fixtures.articles().size(), loupe.count());
    assertEquals("Brève mise à jour", loupe.find("fx-8").orElseThrow().article().title());
    assertEquals(0, search(SearchRequest.builder().query("jardiniers")).total());
    assertEquals(List.of("fx-8"), ids(search(SearchRequest.builder().query("neigera sommets"))));
  }

  @Test
  void deletingRemovesTheArticleAndSaysWhetherItExisted() throws IOException {
    assertTrue(loupe.delete("fx-3"));
    assertFalse(loupe.delete("no-such-id"));
    assertEquals(Fixtures.articles().size() - 1, loupe.count());
    assertTrue(loupe.find("fx-3").isEmpty());
    assertEquals(0, search(SearchRequest.builder().query("Zelensky")).total());
  }

  @Test
  void findReturnsTheArticleWithItsEntities() throws IOException {
    var found = loupe.find("fx-1").orElseThrow();
    assertEquals("Vladimir Poutine reçoit Kim Jong Un à Moscou", found.article().title());
    assertTrue(found.entities().persons().contains("Vladimir Poutine"), found.entities().persons().toString());
    assertTrue(found.entities().countries().contains("Corée du Nord"));
    assertFalse(found.entities().mentions().isEmpty());
    assertTrue(loupe.find("nope").isEmpty());
  }

  @Test
  void exportStreamsEveryArticle() throws IOException {
    List<String> exported = new ArrayList<>();
    loupe.export(a -> exported.add(a.article().id()));
    assertEquals(Fixtures.articles().stream().map(Article::id).sorted().toList(), exported.stream().sorted().toList());
  }

  @Test
  void relatedArticlesShareWordsAndLeaveTheArticleOut() throws IOException {
    List<Hit> related = loupe.related("fx-4", 5).orElseThrow();
    assertFalse(related.isEmpty());
    assertTrue(related.stream().noneMatch(h -> h.id().equals("fx-4")));
    assertTrue(loupe.related("nope", 5).isEmpty());
  }

  /**
   * Articles made for walking: the same body (equal scores), few dates (equal dates) and some
   * undated, so only the id can break the ties, and a page boundary falls inside each run of ties.
   */
  private static List<Article> articlesForAWalk() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String body = i % 5 == 0 ? "Le conseil municipal, puis le conseil régional, ont voté." : "Le conseil municipal a voté.";
      OffsetDateTime date = i % 3 == 0 ? null : OffsetDateTime.parse("2024-03-0" + (1 + i % 4) + "T00:00:00Z");
      articles.add(new Article("walk-" + (char) ('a' + i), "Délibération", body, date, null, null));
    }
    return articles;
  }

  private List<Hit> walk(String query, SortOrder sort, int size) throws IOException {
    List<Hit> walked = new ArrayList<>();
    String cursor = SearchRequest.START_CURSOR;
    for (int pages = 0; cursor != null; pages++) {
      assertTrue(pages < 100, "the walk ends");
      SearchResponse page = search(SearchRequest.builder().query(query).sort(sort).size(size).searchAfter(cursor));
      assertTrue(page.hits().size() <= size);
      assertTrue(page.nextSearchAfter() == null || page.hits().size() == size, "only a full page has a next one");
      walked.addAll(page.hits());
      cursor = page.nextSearchAfter();
    }
    return walked;
  }

  @Test
  void aCursorWalkReturnsEveryMatchExactlyOnceInEachOrder() throws IOException {
    loupe.index(articlesForAWalk());
    for (String query : List.of("conseil", "")) {
      for (SortOrder sort : SortOrder.values()) {
        SearchResponse all = search(SearchRequest.builder().query(query).sort(sort).size(SearchRequest.MAX_SIZE));
        List<Hit> walked = walk(query, sort, 4);
        String what = query + " " + sort;
        List<String> walkedIds = walked.stream().map(Hit::id).toList();
        assertEquals(walkedIds.size(), new HashSet<>(walkedIds).size(), "no article twice: " + what + " " + walkedIds);
        assertEquals(ids(all).stream().sorted().toList(), walkedIds.stream().sorted().toList(), what);
        assertEquals(all.total(), walked.size(), what);
        for (int i = 1; i < walked.size(); i++) {
          Hit before = walked.get(i - 1);
          Hit after = walked.get(i);
          if (sort == SortOrder.RELEVANCE && !query.isEmpty()) {
            assertTrue(before.score() >= after.score(), "best first: " + what + " " + walkedIds);
          } else if (before.date() != null && after.date() != null) {
            int order = before.date().compareTo(after.date());
            assertTrue(sort == SortOrder.OLDEST ? order <= 0 : order >= 0, "by date: " + what + " " + walkedIds);
          } else {
            assertTrue(after.date() == null, "undated last: " + what + " " + walkedIds);
          }
        }
      }
    }
  }

  @Test
  void aCursorResumesOnlyItsOwnWalk() throws IOException {
    String byDate = search(SearchRequest.builder().query("").sort(SortOrder.DATE).size(2).searchAfter("*")).nextSearchAfter();
    assertTrue(byDate != null);
    InvalidRequestException otherSort = assertThrows(InvalidRequestException.class,
        () -> search(SearchRequest.builder().query("").sort(SortOrder.OLDEST).size(2).searchAfter(byDate)));
    assertEquals("search_after", otherSort.parameter());
    assertThrows(InvalidRequestException.class,
        () -> search(SearchRequest.builder().query("").size(2).searchAfter("pas un curseur")));
    InvalidRequestException withFrom = assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder().from(10).searchAfter("*").build());
    assertTrue(withFrom.getMessage().contains("from") && withFrom.getMessage().contains("search_after"), withFrom.getMessage());
    assertEquals(null, search(SearchRequest.builder().query("").size(2)).nextSearchAfter(), "no cursor when not asked");
  }

  @Test
  void sectionsAreStoredCountedAndFilteredLikeTheOtherFacets() throws IOException {
    assertTrue(counts(search(SearchRequest.builder().query("")), "section").isEmpty(), "no section yet, none listed");
    loupe.index(List.of(
        new Article("sec-1", "Le budget voté", "Les députés ont voté le budget.", null, null, "Le Monde", "politique"),
        new Article("sec-2", "Budget des communes", "Les maires commentent le budget.", null, null, "Le Monde", "societe"),
        new Article("sec-3", "Budget européen", "Bruxelles présente le budget.", null, null, "Le Monde", "monde")));
    SearchResponse all = search(SearchRequest.builder().query("budget"));
    assertEquals(Map.of("politique", 1L, "societe", 1L, "monde", 1L), counts(all, "section"));
    SearchResponse ticked = search(SearchRequest.builder().query("budget").sections(List.of("politique", "monde")));
    assertEquals(List.of("sec-1", "sec-3"), ids(ticked).stream().sorted().toList());
    assertEquals(1L, counts(ticked, "section").get("societe"), "a facet's counts ignore its own selection");
    assertEquals("politique", ticked.hits().stream().filter(h -> h.id().equals("sec-1")).findFirst().orElseThrow().section());
    assertEquals("monde", loupe.find("sec-3").orElseThrow().article().section());
    SearchResponse both = search(SearchRequest.builder().query("budget").sections(List.of("politique", "monde"))
        .allOf(java.util.Set.of("section")));
    assertEquals(0, both.total(), "an article has one section: « tous » of two finds none");
  }
}
