package loupe.search;

import java.io.IOException;

/**
 * The search engine a backend talks to cannot be reached or cannot answer now (a SolrCloud without
 * ZooKeeper or without a live replica of a shard): a retry later may succeed, so the server answers
 * 503 rather than 500.
 */
public class BackendUnavailableException extends IOException {

  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
