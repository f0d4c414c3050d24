package loupe.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Solr Basic Authentication credentials, read from the environment or from a file and never from
 * the command line, where {@code ps} would show them to every user of the machine.
 *
 * <p>{@code LOUPE_SOLR_CREDENTIALS=user:password}, or {@code LOUPE_SOLR_CREDENTIALS_FILE=/path}
 * naming a file whose first line is {@code user:password}.
 */
public record SolrCredentials(String user, String password) {

  public static final String ENV = "LOUPE_SOLR_CREDENTIALS";
  public static final String FILE_ENV = "LOUPE_SOLR_CREDENTIALS_FILE";

  @Override
  public String toString() {
    return "SolrCredentials[user=" + user + ", password=***]";
  }

  /** The credentials the environment gives, if any. */
  public static Optional<SolrCredentials> fromEnvironment() throws IOException {
    return from(System.getenv());
  }

  static Optional<SolrCredentials> from(Map<String, String> env) throws IOException {
    String inline = env.get(ENV);
    if (inline != null && !inline.isBlank()) {
      return Optional.of(parse(inline.strip(), ENV));
    }
    String file = env.get(FILE_ENV);
    if (file != null && !file.isBlank()) {
      String first = Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("");
      return Optional.of(parse(first.strip(), file));
    }
    return Optional.empty();
  }

  private static SolrCredentials parse(String text, String origin) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(origin + " must hold user:password");
    }
    return new SolrCredentials(text.substring(0, colon), text.substring(colon + 1));
  }
}
