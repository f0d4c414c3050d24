package loupe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import loupe.Fixtures;
import loupe.Loupe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API on a real server on a free loopback port, over a real index, through a real client. */
class LoupeServerIT {

  private static final String TOKEN = "s3cret-token-for-tests";
  private static final String ORIGIN = "http://allowed.example";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Loupe loupe;
  private static LoupeServer server;
  private static LoupeServer readOnlyServer;
  private static Loupe otherLoupe;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    loupe = Loupe.open(dir.resolve("index"));
    loupe.index(Fixtures.articles());
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(ORIGIN), TOKEN));
    otherLoupe = Loupe.open(dir.resolve("other"));
    readOnlyServer = LoupeServer.start(otherLoupe, new ServerConfig("127.0.0.1", 0, List.of(), null));
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    readOnlyServer.close();
    loupe.close();
    otherLoupe.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(server, path)).GET().build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static URI uri(LoupeServer s, String path) {
    return URI.create("http://127.0.0.1:" + s.port() + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  private static void assertError(HttpResponse<String> r, int status, String mentions) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
    JsonNode error = json(r).get("error");
    assertEquals(status, error.get("status").asInt());
    assertTrue(error.get("message").asText().contains(mentions), error.toString());
    assertFalse(r.body().contains("Exception"), "no stack trace or class name: " + r.body());
  }

  @Test
  void healthCountsDocuments() throws Exception {
    JsonNode health = json(get("/api/health"));
    assertEquals("ok", health.get("status").asText());
    assertEquals(loupe.count(), health.get("documents").asLong());
    assertTrue(health.get("documents").asLong() >= Fixtures.articles().size());
  }

  @Test
  void searchAnswersTheContractShape() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + enc("Poutine") + "&size=5");
    assertEquals(200, r.statusCode());
    String contentType = r.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(" ", "");
    assertEquals("application/json;charset=utf-8", contentType);
    JsonNode body = json(r);
    assertTrue(body.get("total").asInt() >= 2);
    assertTrue(body.has("took_ms"));
    JsonNode hit = body.get("hits").get(0);
    for (String field : List.of("id", "title", "date", "url", "source", "score", "snippets", "persons", "countries")) {
      assertTrue(hit.has(field), "hit has " + field + ": " + hit);
    }
    assertTrue(hit.get("snippets").toString().contains("<mark>Poutine</mark>"), hit.toString());
    assertTrue(body.get("facets").has("country"));
    assertTrue(body.get("facets").has("person"));
  }

  @Test
  void repeatedCountryParametersAreOred() throws Exception {
    int russia = json(get("/api/search?country=Russie")).get("total").asInt();
    int both = json(get("/api/search?country=Russie&country=" + enc("États-Unis"))).get("total").asInt();
    assertTrue(both > russia, both + " > " + russia);
  }

  @Test
  void postSearchTakesTheSameRequestAsJson() throws Exception {
    String body = "{\"q\": \"Poutine\", \"country\": [\"Russie\"], \"size\": 2}";
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, "/api/search"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(json(get("/api/search?q=Poutine&country=Russie&size=2")).get("total"), json(r).get("total"));
  }

  @Test
  void badParametersAnswer400NamingTheParameter() throws Exception {
    assertError(get("/api/search?size=abc"), 400, "size");
    assertError(get("/api/search?size=100000"), 400, "size");
    assertError(get("/api/search?from=-1"), 400, "from");
    assertError(get("/api/search?sort=popularity"), 400, "sort");
    assertError(get("/api/search?date_from=hier"), 400, "date_from");
    assertError(get("/api/search?date_from=2024-02-01&date_to=2024-01-01"), 400, "date_from");
    assertError(get("/api/search?size=1&size=2"), 400, "size");
    assertError(send(HttpRequest.newBuilder(uri(server, "/api/search"))
        .POST(HttpRequest.BodyPublishers.ofString("[1, 2]")).build()), 400, "body");
    assertError(send(HttpRequest.newBuilder(uri(server, "/api/search"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"q\": ")).build()), 400, "JSON");
  }

  @Test
  void strayQueryCharactersAreNotErrors() throws Exception {
    for (String q : List.of("\"Poutine", "(Russie", "-", "*", "?", "~", "title:Poutine", "/re.*/", "Poutine~2", "\u0001Poutine")) {
      assertEquals(200, get("/api/search?q=" + enc(q)).statusCode(), q);
    }
  }

  @Test
  void unknownDocumentAndPathAreJson404() throws Exception {
    assertError(get("/api/documents/nope"), 404, "nope");
    assertError(get("/api/nothing-here"), 404, "/api/nothing-here");
  }

  @Test
  void documentHasItsEntitiesWithOffsetsIntoTheBody() throws Exception {
    JsonNode doc = json(get("/api/documents/fx-1"));
    assertEquals("fx-1", doc.get("id").asText());
    String body = doc.get("body").asText();
    assertFalse(doc.get("mentions").isEmpty());
    for (JsonNode m : doc.get("mentions")) {
      assertEquals(m.get("text").asText(), body.substring(m.get("start").asInt(), m.get("end").asInt()));
    }
  }

  @Test
  void exportStreamsEveryArticleAsJsonLines() throws Exception {
    HttpResponse<String> r = get("/api/documents?format=jsonl");
    assertEquals(200, r.statusCode());
    List<String> ids = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    assertEquals(loupe.count(), ids.size());
  }

  @Test
  void writesNeedTheToken() throws Exception {
    String article = "{\"id\": \"w-1\", \"title\": \"Écrit par l’API\", \"body\": \"Un article sur la Chine et Xi Jinping.\"}";
    HttpRequest.Builder post = HttpRequest.newBuilder(uri(server, "/api/documents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article));
    assertError(send(post.copy().build()), 401, "token");
    assertError(send(post.copy().header("Authorization", "Bearer wrong").build()), 401, "token");

    HttpResponse<String> ok = send(post.copy().header("Authorization", "Bearer " + TOKEN).build());
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(1, json(ok).get("indexed").asInt());
    // Near-real-time: searchable right after the write, without a restart.
    assertEquals(1, json(get("/api/search?q=" + enc("Écrit par l’API"))).get("total").asInt());

    HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri(server, "/api/documents/w-1"))
        .header("Authorization", "Bearer " + TOKEN).DELETE().build());
    assertEquals(200, deleted.statusCode());
    assertEquals(404, get("/api/documents/w-1").statusCode());
  }

  @Test
  void bulkJsonLinesReportsBadLinesAndIndexesTheOthers() throws Exception {
    String body = "{\"id\": \"b-1\", \"body\": \"Premier.\"}\nnot json\n{\"id\": \"b-2\"}\n{\"id\": \"b-3\", \"body\": \"Troisième.\"}\n";
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, "/api/documents"))
        .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = json(r);
    assertEquals(2, report.get("indexed").asInt());
    assertEquals(2, report.get("rejected").asInt());
    assertEquals(2, report.get("rejections").get(0).get("line").asInt());
    assertEquals(3, report.get("rejections").get(1).get("line").asInt());
  }

  @Test
  void withoutAConfiguredTokenWritesAreDisabledAndSaySo() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(readOnlyServer, "/api/documents"))
        .header("Authorization", "Bearer anything")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"x\", \"body\": \"y\"}")).build());
    assertError(r, 403, "LOUPE_API_TOKEN");
  }

  @Test
  void corsHeadersOnlyForConfiguredOrigins() throws Exception {
    HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri(server, "/api/health")).header("Origin", ORIGIN).build());
    assertEquals(ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> other = send(HttpRequest.newBuilder(uri(server, "/api/health")).header("Origin", "http://evil.example").build());
    assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> none = send(HttpRequest.newBuilder(uri(readOnlyServer, "/api/health")).header("Origin", ORIGIN).build());
    assertNull(none.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    // An unlisted origin still gets its answer (the browser enforces the missing header): Loupe's own
    // pages send their Origin on module scripts.
    assertEquals(200, other.statusCode());
    assertEquals(200, send(HttpRequest.newBuilder(uri(server, "/app.js")).header("Origin", "http://127.0.0.1:" + server.port()).build()).statusCode());

    HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri(server, "/api/search"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type").build());
    assertTrue(preflight.statusCode() == 204 || preflight.statusCode() == 200, String.valueOf(preflight.statusCode()));
    assertEquals(ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));

    HttpResponse<String> widget = send(HttpRequest.newBuilder(uri(server, "/embed/loupe-search.js")).header("Origin", "http://any.example").build());
    assertEquals(200, widget.statusCode());
    assertEquals("*", widget.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void pagesAreServedWithSecurityHeaders() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<html"), "the UI is served at /");
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
  }

  @Test
  void uiFilesComeFromTheJarWithTheirTypesAndAreRevalidatedNotRefetched() throws Exception {
    HttpResponse<String> script = get("/app.js");
    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"),
        script.headers().toString());
    assertEquals("no-cache", script.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(get("/embed/demo.html").headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    // A browser that already holds the file asks whether it changed, and gets no body back.
    String etag = script.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    HttpResponse<String> again = send(HttpRequest.newBuilder(uri(server, "/app.js")).header("If-None-Match", etag).build());
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());

    HttpResponse<String> missing = get("/no-such-file.js");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    // Only web/ is public: the rest of the classpath is not.
    assertEquals(404, get("/loupe/server/openapi.json").statusCode());
  }

  @Test
  void aWebFolderOnDiskReplacesTheUiOfTheJarForUiDevelopment() throws Exception {
    Path web = java.nio.file.Files.createDirectories(dir.resolve("web-dev"));
    java.nio.file.Files.writeString(web.resolve("index.html"), "<html><body>edited page</body></html>");
    System.setProperty(LoupeServer.WEB_DIR_PROPERTY, web.toString());
    try (LoupeServer dev = LoupeServer.start(otherLoupe, new ServerConfig("127.0.0.1", 0, List.of(), null))) {
      HttpResponse<String> page = send(HttpRequest.newBuilder(uri(dev, "/")).build());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("edited page"), page.body());
    } finally {
      System.clearProperty(LoupeServer.WEB_DIR_PROPERTY);
    }
  }

  @Test
  void everyOpenApiOperationIsServed() throws Exception {
    JsonNode spec = json(get("/api/openapi.json"));
    assertEquals("3.1.0", spec.get("openapi").asText());
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").properties().iterator();
    int checked = 0;
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<String> methods = path.getValue().fieldNames();
      while (methods.hasNext()) {
        String method = methods.next().toUpperCase();
        String concrete = path.getKey().replace("{id}", "fx-1");
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(server, concrete))
            .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}")).build());
        assertNotEquals(404, r.statusCode(), method + " " + concrete + " is documented but not served");
        assertNotEquals(405, r.statusCode(), method + " " + concrete + " is documented but not served");
        checked++;
      }
    }
    assertTrue(checked >= 9, "operations checked: " + checked);
  }
}
