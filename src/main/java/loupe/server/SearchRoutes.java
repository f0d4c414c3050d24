package loupe.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import loupe.Loupe;
import loupe.ingest.JsonSyntax;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;

/** Handlers for reading: search, suggestions, health. */
final class SearchRoutes {

  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 50;

  private final Loupe loupe;

  SearchRoutes(Loupe loupe) {
    this.loupe = loupe;
  }

  /** User searches with query parameters. */
  void searchGet(Context ctx) throws IOException {
    Json.send(ctx, loupe.search(SearchParams.fromQuery(ctx.queryParamMap())));
  }

  /** Another tool searches with a JSON request (long queries, many filters). */
  void searchPost(Context ctx) throws IOException {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("body", JsonSyntax.describe(e));
    }
    Json.send(ctx, loupe.search(SearchParams.fromJson(body)));
  }

  /** User types in the search box; completions come from entity names. */
  void suggest(Context ctx) throws IOException {
    String q = ctx.queryParam("q");
    int size = SearchParams.integer("size", ctx.queryParam("size"), DEFAULT_SUGGESTIONS);
    if (size < 0 || size > MAX_SUGGESTIONS) {
      throw new InvalidRequestException("size", "must be between 0 and " + MAX_SUGGESTIONS + ", got " + size);
    }
    if (q != null && q.length() > 200) {
      throw new InvalidRequestException("q", "at most 200 characters");
    }
    // The search's filters, so that each suggestion is counted as the search will show it.
    SearchRequest context = SearchParams.fromQuery(ctx.queryParamMap(), java.util.Set.of("q", "size"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", q == null ? "" : q);
    body.put("suggestions", q == null ? java.util.List.of() : loupe.suggest(q, size, context));
    Json.send(ctx, body);
  }

  /** A monitor checks the server is up and sees how many articles it serves. */
  void health(Context ctx) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("documents", loupe.count());
    body.put("writable", loupe.writable());
    Json.send(ctx, body);
  }
}
