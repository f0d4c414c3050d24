package loupe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import loupe.Loupe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of the API a tool or a careless client meets: misspelt parameters, writes that index
 * nothing, broken JSON and dates written the French way, on a real server over a real index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HonestEdgesIT {

  private static final String TOKEN = "edges-token";
  private final HttpClient http = HttpClient.newHttpClient();
  private Loupe loupe;
  private LoupeServer server;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    loupe = Loupe.open(dir);
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), TOKEN));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    loupe.close();
    http.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void aMisspeltGetParameterIsRejectedAndNamedAsPostDoes() throws Exception {
    HttpResponse<String> r = get("/api/search?q=climat&contry=Russie");
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = json(r).get("error");
    assertEquals("contry", error.get("parameter").asText());
    assertTrue(error.get("message").asText().contains("unknown parameter"), r.body());
    assertEquals(400, get("/api/suggest?q=pou&persn=x").statusCode());
    assertEquals(200, get("/api/search?q=climat&country=Russie&prefix_last=true").statusCode());
  }

  @Test
  void aWriteThatIndexesNothingAnswersTheErrorEnvelopeWithItsReport() throws Exception {
    HttpResponse<String> r = post("/api/documents", "application/x-ndjson", "{\"title\": \"sans id\"}\nnot json\n");
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = json(r).get("error");
    assertEquals(400, error.get("status").asInt());
    assertTrue(error.get("message").asText().contains("no article indexed"), r.body());
    assertEquals(2, error.get("rejections").size());
    String reason = error.get("rejections").get(1).get("reason").asText();
    assertTrue(reason.startsWith("not valid JSON at line 1, column"), reason);
    assertFalse(reason.contains("JSON String, Number"), "speaks of the request, not of Jackson: " + reason);
  }

  @Test
  void brokenJsonInASearchIsDescribedWithoutTheParserLibrarysWords() throws Exception {
    HttpResponse<String> r = post("/api/search", "application/json", "{\"q\": climat}");
    assertEquals(400, r.statusCode());
    String message = json(r).get("error").get("message").asText();
    assertTrue(message.contains("unexpected word 'climat'"), message);
    assertFalse(message.contains("Unrecognized token"), message);
  }

  @Test
  void theExportWithSearchParametersStreamsExactlyTheMatchingArticles() throws Exception {
    String lines = String.join("\n",
        "{\"id\": \"x-a\", \"body\": \"Une marée noire touche la Bretagne.\", \"date\": \"2020-01-05\"}",
        "{\"id\": \"x-b\", \"body\": \"Une marée noire touche la Galice.\", \"date\": \"2021-03-03\"}",
        "{\"id\": \"x-c\", \"body\": \"Un tout autre sujet.\", \"date\": \"2020-02-02\"}") + "\n";
    assertEquals(200, post("/api/documents", "application/x-ndjson", lines).statusCode());

    assertEquals(List.of("x-a", "x-b"), exportedIds("/api/documents?format=jsonl&q=mar%C3%A9e%20noire"));
    assertEquals(List.of("x-a"), exportedIds("/api/documents?format=jsonl&q=mar%C3%A9e&date_to=2020-12-31"));
    HttpResponse<String> misspelt = get("/api/documents?format=jsonl&qq=mar%C3%A9e");
    assertEquals(400, misspelt.statusCode());
    assertEquals("qq", json(misspelt).get("error").get("parameter").asText());
  }

  private List<String> exportedIds(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), r.body());
    List<String> ids = new java.util.ArrayList<>();
    for (String line : r.body().split("\n")) {
      if (!line.isBlank()) {
        ids.add(Json.MAPPER.readTree(line).get("id").asText());
      }
    }
    return ids.stream().sorted().toList();
  }

  @Test
  void frenchDatesAreReadAndAnUnreadableDateDropsOnlyTheDate() throws Exception {
    String lines = String.join("\n",
        "{\"id\": \"d-1\", \"body\": \"Un.\", \"date\": \"01/02/2019\"}",
        "{\"id\": \"d-2\", \"body\": \"Deux.\", \"date\": \"1er février 2019\"}",
        "{\"id\": \"d-3\", \"body\": \"Trois.\", \"date\": \"mardi 5 mars 2024\"}",
        "{\"id\": \"d-4\", \"body\": \"Quatre.\", \"date\": \"le lendemain\"}",
        "{\"id\": \"d-5\", \"body\": \"Cinq.\", \"date\": \"31/02/2019\"}") + "\n";
    HttpResponse<String> r = post("/api/documents", "application/x-ndjson", lines);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = json(r);
    assertEquals(5, report.get("indexed").asInt(), r.body());
    assertEquals(0, report.get("rejected").asInt());
    assertEquals(List.of(4, 5), List.of(report.get("warnings").get(0).get("line").asInt(),
        report.get("warnings").get(1).get("line").asInt()));
    assertTrue(report.get("warnings").get(0).get("reason").asText().contains("indexed without a date"), r.body());

    assertEquals("2019-02-01", json(get("/api/documents/d-1")).get("date").asText());
    assertEquals("2019-02-01", json(get("/api/documents/d-2")).get("date").asText());
    assertEquals("2024-03-05", json(get("/api/documents/d-3")).get("date").asText());
    assertTrue(json(get("/api/documents/d-4")).path("date").isNull(), "indexed, without its date");
    assertEquals(1, json(get("/api/search?q=" + URLEncoder.encode("Quatre", StandardCharsets.UTF_8))).get("total").asInt());
  }

  /** Issue 18: a tool walks a deep result set with search_after, GET and POST alike, each article once. */
  @Test
  void aToolWalksEveryMatchWithACursorByGetAndByPost() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      lines.append("{\"id\": \"c-").append(i).append("\", \"body\": \"Le bicentenaire de la commune.\", \"date\": \"2022-05-0")
          .append(1 + i % 2).append("\"}\n");
    }
    assertEquals(200, post("/api/documents", "application/x-ndjson", lines.toString()).statusCode());

    List<String> byGet = new java.util.ArrayList<>();
    String cursor = "*";
    while (cursor != null) {
      HttpResponse<String> r = get("/api/search?q=bicentenaire&sort=date&size=5&search_after="
          + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      assertEquals(200, r.statusCode(), r.body());
      json(r).get("hits").forEach(h -> byGet.add(h.get("id").asText()));
      cursor = json(r).hasNonNull("next_search_after") ? json(r).get("next_search_after").asText() : null;
      assertTrue(byGet.size() <= 12, byGet.toString());
    }
    assertEquals(12, byGet.size(), byGet.toString());
    assertEquals(12, new java.util.HashSet<>(byGet).size(), byGet.toString());

    List<String> byPost = new java.util.ArrayList<>();
    cursor = "*";
    while (cursor != null) {
      HttpResponse<String> r = post("/api/search", "application/json",
          "{\"q\": \"bicentenaire\", \"size\": 5, \"search_after\": " + Json.MAPPER.writeValueAsString(cursor) + "}");
      assertEquals(200, r.statusCode(), r.body());
      json(r).get("hits").forEach(h -> byPost.add(h.get("id").asText()));
      cursor = json(r).hasNonNull("next_search_after") ? json(r).get("next_search_after").asText() : null;
      assertTrue(byPost.size() <= 12, byPost.toString());
    }
    assertEquals(byGet.stream().sorted().toList(), byPost.stream().sorted().toList());

    assertFalse(json(get("/api/search?q=bicentenaire&size=5")).has("next_search_after"), "only a walk has a cursor");
    HttpResponse<String> withFrom = get("/api/search?q=bicentenaire&from=5&search_after=*");
    assertEquals(400, withFrom.statusCode());
    String message = json(withFrom).get("error").get("message").asText();
    assertTrue(message.contains("from") && message.contains("search_after"), message);
    HttpResponse<String> forged = get("/api/search?q=bicentenaire&search_after=abc");
    assertEquals(400, forged.statusCode());
    assertEquals("search_after", json(forged).get("error").get("parameter").asText());
  }

  /** Issue 18: OrangeSum's « category » is the section: a facet, a filter, on hits, documents and the export. */
  @Test
  void theSectionOrOrangeSumsCategoryIsAFacetAFilterAndAField() throws Exception {
    String lines = String.join("\n",
        "{\"id\": \"s-1\", \"body\": \"La réforme des retraites au Sénat.\", \"category\": \"politique\"}",
        "{\"id\": \"s-2\", \"body\": \"La réforme des retraites dans la rue.\", \"section\": \"societe\"}",
        "{\"id\": \"s-3\", \"body\": \"La réforme des retraites vue de Berlin.\", \"category\": \"monde\"}") + "\n";
    assertEquals(200, post("/api/documents", "application/x-ndjson", lines).statusCode());

    JsonNode all = json(get("/api/search?q=retraites"));
    assertEquals(3, all.get("facets").get("section").size(), all.toString());
    JsonNode ticked = json(get("/api/search?q=retraites&section=politique&section=societe"));
    assertEquals(2, ticked.get("total").asInt());
    assertEquals(List.of("politique", "societe"), List.of(ticked.get("hits").get(0).get("section").asText(),
        ticked.get("hits").get(1).get("section").asText()).stream().sorted().toList());
    JsonNode posted = json(post("/api/search", "application/json",
        "{\"q\": \"retraites\", \"section\": [\"politique\", \"monde\"], \"section_op\": \"and\"}"));
    assertEquals(0, posted.get("total").asInt(), posted.toString());
    assertEquals("monde", json(get("/api/documents/s-3")).get("section").asText());
    HttpResponse<String> export = get("/api/documents?format=jsonl&q=retraites&section=monde");
    assertEquals(200, export.statusCode(), export.body());
    assertEquals("monde", Json.MAPPER.readTree(export.body().strip()).get("section").asText());
  }
}
