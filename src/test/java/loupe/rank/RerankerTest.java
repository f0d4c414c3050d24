package loupe.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loupe.Loupe;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.index.Fields;
import loupe.ingest.Article;
import loupe.search.FacetValue;
import loupe.search.Hit;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.SortOrder;
import loupe.search.lucene.query.UserQueryParser;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second stage on a real index: what it reads, and that it reorders without changing what matches. */
class RerankerTest {

  @TempDir Path dir;

  private static Article article(String id, String title, String body, int year) {
    return new Article(id, title, body, OffsetDateTime.of(year, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC), null, "test");
  }

  @Test
  void aQueryNamingAPersonMatchesTheArticlesTaggedWithHimNotTheDish() throws IOException {
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(List.of(
          article("kremlin", "Le Kremlin répond", "Vladimir Poutine a reçu mardi le chef de la diplomatie chinoise. "
              + "Poutine a salué une coopération « sans limites ».", 2020),
          article("dish", "Cuisine", "La poutine, plat québécois de frites et de fromage, conquiert Paris.", 2020)));
    }
    QueryEntities entities = QueryEntities.of("Poutine");
    assertEquals(List.of("Vladimir Poutine"), entities.persons());
    try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query query = new UserQueryParser(new FrenchNewsAnalyzer(), java.util.Map.of(Fields.TITLE, 1f, Fields.BODY, 1f))
          .parse("Poutine").strict();
      ScoreDoc[] window = searcher.search(query, 10).scoreDocs;
      assertEquals(2, window.length);
      float[][] rows = RankFeatures.compute(searcher, query, entities, window);
      int match = RankFeatures.NAMES.indexOf("entityMatch");
      for (int i = 0; i < window.length; i++) {
        String id = searcher.storedFields().document(window[i].doc).get(Fields.ID);
        assertEquals(id.equals("kremlin") ? 1f : 0f, rows[i][match], id);
      }
    }
  }

  @Test
  void rerankingChangesTheOrderOnlyNeverTheTotalNorTheFacets() throws IOException {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String who = i % 3 == 0 ? "Emmanuel Macron" : i % 3 == 1 ? "Angela Merkel" : "le ministre";
      articles.add(article("a" + i, i % 2 == 0 ? "Budget de la France" : "Sommet européen",
          who + " a défendu le budget à Berlin, " + "devant la presse ".repeat(i % 5) + "mardi.", 2010 + i % 10));
    }
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(articles);
      SearchRequest.Builder request = SearchRequest.builder().query("budget Macron").size(100);
      SearchResponse byRelevance = loupe.search(request.build());
      SearchResponse byDate = loupe.search(request.sort(SortOrder.DATE).build());
      assertEquals(byDate.total(), byRelevance.total());
      assertEquals(ids(byDate.hits()), ids(byRelevance.hits()));
      assertEquals(counts(byDate), counts(byRelevance));
      SearchResponse firstPage = loupe.search(SearchRequest.builder().query("budget Macron").size(3).build());
      assertEquals(byRelevance.hits().subList(0, 3).stream().map(Hit::id).toList(),
          firstPage.hits().stream().map(Hit::id).toList(), "a short page is the head of the reranked window");
    }
  }

  @Test
  void aRecencyHalfLifePutsTheNewerOfTwoEqualArticlesFirst() throws IOException {
    String body = "Le conseil municipal a voté la rénovation du marché couvert.";
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(List.of(article("old", "Marché couvert", body, 2012)));
      loupe.index(List.of(article("new", "Marché couvert", body, 2019)));
      SearchRequest.Builder request = SearchRequest.builder().query("marché couvert");
      assertEquals(List.of("old", "new"), loupe.search(request.build()).hits().stream().map(Hit::id).toList(),
          "off by default: equal scores keep the index order");
      assertEquals(List.of("new", "old"),
          loupe.search(request.recencyDays(365).build()).hits().stream().map(Hit::id).toList());
    }
  }

  @Test
  void aHalfLifeOutOfRangeIsRefusedNamingTheParameter() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder().query("x").recencyDays(-1).build());
    assertEquals("recency_days", e.parameter());
  }

  @Test
  void theShippedModelIsASolrLinearModelThatRoundTrips() throws IOException {
    LinearModel shipped = LinearModel.load(Reranker.MODEL);
    String json = shipped.toJson();
    assertTrue(json.contains("\"class\" : \"org.apache.solr.ltr.model.LinearModel\""), json);
    LinearModel again = LinearModel.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals(java.util.Arrays.toString(shipped.weights()), java.util.Arrays.toString(again.weights()));
    String unknown = "{\"class\":\"org.apache.solr.ltr.model.LinearModel\",\"params\":{\"weights\":{\"clicks\":1}}}";
    IOException e = assertThrows(IOException.class,
        () -> LinearModel.parse(new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("clicks"), e.getMessage());
  }

  private static Set<String> ids(List<Hit> hits) {
    Set<String> ids = new HashSet<>();
    hits.forEach(h -> ids.add(h.id()));
    return ids;
  }

  private static String counts(SearchResponse response) {
    StringBuilder s = new StringBuilder();
    response.facets().forEach((dim, values) -> {
      s.append(dim).append(':');
      for (FacetValue v : values) {
        s.append(v.value()).append('=').append(v.count()).append(',');
      }
    });
    return s.toString();
  }
}
