package loupe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import loupe.Fixtures;
import loupe.Loupe;
import loupe.ingest.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document served at {@code /api/openapi.json} against real answers of a real server:
 * every documented operation and status is provoked, each answer is validated (JSON Schema 2020-12,
 * as OpenAPI 3.1 uses) against the schema declared for its status and media type, and no answer
 * may carry a field the schema does not declare. An integration test: it starts two servers on
 * free loopback ports over indexes on disk.
 */
class OpenApiContractIT {

  private static final String TOKEN = "token";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where the validator finds the served document; never fetched, the factory is given its text. */
  private static final String DOCUMENT_URI = "https://loupe.invalid/api/openapi.json";

  /** Documented answers this test does not provoke, each with the reason. */
  private static final Map<String, String> NOT_PROVOKED = Map.of(
      "POST /api/documents 413", "needs a body over 64 MB, beyond the bounded traffic of a test");

  @TempDir static Path dir;
  private static Loupe loupe;
  private static Loupe noTokenLoupe;
  private static LoupeServer server;
  private static LoupeServer noTokenServer;
  private static JsonNode document;
  private static JsonSchemaFactory schemas;
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Each exchange is sent once (writes are not repeatable) and both checks read its answer. */
  private static final Map<Exchange, Answer> answers = new HashMap<>();

  /** Who sends a request: anonymous, with the server's token, with a wrong one, or to a server without a token. */
  enum Caller { ANONYMOUS, TOKEN, WRONG_TOKEN, SERVER_WITHOUT_TOKEN }

  /**
   * One request and the status it should get.
   *
   * @param template the documented path, as in the document's {@code paths}
   * @param target the path and query actually requested
   * @param scenario what the request provokes, checked by {@code reached} on the parsed answer
   *     (JSON Lines answers are parsed as an array of their lines)
   */
  record Exchange(String method, String template, String target, Caller caller, String contentType, String body,
      int status, String scenario, Predicate<JsonNode> reached) {

    String operation() {
      return method + " " + template;
    }

    @Override
    public String toString() {
      return operation() + " " + status + ": " + scenario;
    }
  }

  /** What the server answered: status, media type without parameters, body. */
  record Answer(int status, String mediaType, String body) {}

