package loupe.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import loupe.entities.ArticleEntities;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;

/**
 * What Loupe needs of a search engine, so a second backend (SolrCloud for corpora beyond one
 * machine) can replace Lucene without touching the server, the CLI or the UI.
 *
 * <p>Implementations are thread-safe.
 */
public interface SearchBackend extends Closeable {

  /** Adds or replaces (by id) an article; visible after {@link #commit()}. */
  void upsert(Article article, ArticleEntities entities) throws IOException;

  /**
   * Adds an article whose id the caller knows is not indexed (a first load into an empty index),
   * sparing the backend the replacement an upsert prepares; the same as {@link #upsert} by default.
   */
  default void add(Article article, ArticleEntities entities) throws IOException {
    upsert(article, entities);
  }

  /** Deletes an article by id; visible after {@link #commit()}. Returns whether it existed. */
  boolean delete(String id) throws IOException;

  /** Makes all changes durable and visible at once; on failure nothing of them is. */
  void commit() throws IOException;

  /**
   * Writes one buffer of pending changes to disk, if the backend buffers them, so that several
   * threads can share work a {@link #commit()} would do on one. Returns false when none is left.
   */
  default boolean flushBuffer() throws IOException {
    return false;
  }

  /** Drops the changes since the last commit. */
  void rollback() throws IOException;

  /** Whether an article with this id is committed (or written in the current batch). */
  boolean contains(String id) throws IOException;

  /** Runs a search. */
  SearchResponse search(SearchRequest request) throws IOException;

  /** Articles like this one (text and shared entities), best first; empty when the id is unknown. */
  Optional<List<Hit>> related(String id, int size) throws IOException;

  /** The article with this id, if indexed. */
  Optional<IndexedArticle> find(String id) throws IOException;

  /** Streams every article in index order, for export. */
  void forEach(Consumer<IndexedArticle> consumer) throws IOException;

  /**
   * Streams exactly the articles a search with these words and filters matches (no correction, no
   * relaxing), in index order, for a filtered export; the request's paging and order are not used.
   */
  default void forEachMatching(SearchRequest request, Consumer<IndexedArticle> consumer) throws IOException {
    throw new UnsupportedOperationException("this backend cannot export a filtered set of articles");
  }

  /** Number of articles searchable now. */
  long count() throws IOException;

  /** Completions for a prefix typed in the search box. */
  List<Suggestion> suggest(String prefix, int size) throws IOException;

  /** Completions counted under the filters of {@code context} (its query text is not used). */
  default List<Suggestion> suggest(String prefix, int size, SearchRequest context) throws IOException {
    return suggest(prefix, size);
  }

  /** Picks up changes another process committed; cheap when there are none. */
  default void refresh() throws IOException {}

  /** Whether this backend accepts writes (a read-only view does not). */
  boolean writable();
}
