package loupe.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import loupe.entities.ArticleEntities;
import loupe.entities.CorpusNames;
import loupe.entities.NameEvidence;
import loupe.ingest.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The only writer of a Loupe index on disk: upserts articles by id and publishes them in one atomic
 * commit, to its own near-real-time searchers and to new readers.
 *
 * <p>Thread-safe: several threads may call {@link #upsert} at once (Lucene's IndexWriter is).
 * Nothing is visible to a new reader before {@link #commit}; a crash before it leaves the previous
 * commit intact.
 */
public final class ArticleIndexer implements ArticleWriter {

  /**
   * Buffered RAM before a flush: a tenth of the heap (as Elasticsearch's indexing buffer), between
   * 16 MB and 128 MB, so a large batch flushes rarely on a big heap and never exhausts a small one.
   */
  static final double RAM_BUFFER_MB =
      Math.max(16, Math.min(128, Runtime.getRuntime().maxMemory() / 10.0 / (1024 * 1024)));

  private final Path dir;
  private final Analyzer analyzer;
  private final Directory directory;
  private volatile IndexWriter writer;
  private volatile SearcherManager searchers;
  private final ArticleDocuments documents = new ArticleDocuments(Fields.facetsConfig());

  private ArticleIndexer(Path dir, Analyzer analyzer, Directory directory) throws IOException {
    this.dir = dir;
    this.analyzer = analyzer;
    this.directory = directory;
    this.writer = newWriter();
    try {
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  private IndexWriter newWriter() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    config.setCommitOnClose(false);
    try {
      return new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(dir.resolve(IndexWriter.WRITE_LOCK_NAME), e);
    }
  }

  /**
   * Opens (or creates) the index in {@code dir} for writing.
   *
   * @throws IndexLockedException when another process holds the index's write lock
   */
  public static ArticleIndexer open(Path dir, Analyzer analyzer) throws IOException {
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    try {
      return new ArticleIndexer(dir, analyzer, directory);
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
  @Override
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
  @Override
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
  @Override
  public boolean delete(String id) throws IOException {
    boolean existed = contains(id);
    try {
      writer.deleteDocuments(new Term(Fields.ID, id));
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
    return existed;
  }

  @Override
  public boolean contains(String id) throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.count(new TermQuery(new Term(Fields.ID, id))) > 0;
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public boolean isEmpty() throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs() == 0;
    } finally {
      manager.release(searcher);
    }
  }

  /** Makes every change since the last commit durable and visible to new readers, all at once. */
  @Override
  public void commit() throws IOException {
    try {
      writer.setLiveCommitData(Map.of("committed_at", Long.toString(System.currentTimeMillis())).entrySet());
      writer.commit();
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
    searchers.maybeRefreshBlocking();
  }

  /**
   * Writes one in-memory buffer of indexed articles to disk, in the calling thread. A commit writes
   * every buffer itself, one after the other; threads calling this first share that work. Returns
   * false when nothing is left to write.
   */
  @Override
  public boolean flushBuffer() throws IOException {
    try {
      return writer.flushNextBuffer();
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  /**
   * Drops every change since the last commit. Lucene's rollback closes its writer: a new one opens
   * on the last commit, so a server keeps accepting writes after a failed batch.
   */
  @Override
  public synchronized void rollback() throws IOException {
    writer.rollback();
    SearcherManager old = searchers;
    writer = newWriter();
    searchers = new SearcherManager(writer, null);
    old.close();
  }

  /** The near-real-time searchers of the current writer; a rollback replaces them. */
  public SearcherManager searchers() {
    return searchers;
  }

  /** What the corpus teaches with this batch's uncommitted articles counted too (near-real-time). */
  @Override
  public CorpusNames corpusNames() throws IOException {
    return nameEvidence().learn();
  }

  @Override
  public boolean keepsEvidence() {
    return true;
  }

  @Override
  public NameEvidence nameEvidence() throws IOException {
    try (DirectoryReader pending = openNearRealTimeReader()) {
      return CorpusEvidence.count(pending);
    }
  }

  @Override
  public void forEachIncludingPending(Consumer<IndexedArticle> consumer) throws IOException {
    try (DirectoryReader pending = openNearRealTimeReader()) {
      CorpusEvidence.forEach(pending, consumer);
    }
  }

  /** A near-real-time reader that sees the uncommitted articles of this batch too. */
  private DirectoryReader openNearRealTimeReader() throws IOException {
    return DirectoryReader.open(writer);
  }

  /** Closes without committing: what was not committed is dropped, as after a crash. */
  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (writer.isOpen()) {
        writer.rollback();
      }
    } finally {
      directory.close();
    }
  }
}
