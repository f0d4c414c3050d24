package loupe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import loupe.Loupe;
import loupe.ingest.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: a reader ticks organisations as they tick persons and countries, over a real server and index. */
class OrganizationFacetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static Loupe loupe;
  private static LoupeServer server;

  @BeforeAll
  static void start() throws IOException {
    loupe = Loupe.open(dir.resolve("index"));
    loupe.index(List.of(
        new Article("o1", "L'ONU alerte sur la faim", "Les Nations unies demandent une trêve au Yémen.", null, null, null),
        new Article("o2", "Grève à la SNCF", "La SNCF annule des trains; la CGT maintient son appel.", null, null, null),
        new Article("o3", "Rapport de l'ONU", "L'ONU et l'OMS s'inquiètent; la SNCF n'est pas concernée.", null, null,
            null)));
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), null));
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    loupe.close();
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    ids.sort(null);
    return ids;
  }

  private static long count(JsonNode response, String value) {
    for (JsonNode v : response.get("facets").get("organization")) {
      if (v.get("value").asText().equals(value)) {
        return v.get("count").asLong();
      }
    }
    return 0;
  }

  @Test
  void tickingAnOrganisationKeepsItsArticlesWhateverTheFormTheyUse() throws Exception {
    JsonNode r = get("/api/search?organization=" + enc("Nations unies"));
    assertEquals(List.of("o1", "o3"), ids(r));
    assertEquals(List.of("Nations unies"), JSON.convertValue(r.get("hits").get(0).get("organizations"), List.class)
        .subList(0, 1));
  }

  @Test
  void organisationCountsIgnoreTheirOwnSelection() throws Exception {
    JsonNode r = get("/api/search?organization=SNCF");
    assertEquals(List.of("o2", "o3"), ids(r));
    // Multi-select: the other organisations keep the counts they have without this tick.
    assertEquals(2, count(r, "Nations unies"));
    assertEquals(2, count(r, "SNCF"));
    JsonNode both = get("/api/search?organization=SNCF&organization=" + enc("Nations unies"));
    assertEquals(List.of("o1", "o2", "o3"), ids(both));
  }

  @Test
  void postedSearchAndDocumentsCarryOrganisations() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + "/api/search")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"organization\": [\"CGT\"]}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(List.of("o2"), ids(JSON.readTree(r.body())));
    JsonNode doc = get("/api/documents/o3");
    assertTrue(doc.get("organizations").toString().contains("Organisation mondiale de la santé"), doc.toString());
    boolean typed = false;
    for (JsonNode m : doc.get("mentions")) {
      typed |= m.get("type").asText().equals("ORGANIZATION") && m.get("text").asText().equals("OMS");
    }
    assertTrue(typed, doc.get("mentions").toString());
  }

  @Test
  void exportCarriesOrganisations() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/documents?format=jsonl")).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (String line : r.body().split("\n")) {
      assertTrue(JSON.readTree(line).has("organizations"), line);
    }
  }
}
