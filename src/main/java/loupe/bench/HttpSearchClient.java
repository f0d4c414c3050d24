package loupe.bench;

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
 * body as a browser would. Each instance holds its own connection; use one per client thread.
 */
final class HttpSearchClient implements LoadRun.Client {

  private final HttpClient http;
  private final String base;
  private final List<String> countries;

  /**
   * @param port the server's loopback port
   * @param countries values ticked in the country facet, one per request in turn; empty for none
   */
  HttpSearchClient(int port, List<String> countries) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    this.base = "http://127.0.0.1:" + port + "/api/search?q=";
    this.countries = List.copyOf(countries);
  }

  URI uri(String query, int request) {
    StringBuilder uri = new StringBuilder(base).append(URLEncoder.encode(query, StandardCharsets.UTF_8));
    if (!countries.isEmpty()) {
      uri.append("&country=").append(URLEncoder.encode(countries.get(request % countries.size()), StandardCharsets.UTF_8));
    }
    return URI.create(uri.toString());
  }

  /** The body of one search, or null when the status is not 200. */
  byte[] get(String query, int request) throws Exception {
    HttpRequest get = HttpRequest.newBuilder(uri(query, request)).timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<byte[]> response = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
    return response.statusCode() == 200 ? response.body() : null;
  }

  @Override
  public boolean search(String query, int request) throws Exception {
    byte[] body = get(query, request);
    // Every answer carries "total"; anything else (an error page) counts as a failure.
    return body != null && body.length > 10 && body[0] == '{';
  }
}
