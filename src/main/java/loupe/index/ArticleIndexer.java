package loupe.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import loupe.entities.ArticleEntities;
import loupe.ingest.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The only writer of a Loupe index: upserts articles by id and publishes them in one atomic commit.
 *
 * <p>Thread-safe: several threads may call {@link #upsert} at once (Lucene's IndexWriter is).
 * Nothing is visible to a new reader before {@link #commit}; a crash before it leaves the previous
 * commit intact.
 */
public final class ArticleIndexer implements AutoCloseable {

  /**
   * Buffered RAM before a flush: a tenth of the heap (as Elasticsearch's indexing buffer), between
   * 16 MB and 128 MB, so a large batch flushes rarely on a big heap and never exhausts a small one.
   */
  static final double RAM_BUFFER_MB =
      Math.max(16, Math.min(128, Runtime.getRuntime().maxMemory() / 10.0 / (1024 * 1024)));

  private final Directory directory;
  private final IndexWriter writer;
  private final ArticleDocuments documents = new ArticleDocuments(Fields.facetsConfig());

  private ArticleIndexer(Directory directory, IndexWriter writer) {
    this.directory = directory;
    this.writer = writer;
  }

  /**
   * Opens (or creates) the index in {@code dir} for writing.
   *
   * @throws IndexLockedException when another process holds the index's write lock
   */
  public static ArticleIndexer open(Path dir, Analyzer analyzer) throws IOException {
    Directory directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    config.setCommitOnClose(false);
    try {
      return new ArticleIndexer(directory, new IndexWriter(directory, config));
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(dir.resolve(IndexWriter.WRITE_LOCK_NAME), e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Opens the index with Loupe's analyzers (see {@link Fields#analyzer()}). */
  public static ArticleIndexer open(Path dir) throws IOException {
    return open(dir, Fields.analyzer());
  }

  /** Adds the article, or replaces the one indexed under the same id. */
  public void upsert(Article article, ArticleEntities entities) throws IOException {
    try {
      writer.updateDocument(new Term(Fields.ID, article.id()), documents.toDocument(article, entities));
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  /**
   * Adds an article the caller knows is not indexed yet. An upsert buffers a delete of its id, which
   * every flush then looks up in every segment: a first load of a large corpus needs none of that.
   */
  public void add(Article article, ArticleEntities entities) throws IOException {
    try {
      writer.addDocument(documents.toDocument(article, entities));
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  /**
   * After a tragic failure (a full disk while flushing) the writer closes itself and every other
   * indexing thread only sees "this IndexWriter is closed": report the failure that closed it.
   */
  private IOException stopped(AlreadyClosedException e) {
    Throwable tragic = writer.getTragicException();
    if (tragic == null) {
      return new IOException("the index writer is closed", e);
    }
    return new IOException(tragic.getMessage() == null ? tragic.toString() : tragic.getMessage(), tragic);
  }

  /** Deletes the article with this id; a no-op when there is none. */
  public void delete(String id) throws IOException {
    try {
      writer.deleteDocuments(new Term(Fields.ID, id));
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  /** Makes every change since the last commit durable and visible to new readers, all at once. */
  public void commit() throws IOException {
    try {
      writer.setLiveCommitData(Map.of("committed_at", Long.toString(System.currentTimeMillis())).entrySet());
      writer.commit();
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  /**
   * Writes one in-memory buffer of indexed articles to disk, in the calling thread. A commit writes
   * every buffer itself, one after the other; threads calling this first share that work. Returns
   * false when nothing is left to write.
   */
  public boolean flushNextBuffer() throws IOException {
    try {
      return writer.flushNextBuffer();
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  /** Drops every change since the last commit. The indexer is closed afterwards. */
  public void rollback() throws IOException {
    writer.rollback();
  }

  /** A near-real-time reader that sees uncommitted changes too. */
  public DirectoryReader openNearRealTimeReader() throws IOException {
    return DirectoryReader.open(writer);
  }

  /** The underlying writer, for near-real-time search managers. */
  public IndexWriter writer() {
    return writer;
  }

  /** Closes without committing: what was not committed is dropped, as after a crash. */
  @Override
  public void close() throws IOException {
    try {
      if (writer.isOpen()) {
        writer.rollback();
      }
    } finally {
      directory.close();
    }
  }
}
