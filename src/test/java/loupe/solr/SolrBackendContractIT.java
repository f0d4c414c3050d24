package loupe.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import loupe.Fixtures;
import loupe.Loupe;
import loupe.cli.LoupeCommand;
import loupe.entities.Extractors;
import loupe.ingest.Article;
import loupe.ingest.IngestListener;
import loupe.ingest.JsonLinesSource;
import loupe.ingest.Rejection;
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
    SolrBackend backend = SolrBackend.open(target);
    backend.clear();
    Loupe loupe = Loupe.with(backend, backend, Extractors.standardOnFirstUse());
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
          SearchRequest.builder().query("comment la Corée du Nord teste-t-elle ses missiles ?").build(),
          SearchRequest.builder().query("").sort(SortOrder.OLDEST).size(20).build(),
          SearchRequest.builder().query("président").countries(List.of("Russie", "Corée du Nord"))
              .allOf(java.util.Set.of("country")).build(),
          SearchRequest.builder().query("").countries(List.of("Russie", "Ukraine")).persons(List.of("Vladimir Poutine"))
              .allOf(java.util.Set.of("person")).build(),
          SearchRequest.builder().query("").organizationPrefix("a").build(),
          SearchRequest.builder().query("Vladimir Pout").prefixLast(true).build(),
          SearchRequest.builder().query("le pré").prefixLast(true).build(),
          SearchRequest.builder().query("").dateFrom(LocalDate.of(2024, 1, 1)).dateTo(LocalDate.of(2024, 12, 31)).build(),
          SearchRequest.builder().query("").dateFrom(LocalDate.of(2024, 3, 1)).dateTo(LocalDate.of(2024, 3, 31)).build());
      for (SearchRequest request : requests) {
        SearchResponse expected = lucene.search(request);
        SearchResponse actual = loupe.search(request);
        assertEquals(expected.total(), actual.total(), request.toString());
        assertEquals(expected.facets(), actual.facets(), request.toString());
        assertEquals(ids(expected).stream().sorted().toList(), ids(actual).stream().sorted().toList(), request.toString());
        assertEquals(expected.relaxed(), actual.relaxed(), request.toString());
        assertEquals(expected.dateHistogram(), actual.dateHistogram(), request.toString());
        if (request.sort() != SortOrder.RELEVANCE) {
          assertEquals(ids(expected), ids(actual), "dates order the page: " + request);
        }
        List<String> embedded = new ArrayList<>();
        List<String> cluster = new ArrayList<>();
        lucene.export(request, a -> embedded.add(a.article().id()));
        loupe.export(request, a -> cluster.add(a.article().id()));
        assertEquals(embedded.stream().sorted().toList(), cluster.stream().sorted().toList(), "export: " + request);
      }
      assertEquals(lucene.corpusNames(), loupe.corpusNames(), "what the articles teach about their people");
      for (SortOrder sort : SortOrder.values()) {
        assertEquals(walk(lucene, sort), walk(loupe, sort), "a cursor walk by " + sort);
      }
      SearchRequest russia = SearchRequest.builder().countries(List.of("Russie")).build();
      SearchRequest russiaAndKim = SearchRequest.builder().countries(List.of("Russie", "Corée du Nord"))
          .allOf(java.util.Set.of("country")).build();
      for (String typed : List.of("pou", "Vladimir pou", "élec", "le pr", "cor", "kim", "u")) {
        for (SearchRequest context : List.of(SearchRequest.builder().build(), russia, russiaAndKim)) {
          assertEquals(lucene.suggest(typed, 8, context), loupe.suggest(typed, 8, context), typed + " " + context);
        }
      }
    }
  }

  /** The ids of a walk over every article, three a page. */
  private static List<String> walk(Loupe loupe, SortOrder sort) throws IOException {
    List<String> ids = new ArrayList<>();
    String cursor = SearchRequest.START_CURSOR;
    while (cursor != null) {
      SearchResponse page = loupe.search(SearchRequest.builder().query("").sort(sort).size(3).searchAfter(cursor).build());
      ids.addAll(ids(page));
      cursor = page.nextSearchAfter();
    }
    return ids;
  }

  /**
   * The cluster indexes exactly the tokens Loupe's own index would: the demo corpus, the fixtures
   * and, when ../shared/data is there, 300 real news articles (OrangeSum).
   */
  @Test
  void solrAnalysisIsLoupesTokenForToken() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String resource : List.of("/loupe/demo/articles.jsonl", Fixtures.ARTICLES)) {
      try (InputStream in = SolrBackendContractIT.class.getResourceAsStream(resource)) {
        texts.addAll(texts(in));
      }
    }
    int corpus = texts.size();
    Path real = Path.of("..", "shared", "data", "orangesum-news", "articles-00.jsonl");
    if (Files.isRegularFile(real)) {
      try (var lines = Files.lines(real)) {
        String sample = String.join("\n", lines.limit(300).toList());
        texts.addAll(texts(new ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8))));
      }
    }
    System.out.printf("analysis parity: %d demo and fixture texts, %d real articles%n", corpus, texts.size() - corpus);
    try (var client = SolrConnections.connect(target, java.util.Optional.empty())) {
      long tokens = 0;
      for (String text : texts) {
        List<AnalysisParity.Token> expected = AnalysisParity.loupe(text);
        assertEquals(expected, AnalysisParity.solr(client, COLLECTION, text), text.substring(0, Math.min(80, text.length())));
        tokens += expected.size();
      }
      System.out.printf("analysis parity: %d tokens identical%n", tokens);
    }
  }

  private static List<String> texts(InputStream in) throws IOException {
    List<String> texts = new ArrayList<>();
    new JsonLinesSource().read(in, "texts", new IngestListener() {
      @Override
      public void article(Article article, String location) {
        texts.add(article.title() + "\n" + article.body());
      }

      @Override
      public void rejected(Rejection rejection) {}
    });
    return texts;
  }

  /** Regression: two senders each waiting on SolrJ's parallel updates never returned (2026-12-07). */
  @Test
  void aRunOfManyBatchesIsSentInParallelAndCommittedOnce() throws Exception {
    List<Article> many = new ArrayList<>();
    for (int i = 0; i < 3 * SolrBackend.BATCH + 7; i++) {
      many.add(new Article("bulk-" + i, "Dépêche " + i, "Le conseil municipal a voté la délibération numéro " + i + ".",
          null, null, null));
    }
    var report = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return loupe.index(many);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(120, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(many.size(), report.added());
    assertEquals(Fixtures.articles().size() + many.size(), loupe.count());
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
