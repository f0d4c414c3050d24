package loupe.ingest;

/**
 * Receives what a reader finds, record by record, so reading never holds a whole file in memory and
 * one bad record never stops the others.
 */
public interface IngestListener {

  /**
   * A well-formed article.
   *
   * @param article the article
   * @param location {@code file:line} for messages about it
   */
  void article(Article article, String location);

  /** A record that is not indexed. */
  void rejected(Rejection rejection);

  /** A record indexed with a part of it left out (a date that cannot be read); the reason says which. */
  default void warning(Rejection warning) {}

  /** Bytes of input consumed so far in the current file; for progress bars. */
  default void progress(long bytesInFile) {}
}
