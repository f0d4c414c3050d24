package loupe.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import loupe.Fixtures;
import loupe.Loupe;
import loupe.cli.LoupeCommand;
import loupe.entities.Extractors;
import loupe.search.BackendContract;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The backend contract on a real SolrCloud: two Solr nodes and ZooKeeper in a child JVM, a
 * collection of 2 shards × 2 replicas set up by {@code ./loupe solr setup}. One cluster for the class.
 */
class SolrBackendContractIT extends BackendContract {

  static final String COLLECTION = "contract";
  static SolrTestCluster cluster;
  static SolrTarget target;

  @TempDir static Path luceneDir;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SolrTestCluster.start(2, null);
    target = SolrTarget.parse(cluster.zk(), COLLECTION);
    String[] setup = {"solr", "setup", "--solr", cluster.zk(), "--collection", COLLECTION, "--shards", "2", "--replicas", "2"};
    Run first = run(setup);
    assertEquals(0, first.exit, first.err);
    assertTrue(first.out.contains("created collection contract (2 shards x 2 replicas)"), first.out);
    Run again = run(setup);
    assertEquals(0, again.exit, again.err);
    assertTrue(again.out.contains("already exists"), again.out);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = LoupeCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Override
  protected Loupe openWithFixtures() throws Exception {
    SolrBackend backend = (SolrBackend) SolrBackend.open(target);
    backend.clear();
    Loupe loupe = Loupe.with(backend, Extractors.standardOnFirstUse());
    loupe.index(Fixtures.articles());
    return loupe;
  }

  /** Totals, hits and every facet count as the embedded index gives them on the same articles. */
  @Test
  void countsAndHitsAreTheEmbeddedIndexOnes() throws Exception {
    try (Loupe lucene = Loupe.open(luceneDir)) {
      lucene.index(Fixtures.articles());
      List<SearchRequest> requests = List.of(
          SearchRequest.builder().query("").build(),
          SearchRequest.builder().query("président").build(),
          SearchRequest.builder().query("").countries(List.of("Russie")).build(),
          SearchRequest.builder().query("").countries(List.of("Russie", "Ukraine")).persons(List.of("Kim Jong Un")).build(),
          SearchRequest.builder().query("président").persons(List.of("Joe Biden")).sort(SortOrder.DATE).build(),
          SearchRequest.builder().query("").dateFrom(LocalDate.of(2024, 1, 1)).facetSize(1).build(),
          SearchRequest.builder().query("").personPrefix("pou").build(),
          SearchRequest.builder().query("comment la Corée du Nord teste-t-elle ses missiles ?").build());
      for (SearchRequest request : requests) {
        SearchResponse expected = lucene.search(request);
        SearchResponse actual = loupe.search(request);
        assertEquals(expected.total(), actual.total(), request.toString());
        assertEquals(expected.facets(), actual.facets(), request.toString());
        assertEquals(ids(expected).stream().sorted().toList(), ids(actual).stream().sorted().toList(), request.toString());
        assertEquals(expected.relaxed(), actual.relaxed(), request.toString());
      }
    }
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheOption() {
    Run noCollection = run("search", "--solr", cluster.zk(), "Poutine");
    assertEquals(2, noCollection.exit, noCollection.err);
    assertTrue(noCollection.err.contains("--collection"), noCollection.err);
    Run badHost = run("search", "--solr", "not a host", "--collection", COLLECTION, "Poutine");
    assertEquals(2, badHost.exit, badHost.err);
    Run missing = run("search", "--solr", cluster.zk(), "--collection", "absent", "Poutine");
    assertEquals(1, missing.exit, missing.err);
    assertTrue(missing.err.contains("./loupe solr setup"), missing.err);
  }

  @Test
  void searchCommandReadsTheCollection() {
    Run r = run("search", "--solr", cluster.zk(), "--collection", COLLECTION, "--json", "électricité", "Allemagne");
    assertEquals(0, r.exit, r.err);
    assertTrue(r.out.contains("fx-5"), r.out);
  }
}
