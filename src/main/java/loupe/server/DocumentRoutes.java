package loupe.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.Loupe;
import loupe.index.IndexedArticle;
import loupe.ingest.IngestReport;
import loupe.ingest.JsonSyntax;
import loupe.search.Hit;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;

/** Handlers for single articles, export and ingest. */
final class DocumentRoutes {

  private final Loupe loupe;

  DocumentRoutes(Loupe loupe) {
    this.loupe = loupe;
  }

  /** Another tool fetches one article with its entities. */
  void get(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    IndexedArticle found = loupe.find(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
    Json.send(ctx, ArticleView.of(found));
  }

  /** A reader asks for articles like the one shown: shared distinctive words and entities. */
  void related(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    int size = SearchParams.integer("size", ctx.queryParam("size"), 5);
    if (size < 1 || size > 50) {
      throw new InvalidRequestException("size", "must be between 1 and 50, got " + size);
    }
    List<Hit> hits = loupe.related(id, size).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("hits", hits);
    Json.send(ctx, body);
  }

  /** Another system takes the whole corpus with its entities, one JSON object per line, streamed. */
  void export(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    if (format != null && !format.equals("jsonl")) {
      throw new InvalidRequestException("format", "only jsonl is supported, got '" + format + "'");
    }
    // With search parameters (q, country, person, date_from…), exactly the articles that search matches.
    boolean filtered = ctx.queryParamMap().keySet().stream().anyMatch(name -> !name.equals("format"));
    SearchRequest request = filtered ? SearchParams.fromQuery(ctx.queryParamMap(), java.util.Set.of("format")) : null;
    ctx.contentType("application/x-ndjson; charset=utf-8");
    OutputStream out = ctx.outputStream();
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      gen.setRootValueSeparator(null);
      java.util.function.Consumer<IndexedArticle> write = article -> {
        try {
          Json.MAPPER.writeValue(gen, ArticleView.of(article));
          gen.writeRaw('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      if (request == null) {
        loupe.export(write);
      } else {
        loupe.export(request, write);
      }
    }
  }

  /** A writer sends articles as one JSON object, a JSON array, or JSON Lines; one commit. */
  void post(Context ctx) throws IOException {
    String contentType = ctx.contentType() == null ? "" : ctx.contentType();
    if (contentType.contains("ndjson") || contentType.contains("jsonl")) {
      // JSON Lines are streamed line by line into the index: memory stays bounded whatever the size.
      IngestReport report = loupe.indexJsonLines(ctx.bodyInputStream(), "request");
      if (report.indexed() == 0 && report.rejected() == 0) {
        throw new InvalidRequestException("body", "empty body: send one article as JSON per line");
      }
      sendReport(ctx, report);
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    IngestReport report;
    int first = firstNonBlank(body);
    if (first < 0) {
      throw new InvalidRequestException("body", "empty body: send an article as JSON, an array of them, or JSON Lines");
    }
    if (body[first] == '[') {
      report = indexArray(body);
    } else {
      // One object per line; a single object is the one-line case.
      report = loupe.indexJsonLines(new ByteArrayInputStream(body), "request");
    }
    sendReport(ctx, report);
  }

  /**
   * 200 with the report when something was indexed (as Elasticsearch's bulk API does); a write that
   * indexed nothing is an error, with the per-line report inside the error envelope.
   */
  private static void sendReport(Context ctx, IngestReport report) {
    if (report.rejected() > 0 && report.indexed() == 0) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("status", 400);
      error.put("message", "no article indexed: " + (report.rejected() == 1 ? "the record was" : "all " + report.rejected() + " records were")
          + " rejected; 'rejections' says why, line by line");
      error.putAll(reportView(report));
      Json.send(ctx, 400, Map.of("error", error));
    } else {
      Json.send(ctx, 200, reportView(report));
    }
  }

  private IngestReport indexArray(byte[] body) throws IOException {
    JsonNode array;
    try {
      array = Json.MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidRequestException("body", JsonSyntax.describe(e));
    }
    // Re-encode as JSON Lines so the array goes through the same per-record checks and report.
    StringBuilder lines = new StringBuilder();
    for (JsonNode item : array) {
      lines.append(Json.MAPPER.writeValueAsString(item).replace("\n", " ")).append('\n');
    }
    InputStream in = new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8));
    return loupe.indexJsonLines(in, "request");
  }

  /** A writer deletes one article. */
  void delete(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    if (!loupe.delete(id)) {
      throw new NotFoundResponse("no article with id '" + id + "'");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("deleted", true);
    Json.send(ctx, body);
  }

  private static int firstNonBlank(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (!Character.isWhitespace(body[i]) && body[i] != (byte) 0xEF && body[i] != (byte) 0xBB && body[i] != (byte) 0xBF) {
        return i;
      }
    }
    return -1;
  }

  static Map<String, Object> reportView(IngestReport report) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("indexed", report.indexed());
    body.put("added", report.added());
    body.put("updated", report.updated());
    body.put("rejected", report.rejected());
    body.put("rejections", report.rejections().stream().map(r -> Map.of(
        "line", r.line(), "reason", r.reason())).toList());
    body.put("duplicate_ids", report.duplicateIds());
    body.put("warnings", report.warnings().stream().map(w -> Map.of(
        "line", w.line(), "reason", w.reason())).toList());
    return body;
  }
}