  private static final List<Exchange> EXCHANGES = List.of(
      get("/api/search", "/api/search?q=Poutine", 200, "a query with hits and snippets",
          b -> b.path("hits").size() > 0 && b.path("hits").get(0).path("snippets").size() > 0),
      get("/api/search", "/api/search?q=Poutine&country=Russie&person=Vladimir%20Poutine&sort=date"
          + "&date_from=2020-01-01&date_to=2025-12-31&from=0&size=5&facet_size=5&autocorrect=false", 200,
          "every filter, sort and page parameter",
          b -> b.path("total").asInt() > 0 && selected(b, "country", "Russie") && selected(b, "person", "Vladimir Poutine")),
      get("/api/search", "/api/search?q=Zelenski", 200, "a misspelt query gets a correction",
          b -> b.path("correction").isObject() && b.path("correction").path("applied").asBoolean()),
      get("/api/search", "/api/search?q=Poutine%20m%C3%A9t%C3%A9o", 200, "no article has every word: relaxed",
          b -> b.path("relaxed").asBoolean()),
      get("/api/search", "/api/search?country_prefix=cor&person_prefix=kim", 200, "facet values filtered by prefix",
          b -> b.path("facets").path("country").size() > 0 && b.path("facets").path("person").size() > 0),
      get("/api/search", "/api/search?size=20", 200, "every article, one without date, url or source",
          b -> StreamSupport.stream(b.path("hits").spliterator(), false).anyMatch(h -> h.path("date").isNull())),
      get("/api/search", "/api/search?q=Poutine&size=1000", 400, "size beyond the limit",
          b -> b.path("error").path("parameter").asText().equals("size")),
      get("/api/search", "/api/search?date_from=hier", 400, "a date that is not a date", b -> true),
      get("/api/search", "/api/search?size=2&sort=oldest&search_after=*", 200, "the first page of a cursor walk",
          b -> b.path("hits").size() == 2 && b.path("next_search_after").isTextual()),
      get("/api/search", "/api/search?from=2&search_after=*", 400, "a cursor with from",
          b -> b.path("error").path("parameter").asText().equals("search_after")),

      post("/api/search", "/api/search", Caller.ANONYMOUS, "application/json",
          "{\"q\": \"Poutine\", \"country\": [\"Russie\"], \"person\": \"Vladimir Poutine\", \"from\": 0, \"size\": 3,"
              + " \"sort\": \"relevance\", \"date_from\": \"2020-01-01\", \"date_to\": \"2025-12-31\", \"facet_size\": 5,"
              + " \"autocorrect\": true, \"country_prefix\": \"ru\", \"person_prefix\": \"vla\"}",
          200, "every field of the JSON request", b -> b.path("total").asInt() > 0),
      post("/api/search", "/api/search", Caller.ANONYMOUS, "application/json", "{\"q\": \"Zelenski\"}",
          200, "a misspelt query gets a correction", b -> b.path("correction").isObject()),
      post("/api/search", "/api/search", Caller.ANONYMOUS, "application/json", "{\"search_after\": \"*\", \"size\": 100}",
          200, "a cursor walk in one page: no next cursor", b -> b.path("hits").size() > 0 && !b.has("next_search_after")),
      post("/api/search", "/api/search", Caller.ANONYMOUS, "application/json", "{\"q\": \"Poutine\", \"colour\": 1}",
          400, "an unknown field", b -> b.path("error").path("parameter").asText().equals("colour")),
      post("/api/search", "/api/search", Caller.ANONYMOUS, "application/json", "{\"q\": ",
          400, "a body that is not JSON", b -> true),

      get("/api/documents/{id}", "/api/documents/fx-1", 200, "an article with person and country mentions",
          b -> b.path("mentions").size() > 0),
      get("/api/documents/{id}", "/api/documents/fx-8", 200, "an article without date, url or source",
          b -> b.path("date").isNull() && b.path("url").isNull()),
      get("/api/documents/{id}", "/api/documents/no-such-id", 404, "an unknown id", b -> true),

      get("/api/documents/{id}/related", "/api/documents/fx-1/related?size=3", 200, "related articles",
          b -> b.path("hits").size() > 0),
      get("/api/documents/{id}/related", "/api/documents/fx-1/related?size=0", 400, "size out of range", b -> true),
      get("/api/documents/{id}/related", "/api/documents/no-such-id/related", 404, "an unknown id", b -> true),

      get("/api/documents", "/api/documents?format=jsonl", 200, "every article, one per line",
          b -> b.size() >= Fixtures.articles().size()),
      get("/api/documents", "/api/documents", 200, "the default format", b -> b.size() > 0),
      get("/api/documents", "/api/documents?format=csv", 400, "an unsupported format", b -> true),

      post("/api/documents", "/api/documents", Caller.TOKEN, "application/json",
          "{\"id\": \"posted-1\", \"title\": \"Un article envoyé\", \"body\": \"Olaf Scholz à Berlin.\", \"date\": \"2024-06-19\"}",
          200, "one article", b -> b.path("added").asInt() == 1),
      post("/api/documents", "/api/documents", Caller.TOKEN, "application/json",
          "[{\"id\": \"posted-2\", \"body\": \"Un.\"}, {\"id\": 3, \"text\": \"Deux.\"}]",
          200, "an array, with a numeric id and text for body", b -> b.path("indexed").asInt() == 2),
      post("/api/documents", "/api/documents", Caller.TOKEN, "application/x-ndjson",
          "{\"id\": \"posted-4\", \"body\": \"Un.\"}\n{\"id\": \"posted-4\", \"body\": \"Deux.\"}\nnot json\n",
          200, "JSON Lines with a duplicate id and a bad line",
          b -> b.path("rejections").size() == 1 && b.path("duplicate_ids").size() == 1),
      post("/api/documents", "/api/documents", Caller.TOKEN, "application/json", "{\"title\": \"sans id ni texte\"}",
          400, "nothing indexable: the report inside the error envelope", b -> b.path("error").has("rejections")),
      post("/api/documents", "/api/documents", Caller.TOKEN, "application/json", "  ",
          400, "an empty body: an error", b -> b.has("error")),
      post("/api/documents", "/api/documents", Caller.ANONYMOUS, "application/json", "{\"id\": \"x\", \"body\": \"x\"}",
          401, "no token", b -> true),
      post("/api/documents", "/api/documents", Caller.WRONG_TOKEN, "application/json", "{\"id\": \"x\", \"body\": \"x\"}",
          401, "a wrong token", b -> true),
      post("/api/documents", "/api/documents", Caller.SERVER_WITHOUT_TOKEN, "application/json",
          "{\"id\": \"x\", \"body\": \"x\"}", 403, "writes disabled", b -> true),

      send("DELETE", "/api/documents/{id}", "/api/documents/to-delete", Caller.TOKEN, 200, "an existing article",
          b -> b.path("deleted").asBoolean()),
      send("DELETE", "/api/documents/{id}", "/api/documents/no-such-id", Caller.TOKEN, 404, "an unknown id", b -> true),
      send("DELETE", "/api/documents/{id}", "/api/documents/fx-1", Caller.ANONYMOUS, 401, "no token", b -> true),
      send("DELETE", "/api/documents/{id}", "/api/documents/fx-1", Caller.SERVER_WITHOUT_TOKEN, 403, "writes disabled",
          b -> true),

      get("/api/suggest", "/api/suggest?q=pou", 200, "completions", b -> b.path("suggestions").size() > 0),
      get("/api/suggest", "/api/suggest", 200, "no text typed yet", b -> b.path("suggestions").isEmpty()),
      get("/api/suggest", "/api/suggest?q=pou&size=51", 400, "size out of range", b -> true),

      get("/api/health", "/api/health", 200, "the server is up", b -> b.path("documents").asInt() > 0),
      get("/api/openapi.json", "/api/openapi.json", 200, "the document itself", b -> b.has("paths")));

