package loupe.bench;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One HTTP client of the query benchmarks: {@code GET /api/search} on loopback, reading the whole
 * body as a browser would. Use one per client thread.
 *
 * <p>By default the JDK's blocking client ({@link HttpURLConnection}, keep-alive), which does the
 * exchange on the calling thread, as load generators such as wrk or ab do. {@code java.net.http}
 * hands every exchange to its selector thread and back, which adds to the p50 and more to the p99
 * of even a bare {@code /api/health} (docs/decisions.md): a cost of the client that the in-process
 * baseline does not pay. {@link #javaNetHttp} keeps it for comparison.
 */
final class HttpSearchClient implements LoadRun.Client {

  private static final String KEEP_ALIVE_CONNECTIONS = "http.maxConnections";

  static {
    // Idle connections the JDK keeps per server, read when its blocking client is first used: the
    // default of 5 would make most of 16 concurrent clients reconnect for every request.
    if (System.getProperty(KEEP_ALIVE_CONNECTIONS) == null) {
      System.setProperty(KEEP_ALIVE_CONNECTIONS, "256");
    }
  }

  private final HttpClient http; // null: the blocking client
  private final String base;
  private final List<String> countries;
  private final boolean typing;

  private HttpSearchClient(HttpClient http, int port, List<String> countries, boolean typing) {
    this.http = http;
    this.base = "http://127.0.0.1:" + port + "/api/search?q=";
    this.countries = List.copyOf(countries);
    this.typing = typing;
  }

  private HttpSearchClient(HttpClient http, int port, List<String> countries) {
    this(http, port, countries, false);
  }

  /**
   * The search page's requests while the reader types: each query cut inside its last word
   * ({@link #typedSoFar}) and sent with {@code prefix_last=true}, as the page and the widget do.
   */
  static HttpSearchClient typing(int port, List<String> countries) {
    return new HttpSearchClient(null, port, countries, true);
  }

  /**
   * The query as a reader has typed it so far: the last word cut to its first three-fifths (three
   * letters at least), anything after it (a closing quote) not typed yet. « accord commercial » →
   * « accord commer ». A last word of three letters or fewer stays whole.
   */
  static String typedSoFar(String query) {
    int end = query.length();
    while (end > 0 && !Character.isLetterOrDigit(query.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetterOrDigit(query.charAt(start - 1))) {
      start--;
    }
    int length = end - start;
    if (length <= 3) {
      return query;
    }
    return query.substring(0, start + Math.max(3, (length * 3 + 4) / 5));
  }

  /**
   * @param port the server's loopback port
   * @param countries values ticked in the country facet, one per request in turn; empty for none
   */
  HttpSearchClient(int port, List<String> countries) {
    this(null, port, countries);
  }

  /** The same requests through {@code java.net.http}, each client with its own connection. */
  static HttpSearchClient javaNetHttp(int port, List<String> countries) {
    return new HttpSearchClient(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build(), port, countries);
  }

  URI uri(String query, int request) {
    StringBuilder uri = new StringBuilder(base)
        .append(URLEncoder.encode(typing ? typedSoFar(query) : query, StandardCharsets.UTF_8));
    if (typing) {
      uri.append("&prefix_last=true");
    }
    if (!countries.isEmpty()) {
      uri.append("&country=").append(URLEncoder.encode(countries.get(request % countries.size()), StandardCharsets.UTF_8));
    }
    return URI.create(uri.toString());
  }

  /** The body of one search, or null when the status is not 200. */
  byte[] get(String query, int request) throws Exception {
    if (http != null) {
      HttpRequest get = HttpRequest.newBuilder(uri(query, request)).timeout(Duration.ofSeconds(30)).GET().build();
      HttpResponse<byte[]> response = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() == 200 ? response.body() : null;
    }
    HttpURLConnection connection = (HttpURLConnection) uri(query, request).toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(30_000);
    int status = connection.getResponseCode();
    // Read to the end and close the stream (not the connection), which returns it to the keep-alive cache.
    try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      byte[] bytes = body == null ? null : body.readAllBytes();
      return status == 200 ? bytes : null;
    }
  }

  @Override
  public boolean search(String query, int request) throws Exception {
    byte[] body = get(query, request);
    // Every answer carries "total"; anything else (an error page) counts as a failure.
    return body != null && body.length > 10 && body[0] == '{';
  }
}
