package loupe.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import loupe.Loupe;
import loupe.entities.Extractors;
import loupe.search.Hit;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second stage ranks alike on SolrCloud and on the embedded index (issue 20): the demo corpus
 * in both, on a real cluster of two nodes and two shards, gives the same reranked order and
 * scores for keywords, questions, entities and named days.
 */
class RerankParityIT {

  private static final String COLLECTION = "rerank";
  private static final String CORPUS = "/loupe/demo/articles.jsonl";

  /** Typed queries of every kind the model reads: words, persons, countries, a day, a question. */
  private static final List<String> QUERIES = List.of(
      "Poutine",
      "Kim Jong Un Poutine traité",
      "élections législatives",
      "accord climat COP",
      "Zelensky au G7",
      "Qui a remporté la Palme d'or à Cannes ?",
      "Combien de titres olympiques Léon Marchand a-t-il gagnés ?",
      "quel accord a été signé à Dubaï pour sortir des énergies fossiles",
      "Macron le 10 juin dissout l'Assemblée",
      "intelligence artificielle",
      // Compounds: the joined form stacked on the first part's position is one blended term on both backends.
      "soldats nord-coréens",
      "start-up aux États-Unis");

  @TempDir static Path luceneDir;
  static SolrTestCluster cluster;
  static Loupe solr;
  static Loupe lucene;

  @BeforeAll
  static void indexTheDemoCorpusTwice() throws Exception {
    cluster = SolrTestCluster.start(2, null);
    SolrBackendContractIT.Run setup = SolrBackendContractIT.run("solr", "setup", "--solr", cluster.zk(),
        "--collection", COLLECTION, "--shards", "2", "--replicas", "1");
    assertEquals(0, setup.exit(), setup.err());
    SolrBackend backend = SolrBackend.open(SolrTarget.parse(cluster.zk(), COLLECTION));
    solr = Loupe.with(backend, backend, Extractors.standardOnFirstUse());
    lucene = Loupe.open(luceneDir);
    for (Loupe loupe : List.of(solr, lucene)) {
      try (InputStream in = RerankParityIT.class.getResourceAsStream(CORPUS)) {
        assertEquals(45, loupe.indexJsonLines(in, CORPUS).indexed());
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {solr, lucene, cluster}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void bothBackendsGiveTheSameRerankedOrderAndScores() throws Exception {
    int compared = 0;
    double largest = 0;
    for (String q : QUERIES) {
      SearchRequest request = SearchRequest.builder().query(q).size(20).facetSize(0).snippets(false).build();
      SearchResponse embedded = lucene.search(request);
      SearchResponse cloud = solr.search(request);
      assertEquals(embedded.total(), cloud.total(), q);
      assertEquals(ids(embedded), ids(cloud), q);
      for (int i = 0; i < embedded.hits().size(); i++) {
        double expected = embedded.hits().get(i).score();
        double actual = cloud.hits().get(i).score();
        assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), q + " #" + (i + 1));
        largest = Math.max(largest, Math.abs(expected - actual));
        compared++;
      }
    }
    System.out.printf("rerank parity: %d hits of %d queries in the same order, largest score difference %.2e%n",
        compared, QUERIES.size(), largest);
    assertTrue(compared > 50, "hits compared: " + compared);
  }

  @Test
  void aPageBeyondTheFirstIsTheSameSliceOfTheRerankedOrder() throws Exception {
    SearchRequest whole = SearchRequest.builder().query("accord climat COP").size(10).facetSize(0).snippets(false).build();
    SearchRequest second = SearchRequest.builder().query("accord climat COP").from(3).size(3).facetSize(0)
        .snippets(false).build();
    assertEquals(ids(solr.search(whole)).subList(3, 6), ids(solr.search(second)));
    assertEquals(ids(lucene.search(second)), ids(solr.search(second)));
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(Hit::id).toList();
  }
}
