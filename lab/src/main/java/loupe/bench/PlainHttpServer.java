package loupe.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.facet.LabelAndValue;

/**
 * The HTTP baseline of {@code bench http}: {@link PlainLuceneSearcher}'s request (parse, top 10, the
 * category facet, snippets, stored fields) behind the JDK's {@link HttpServer}, answering JSON, so
 * that plain Lucene pays for HTTP and serialisation as Loupe's {@code serve} does. {@code /health} is
 * the trivial endpoint that shows the HTTP floor.
 *
 * <p>Run as a child JVM: {@code PlainHttpServer INDEX PORT THREADS}; serves until killed.
 */
public final class PlainHttpServer {

  private static final JsonFactory JSON = new JsonFactory();

  private PlainHttpServer() {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    PlainLuceneSearcher searcher = PlainLuceneSearcher.open(index);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    // The JDK server answers on its one dispatcher thread unless given a pool; a user serving
    // concurrent clients gives it one, as Jetty has one under Javalin.
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext("/search", exchange -> answer(exchange, () -> page(searcher, query(exchange))));
    server.createContext("/health", exchange -> answer(exchange, () -> health(searcher)));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop(0);
      pool.shutdownNow();
    }));
    System.out.println("plain HTTP server on 127.0.0.1:" + port);
  }

  private interface Body {
    byte[] write() throws IOException;
  }

  private static void answer(HttpExchange exchange, Body body) throws IOException {
    try (exchange) {
      byte[] bytes;
      int status = 200;
      try {
        bytes = body.write();
      } catch (IOException | RuntimeException e) {
        status = 500;
        bytes = ("{\"error\":{\"status\":500,\"message\":\"" + e.getClass().getSimpleName() + "\"}}").getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String query(HttpExchange exchange) {
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (pair.startsWith("q=")) {
          return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
        }
      }
    }
    return "";
  }

  private static byte[] health(PlainLuceneSearcher searcher) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
    try (JsonGenerator json = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("status", "ok");
      json.writeNumberField("articles", searcher.documents());
      json.writeEndObject();
    }
    return buffer.toByteArray();
  }

  /** The result page as JSON: what a browser needs to show it. */
  static byte[] page(PlainLuceneSearcher searcher, String q) throws IOException {
    PlainLuceneSearcher.Answer answer = searcher.answer(q);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    try (JsonGenerator json = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("query", q);
      json.writeNumberField("total", answer.total());
      json.writeArrayFieldStart("hits");
      for (PlainLuceneSearcher.AnswerHit hit : answer.hits()) {
        json.writeStartObject();
        json.writeStringField("id", hit.id());
        json.writeStringField("title", hit.title());
        json.writeStringField("title_highlighted", hit.titleSnippet());
        json.writeStringField("date", hit.date());
        json.writeNumberField("score", hit.score());
        json.writeArrayFieldStart("snippets");
        if (hit.bodySnippet() != null) {
          json.writeString(hit.bodySnippet());
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("facets");
      json.writeArrayFieldStart(PlainLuceneIndexer.CATEGORY);
      if (answer.categories() != null) {
        for (LabelAndValue value : answer.categories().labelValues) {
          json.writeStartObject();
          json.writeStringField("value", value.label);
          json.writeNumberField("count", value.value.longValue());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
    return buffer.toByteArray();
  }
}
