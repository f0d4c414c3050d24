package loupe.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import loupe.Fixtures;
import loupe.Loupe;
import loupe.entities.Extractors;
import loupe.ingest.Article;
import loupe.search.SearchRequest;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster as production runs it: Basic authentication on every request, and nodes that stop.
 * Loupe's server fronts a 2 shards × 2 replicas collection; one node, then both, are stopped under it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredClusterFaultsIT {

  static final Optional<SolrCredentials> CREDENTIALS = Optional.of(new SolrCredentials("solr", "SolrRocks"));
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static SolrTestCluster cluster;
  static SolrTarget target;
  static Loupe loupe;
  static LoupeServer server;

  @BeforeAll
  static void start() throws Exception {
    Path security = dir.resolve("security.json");
    try (InputStream in = SecuredClusterFaultsIT.class.getResourceAsStream("/loupe/solr/security.json")) {
      Files.copy(in, security, StandardCopyOption.REPLACE_EXISTING);
    }
    cluster = SolrTestCluster.start(2, security);
    target = SolrTarget.parse(cluster.zk(), "secured");
    CollectionSetup.run(target, 2, 2, CREDENTIALS);
    SolrBackend backend = SolrBackend.open(target, CREDENTIALS);
    loupe = Loupe.with(backend, backend, Extractors.standardOnFirstUse());
    loupe.index(Fixtures.articles());
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), null));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (loupe != null) {
      loupe.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  @Order(1)
  void withoutCredentialsTheClusterRefusesAndSaysWhatToSet() throws Exception {
    IOException e = assertThrows(IOException.class, () -> {
      try (var backend = SolrBackend.open(target, Optional.empty())) {
        backend.count();
      }
    });
    assertTrue(e.getMessage().contains("LOUPE_SOLR_CREDENTIALS"), e.getMessage());
  }

  @Test
  @Order(2)
  void withCredentialsLoupeSearchesTheSecuredCollection() throws Exception {
    HttpResponse<String> r = get("/api/search?q=%C3%A9lectricit%C3%A9%20Allemagne");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"fx-5\""), r.body());
  }

  @Test
  @Order(3)
  void oneNodeDownSearchesStillAnswerAndAcknowledgedWritesSurvive() throws Exception {
    long before = loupe.count();
    cluster.command("stop-node 1");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = get("/api/search?q=&size=20");
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"total\":" + before), r.body());
    }
    // A write while a node is down: once acknowledged (the commit returned), it is not lost.
    Article late = new Article("late-1", "Dépêche tardive", "Un glacier fond plus vite que prévu.",
        OffsetDateTime.parse("2025-02-01T08:00:00+01:00"), null, null);
    indexWithRetry(late);
    cluster.command("start-node 1");
    assertTrue(loupe.find("late-1").isPresent());
    assertEquals(before + 1, loupe.count());
  }

  /** A shard may be electing a new leader for a few seconds: the write fails clearly, a retry succeeds. */
  private static void indexWithRetry(Article article) throws Exception {
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        loupe.index(List.of(article));
        return;
      } catch (IOException e) {
        last = e;
        assertFalse(e.getMessage() == null || e.getMessage().isBlank());
        Thread.sleep(1000);
      }
    }
    throw last;
  }

  @Test
  @Order(4)
  void wholeClusterDownIs503JsonAndServeRecovers() throws Exception {
    cluster.command("stop-node 0");
    cluster.command("stop-node 1");
    HttpResponse<String> down = get("/api/search?q=Poutine");
    assertEquals(503, down.statusCode(), down.body());
    assertTrue(down.body().startsWith("{\"error\":{\"status\":503"), down.body());
    assertFalse(down.body().contains("Exception"), down.body());
    cluster.command("start-node 0");
    cluster.command("start-node 1");
    HttpResponse<String> back = null;
    for (int i = 0; i < 60; i++) {
      back = get("/api/search?q=Poutine");
      if (back.statusCode() == 200) {
        break;
      }
      Thread.sleep(1000);
    }
    assertEquals(200, back.statusCode(), back.body());
    assertTrue(back.body().contains("\"fx-1\""), back.body());
    assertEquals(Fixtures.articles().size() + 1, loupe.search(SearchRequest.builder().query("").build()).total());
  }
}
