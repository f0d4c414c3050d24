package loupe.ingest;

/** An input record that is not an article (no id, no body, a wrong type); becomes a {@link Rejection}. */
final class InvalidArticleException extends Exception {
  InvalidArticleException(String reason) {
    super(reason, null, false, false);
  }
}