  static List<Exchange> exchanges() {
    return EXCHANGES;
  }

  static List<Exchange> acceptedExchanges() {
    return EXCHANGES.stream().filter(e -> e.status() / 100 == 2).toList();
  }

  private static Exchange get(String template, String target, int status, String scenario, Predicate<JsonNode> reached) {
    return new Exchange("GET", template, target, Caller.ANONYMOUS, null, null, status, scenario, reached);
  }

  private static Exchange post(String template, String target, Caller caller, String contentType, String body,
      int status, String scenario, Predicate<JsonNode> reached) {
    return new Exchange("POST", template, target, caller, contentType, body, status, scenario, reached);
  }

  private static Exchange send(String method, String template, String target, Caller caller, int status,
      String scenario, Predicate<JsonNode> reached) {
    return new Exchange(method, template, target, caller, null, null, status, scenario, reached);
  }

  private static boolean selected(JsonNode body, String facet, String value) {
    return StreamSupport.stream(body.path("facets").path(facet).spliterator(), false)
        .anyMatch(v -> v.path("value").asText().equals(value) && v.path("selected").asBoolean());
  }

  @BeforeAll
  static void start() throws Exception {
    loupe = Loupe.open(dir.resolve("index"));
    List<Article> articles = new ArrayList<>(Fixtures.articles());
    articles.add(new Article("to-delete", "Un article à supprimer", "Le test de contrat le supprime.", null, null, null));
    loupe.index(articles);
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), TOKEN));
    noTokenLoupe = Loupe.open(dir.resolve("no-token"));
    noTokenServer = LoupeServer.start(noTokenLoupe, new ServerConfig("127.0.0.1", 0, List.of(), null));

    HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(base(server) + "/api/openapi.json"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, served.statusCode());
    document = JSON.readTree(served.body());
    String text = served.body();
    // The document's own top-level keys are OpenAPI, not JSON Schema: known, so not warned about.
    JsonMetaSchema openApi = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
        .keywords(Stream.of("openapi", "info", "servers", "paths", "components", "security", "tags", "webhooks")
            .map(NonValidationKeyword::new).toList())
        .build();
    schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
        .metaSchema(openApi)
        .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, text))));
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (noTokenServer != null) {
      noTokenServer.close();
    }
    if (loupe != null) {
      loupe.close();
    }
    if (noTokenLoupe != null) {
      noTokenLoupe.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void realAnswerMatchesTheSchemaDocumentedForItsStatus(Exchange exchange) throws Exception {
    Answer answer = answer(exchange);
    assertEquals(exchange.status(), answer.status(), exchange + ": " + answer.body());
    String schemaPointer = documentedSchema(exchange, answer);
    List<JsonNode> instances = instances(answer);
    JsonNode parsed = answer.mediaType().equals("application/x-ndjson") ? JSON.valueToTree(instances) : instances.get(0);
    assertTrue(exchange.reached().test(parsed), "the request did not provoke « " + exchange.scenario() + " »: " + answer.body());
    if (schemaPointer == null) {
      return;
    }
    JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + schemaPointer));
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      for (ValidationMessage m : schema.validate(instances.get(i))) {
        errors.add((instances.size() > 1 ? "line " + (i + 1) + " " : "") + m.getMessage());
      }
    }
    assertTrue(errors.isEmpty(), exchange + " does not match " + schemaPointer + ":\n  " + String.join("\n  ", errors)
        + "\nanswer: " + abbreviate(answer.body()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void realAnswerHasNoFieldItsSchemaLeavesOut(Exchange exchange) throws Exception {
    Answer answer = answer(exchange);
    String schemaPointer = documentedSchema(exchange, answer);
    if (schemaPointer == null) {
      return;
    }
    JsonNode schema = document.at(schemaPointer);
    Set<String> undocumented = new TreeSet<>();
    for (JsonNode instance : instances(answer)) {
      undocumentedFields(schema, instance, "$", undocumented);
    }
    assertTrue(undocumented.isEmpty(), exchange + " has fields that " + schemaPointer + " does not declare: "
        + undocumented + "\nanswer: " + abbreviate(answer.body()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedExchanges")
  void requestTheServerAcceptsMatchesTheDocumentedParametersAndBody(Exchange exchange) throws Exception {
    String operationPointer = "/paths/" + escape(exchange.template()) + "/" + exchange.method().toLowerCase(Locale.ROOT);
    List<String> errors = new ArrayList<>();
    Map<String, List<String>> query = queryParameters(exchange.target());
    JsonNode parameters = document.at(operationPointer + "/parameters");
    for (Map.Entry<String, List<String>> given : query.entrySet()) {
      int index = -1;
      for (int i = 0; i < parameters.size(); i++) {
        JsonNode p = parameters.get(i);
        if (p.path("in").asText().equals("query") && p.path("name").asText().equals(given.getKey())) {
          index = i;
        }
      }
      if (index < 0) {
        errors.add("query parameter '" + given.getKey() + "' is not documented");
        continue;
      }
      String schemaPointer = operationPointer + "/parameters/" + index + "/schema";
      JsonNode value = queryValue(document.at(schemaPointer), given.getValue());
      for (ValidationMessage m : schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + schemaPointer)).validate(value)) {
        errors.add("query parameter '" + given.getKey() + "': " + m.getMessage());
      }
    }
    if (exchange.body() != null) {
      String contentPointer = operationPointer + "/requestBody/content/" + escape(exchange.contentType());
      if (document.at(contentPointer).isMissingNode()) {
        errors.add("request media type " + exchange.contentType() + " is not documented");
      } else {
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + contentPointer + "/schema"));
        List<String> values = exchange.contentType().equals("application/x-ndjson")
            ? exchange.body().lines().filter(l -> !l.isBlank()).toList() : List.of(exchange.body());
        for (String value : values) {
          JsonNode parsed;
          try {
            parsed = JSON.readTree(value);
          } catch (IOException notJson) {
            continue; // a bad line the server rejected in its report, as the document says it does
          }
          for (ValidationMessage m : schema.validate(parsed)) {
            errors.add("request body " + value + ": " + m.getMessage());
          }
        }
      }
    }
    assertTrue(errors.isEmpty(), exchange + " was accepted, but the document does not allow the request:\n  "
        + String.join("\n  ", errors));
  }

  @Test
  void schemaChecksCatchAnswersThatBreakTheDocument() throws IOException {
    String searchOk = "/paths/~1api~1search/get/responses/200/content/application~1json/schema";
    JsonSchema search = schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + searchOk));
    assertFalse(search.validate(JSON.readTree("{\"total\": \"many\"}")).isEmpty(), "a wrong type and missing fields");
    JsonSchema error = schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#/components/responses/Error/content/application~1json/schema"));
    assertFalse(error.validate(JSON.readTree("{\"error\": {\"status\": \"x\", \"message\": \"m\"}}")).isEmpty(),
        "a status that is not an integer");
    assertTrue(error.validate(JSON.readTree("{\"error\": {\"status\": 400, \"message\": \"m\"}}")).isEmpty());

    JsonNode answer = JSON.readTree("{\"extra\": 1, \"hits\": [{\"id\": \"a\", \"snippet\": \"x\"}],"
        + " \"correction\": {\"original\": \"a\", \"corrected\": \"b\", \"applied\": true, \"why\": \"x\"}}");
    Set<String> undocumented = new TreeSet<>();
    undocumentedFields(document.at(searchOk), answer, "$", undocumented);
    assertEquals(Set.of("$.correction.why", "$.extra", "$.hits[0].snippet"), undocumented);
  }

  @Test
  void everyDocumentedOperationAndStatusIsProvoked() {
    Set<String> provoked = new LinkedHashSet<>();
    EXCHANGES.forEach(e -> provoked.add(e.operation() + " " + e.status()));
    List<String> missing = new ArrayList<>();
    document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      if (!operation.getValue().has("responses")) {
        return;
      }
      operation.getValue().get("responses").fieldNames().forEachRemaining(status -> {
        String key = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status;
        if (!provoked.contains(key) && !NOT_PROVOKED.containsKey(key)) {
          missing.add(key);
        }
      });
    }));
    assertEquals(List.of(), missing, "documented answers that no exchange provokes");
  }

  /** Sends the exchange once; later checks read the same answer. */
  private static Answer answer(Exchange exchange) throws Exception {
    Answer known = answers.get(exchange);
    if (known != null) {
      return known;
    }
    LoupeServer target = exchange.caller() == Caller.SERVER_WITHOUT_TOKEN ? noTokenServer : server;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(target) + exchange.target()))
        .timeout(Duration.ofSeconds(30))
        .method(exchange.method(), exchange.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(exchange.body(), StandardCharsets.UTF_8));
    if (exchange.contentType() != null) {
      request.header("Content-Type", exchange.contentType());
    }
    switch (exchange.caller()) {
      case TOKEN, SERVER_WITHOUT_TOKEN -> request.header("Authorization", "Bearer " + TOKEN);
      case WRONG_TOKEN -> request.header("Authorization", "Bearer not-the-" + TOKEN);
      case ANONYMOUS -> { }
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String mediaType = response.headers().firstValue("Content-Type").orElse("")
        .split(";")[0].strip().toLowerCase(Locale.ROOT);
    Answer answer = new Answer(response.statusCode(), mediaType, response.body());
    answers.put(exchange, answer);
    return answer;
  }

  /**
   * The JSON pointer of the schema the document declares for this answer's status and media type,
   * or {@code null} when it declares the media type without a schema; fails when either is undocumented.
   */
  private static String documentedSchema(Exchange exchange, Answer answer) {
    String operationPointer = "/paths/" + escape(exchange.template()) + "/" + exchange.method().toLowerCase(Locale.ROOT);
    assertFalse(document.at(operationPointer).isMissingNode(), exchange.operation() + " is not documented");
    String responsePointer = operationPointer + "/responses/" + answer.status();
    JsonNode response = document.at(responsePointer);
    if (response.isMissingNode()) {
      fail(exchange + ": status " + answer.status() + " is not documented; documented: "
          + names(document.at(operationPointer + "/responses")) + "\nanswer: " + abbreviate(answer.body()));
    }
    if (response.has("$ref")) {
      responsePointer = response.get("$ref").asText().substring(1);
      response = document.at(responsePointer);
    }
    JsonNode content = response.path("content");
    if (!content.has(answer.mediaType())) {
      fail(exchange + ": media type '" + answer.mediaType() + "' is not documented for status " + answer.status()
          + "; documented: " + names(content));
    }
    JsonNode media = content.get(answer.mediaType());
    return media.has("schema") ? responsePointer + "/content/" + escape(answer.mediaType()) + "/schema" : null;
  }

  /** The JSON values of an answer: one per line for JSON Lines, else the body. */
  private static List<JsonNode> instances(Answer answer) throws IOException {
    if (!answer.mediaType().equals("application/x-ndjson")) {
      return List.of(JSON.readTree(answer.body()));
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : answer.body().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  /**
   * Collects the object fields of {@code instance} that {@code schema} does not declare, following
   * local {@code $ref}s into the document and the {@code allOf}, {@code oneOf} and {@code anyOf}
   * branches that fit the instance.
   */
  private static void undocumentedFields(JsonNode schema, JsonNode instance, String at, Set<String> out) {
    List<JsonNode> applicable = applicable(schema, instance);
    if (instance.isObject()) {
      Map<String, JsonNode> declared = new LinkedHashMap<>();
      JsonNode additional = null;
      boolean constrained = false;
      for (JsonNode s : applicable) {
        if (s.has("properties")) {
          constrained = true;
          s.get("properties").properties().forEach(f -> declared.putIfAbsent(f.getKey(), f.getValue()));
        }
        if (s.has("additionalProperties")) {
          constrained = true;
          additional = s.get("additionalProperties").isObject() ? s.get("additionalProperties") : additional;
        }
      }
      if (!constrained) {
        return;
      }
      for (Map.Entry<String, JsonNode> field : instance.properties()) {
        JsonNode fieldSchema = declared.getOrDefault(field.getKey(), additional);
        if (fieldSchema == null) {
          out.add(at + "." + field.getKey());
        } else {
          undocumentedFields(fieldSchema, field.getValue(), at + "." + field.getKey(), out);
        }
      }
    } else if (instance.isArray()) {
      applicable.stream().filter(s -> s.has("items")).findFirst().ifPresent(s -> {
        for (int i = 0; i < instance.size(); i++) {
          undocumentedFields(s.get("items"), instance.get(i), at + "[" + i + "]", out);
        }
      });
    }
  }

  private static List<JsonNode> applicable(JsonNode schema, JsonNode instance) {
    JsonNode resolved = resolve(schema);
    List<JsonNode> out = new ArrayList<>();
    out.add(resolved);
    resolved.path("allOf").forEach(branch -> out.addAll(applicable(branch, instance)));
    for (String key : List.of("oneOf", "anyOf")) {
      resolved.path(key).forEach(branch -> {
        if (fits(resolve(branch), instance)) {
          out.addAll(applicable(branch, instance));
        }
      });
    }
    return out;
  }

  /** Whether a branch's declared type and required fields fit the instance (enough to pick a oneOf branch here). */
  private static boolean fits(JsonNode schema, JsonNode instance) {
    JsonNode type = schema.get("type");
    if (type != null) {
      Set<String> types = new LinkedHashSet<>();
      if (type.isArray()) {
        type.forEach(t -> types.add(t.asText()));
      } else {
        types.add(type.asText());
      }
      String actual = instance.isObject() ? "object" : instance.isArray() ? "array" : instance.isNull() ? "null"
          : instance.isTextual() ? "string" : instance.isBoolean() ? "boolean"
          : instance.isIntegralNumber() ? "integer" : "number";
      if (!types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
        return false;
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (!instance.has(required.asText())) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
      String ref = current.get("$ref").asText();
      assertTrue(ref.startsWith("#/"), "only local references are followed: " + ref);
      current = document.at(ref.substring(1));
      assertFalse(current.isMissingNode(), "dangling reference " + ref);
    }
    return current;
  }

  private static Map<String, List<String>> queryParameters(String target) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    int q = target.indexOf('?');
    if (q >= 0) {
      for (String pair : target.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        params.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return params;
  }

  /** A query parameter's text as the JSON value its schema types it as, so the schema can judge it. */
  private static JsonNode queryValue(JsonNode schema, List<String> values) {
    String type = resolve(schema).path("type").asText();
    if (type.equals("array")) {
      ArrayNode array = JSON.createArrayNode();
      JsonNode items = resolve(schema).path("items");
      values.forEach(v -> array.add(queryValue(items, List.of(v))));
      return array;
    }
    String value = values.get(0);
    if (type.equals("integer") && value.matches("-?\\d{1,18}")) {
      return JSON.getNodeFactory().numberNode(Long.parseLong(value));
    }
    if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
      return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
    }
    return JSON.getNodeFactory().textNode(value);
  }

  private static String escape(String pointerToken) {
    return pointerToken.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String base(LoupeServer s) {
    return "http://127.0.0.1:" + s.port();
  }

  private static String abbreviate(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }
}
