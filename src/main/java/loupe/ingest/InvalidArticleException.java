package loupe.ingest;

/** An input record that is not an article (no id, no body, a wrong type); becomes a {@link Rejection}. */
public final class InvalidArticleException extends Exception {
  public InvalidArticleException(String reason) {
    super(reason, null, false, false);
  }
}
