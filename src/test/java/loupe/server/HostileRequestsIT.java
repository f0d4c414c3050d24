package loupe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import loupe.Fixtures;
import loupe.Loupe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a careful attacker or a clumsy user sends: a clear answer, never a 500 or a stack trace. */
class HostileRequestsIT {

  private static final String TOKEN = "hostile-test-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static Loupe loupe;
  private static LoupeServer server;

  @BeforeAll
  static void start() throws IOException {
    loupe = Loupe.open(dir.resolve("index"));
    loupe.index(Fixtures.articles());
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), TOKEN));
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    loupe.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"Poutine", "Poutine\"", "((Russie", "Russie)", "-", "--", "+", "*", "?", "~", "*tine",
      "Pou*", "/Pou.*/", "Poutine~", "Poutine~0.5", "title:Poutine", "nope:Poutine", "Poutine^10", "[a TO z]",
      "{a TO z}", "AND", "OR", "NOT", "OR OR", "\"\"", "« Poutine", "\u0000\u0001\u001F", "\\", "%", "&&", "||"})
  void queryOperatorsAndStrayCharactersAreNeverErrors(String q) throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + enc(q));
    assertEquals(200, r.statusCode(), q + " → " + r.body());
    assertTrue(JSON.readTree(r.body()).has("total"));
  }

  @Test
  void hugeQueriesAreRefusedNamingTheLimit() throws Exception {
    HttpResponse<String> longQuery = get("/api/search?q=" + enc("a".repeat(10_000)));
    assertEquals(400, longQuery.statusCode());
    assertTrue(longQuery.body().contains("4096"), longQuery.body());
    StringBuilder thousandTerms = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      thousandTerms.append("mot").append(i).append(' ');
    }
    assertEquals(400, get("/api/search?q=" + enc(thousandTerms.toString())).statusCode());
    StringBuilder shortTerms = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      shortTerms.append('m').append(i).append(' ');
    }
    HttpResponse<String> many = get("/api/search?q=" + enc(shortTerms.toString()));
    assertEquals(400, many.statusCode());
    assertTrue(many.body().contains("256"), many.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"from=-5", "from=abc", "from=99999999999", "size=-1", "size=101", "size=1e3",
      "from=9999&size=10", "sort=random", "date_from=2024-13-01", "date_to=demain",
      "date_from=2024-05-01&date_to=2024-01-01", "facet_size=1000", "q=a&q=b"})
  void badParametersAre400WithTheParameterNamed(String query) throws Exception {
    HttpResponse<String> r = get("/api/search?" + query);
    assertEquals(400, r.statusCode(), query + " → " + r.body());
    JsonNode error = JSON.readTree(r.body()).get("error");
    String parameter = query.substring(0, query.indexOf('='));
    assertTrue(error.get("message").asText().contains(parameter) || parameter.equals(error.path("parameter").asText()),
        query + " → " + error);
  }

  @Test
  void unknownFacetValuesAndRepeatedFiltersAreFine() throws Exception {
    HttpResponse<String> r = get("/api/search?country=Atlantide&country=Atlantide&person=" + enc("<script>"));
    assertEquals(200, r.statusCode());
    assertEquals(0, JSON.readTree(r.body()).get("total").asInt());
  }

  @Test
  void postBodiesOfTheWrongShapeAre400() throws Exception {
    for (String body : List.of("\"texte\"", "42", "null", "[]", "{\"q\": 5}", "{\"size\": \"dix\"}",
        "{\"country\": {\"a\": 1}}", "{\"unknown\": 1}", "{", "")) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/search"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, r.statusCode(), body + " → " + r.body());
      assertFalse(r.body().contains("Exception"), r.body());
    }
  }

  @Test
  void articleTextIsEscapedInSnippetsAndQueriesAreNotReflectedAsHtml() throws Exception {
    JsonNode body = JSON.readTree(get("/api/search?q=" + enc("échappement <script>")).body());
    JsonNode hit = body.get("hits").get(0);
    String html = hit.get("title_highlighted").asText() + hit.get("snippets").toString();
    assertFalse(html.replace("<mark>", "").replace("</mark>", "").contains("<"), html);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/%2e%2e%2fpom.xml", "/..%2fpom.xml",
      "/web/../../pom.xml", "//etc/passwd", "/%2fetc%2fpasswd", "/..\\pom.xml", "/loupe/server/openapi.json/../../../pom.xml"})
  void staticFilesNeverLeaveTheWebFolder(String path) throws Exception {
    // A raw socket: HTTP clients normalise dot segments before sending.
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String status = response.lines().findFirst().orElse("");
      assertFalse(status.contains(" 200 "), path + " → " + status);
      assertFalse(response.contains("<artifactId>") || response.contains("root:x:0:0"), path + " leaked a file");
    }
  }

  @Test
  void concurrentWritesAndSearchesNeverFail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger failures = new AtomicInteger();
    try {
      List<Future<?>> tasks = new java.util.ArrayList<>();
      for (int w = 0; w < 20; w++) {
        int n = w;
        tasks.add(pool.submit(() -> {
          String article = "{\"id\": \"c-" + n + "\", \"body\": \"Article concurrent numéro " + n + " sur la Russie.\"}";
          HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/documents"))
              .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(article)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) failures.incrementAndGet();
          return null;
        }));
      }
      for (int s = 0; s < 100; s++) {
        tasks.add(pool.submit(() -> {
          if (get("/api/search?q=concurrent&country=Russie").statusCode() != 200) failures.incrementAndGet();
          return null;
        }));
      }
      for (Future<?> f : tasks) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(0, failures.get());
    assertEquals(20, JSON.readTree(get("/api/search?q=concurrent").body()).get("total").asInt());
  }

  @Test
  void writesDoNotLeakReadersOrFileHandles() throws Exception {
    // Each write commits and refreshes the searcher; a leaked reader would keep its files open.
    writeAndSearch(0, 20);
    long before = openFileDescriptors();
    writeAndSearch(20, 80);
    long after = openFileDescriptors();
    assertTrue(after - before < 40, "open files grew from " + before + " to " + after + " over 60 writes");
  }

  private static void writeAndSearch(int from, int to) throws Exception {
    for (int n = from; n < to; n++) {
      String article = "{\"id\": \"leak-" + n + "\", \"body\": \"Article numéro " + n + " sur les fuites.\"}";
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/documents"))
          .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(article)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(n + 1, JSON.readTree(get("/api/search?q=fuites&size=0").body()).get("total").asInt());
    }
  }

  private static long openFileDescriptors() throws IOException {
    try (var fds = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
