package loupe.index;

import java.io.Closeable;
import java.io.IOException;
import loupe.entities.ArticleEntities;
import loupe.ingest.Article;

/**
 * What Loupe needs to write articles into an engine, so that the indexing pipeline runs the same
 * over a Lucene directory ({@link ArticleIndexer}) or a SolrCloud collection.
 *
 * <p>Implementations are thread-safe: several indexing threads write at once; one commit ends a batch.
 */
public interface ArticleWriter extends Closeable {

  /** Adds or replaces (by id) an article; visible after {@link #commit()}. */
  void upsert(Article article, ArticleEntities entities) throws IOException;

  /**
   * Adds an article whose id the caller knows is not indexed (a first load into an empty index),
   * sparing the engine the replacement an upsert prepares; the same as {@link #upsert} by default.
   */
  default void add(Article article, ArticleEntities entities) throws IOException {
    upsert(article, entities);
  }

  /** Deletes an article by id; visible after {@link #commit()}. Returns whether it existed. */
  boolean delete(String id) throws IOException;

  /** Whether an article with this id is committed (or written in the current batch). */
  boolean contains(String id) throws IOException;

  /** Whether the index holds no article yet: a first load may then {@link #add} without replacing. */
  boolean isEmpty() throws IOException;

  /** Makes all changes durable and visible at once; on failure nothing of them is. */
  void commit() throws IOException;

  /**
   * Writes one buffer of pending changes, if the engine buffers them, so that several threads can
   * share work a {@link #commit()} would do on one. Returns false when none is left.
   */
  default boolean flushBuffer() throws IOException {
    return false;
  }

  /** Drops the changes since the last commit; the writer stays usable for the next batch. */
  void rollback() throws IOException;

  /**
   * What the articles written so far, this batch's uncommitted ones included, teach about their people
   * (issue 17); an engine that keeps no evidence knows nothing.
   */
  default loupe.entities.CorpusNames corpusNames() throws IOException {
    return loupe.entities.CorpusNames.EMPTY;
  }

  /** Whether this engine keeps the evidence articles give about their people, and so learns from it. */
  default boolean keepsEvidence() {
    return false;
  }

  /** What the articles written so far give about their people, counted (nothing for an engine that keeps none). */
  default loupe.entities.NameEvidence nameEvidence() throws IOException {
    return new loupe.entities.NameEvidence();
  }

  /**
   * Every article written so far, this batch's uncommitted ones included: the articles to read again when the
   * knowledge changes. An engine that keeps no evidence never needs it.
   */
  default void forEachIncludingPending(java.util.function.Consumer<IndexedArticle> consumer) throws IOException {}
}
