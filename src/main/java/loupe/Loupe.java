package loupe;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import loupe.entities.ArticleEntities;
import loupe.entities.EntityExtractor;
import loupe.entities.Extractors;
import loupe.index.ArticleIndexer;
import loupe.index.ArticleWriter;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import loupe.ingest.IngestReport;
import loupe.search.Hit;
import loupe.search.SearchBackend;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.Suggestion;
import loupe.search.lucene.LuceneBackend;
import loupe.solr.SolrBackend;
import loupe.solr.SolrTarget;

/**
 * The facade for using Loupe from Java, the server and the CLI alike: open an index, index
 * articles, search, close. Everything behind it (Lucene today) can change without touching them.
 *
 * <p>Thread-safe: one instance per index, shared by all threads. Indexing calls are serialised, so
 * each one is a single atomic commit.
 */
public final class Loupe implements Closeable {

  /** A word most French news corpora hold, so the warm-up search also builds snippets and counts facets. */
  private static final String WARM_UP_QUERY = "france";

  private final SearchBackend backend;
  private final ArticleWriter writer; // null when read-only
  private final EntityExtractor extractor;
  private final ArticlePipeline pipeline; // null when read-only

  private Loupe(SearchBackend backend, ArticleWriter writer, EntityExtractor extractor) {
    this.backend = backend;
    this.writer = writer;
    this.extractor = extractor;
    this.pipeline = writer == null ? null : new ArticlePipeline(writer, extractor);
  }

  /** Opens the index in {@code dir} for searching and writing, creating it when absent. */
  public static Loupe open(Path dir) throws IOException {
    return open(dir, Extractors.standardOnFirstUse());
  }

  /**
   * Opens the index in {@code dir} for searching and writing with another entity extractor (for
   * example {@link Extractors#withUserLexicon}), creating the index when absent.
   */
  public static Loupe open(Path dir, EntityExtractor extractor) throws IOException {
    Objects.requireNonNull(extractor, "extractor");
    ArticleIndexer indexer = ArticleIndexer.open(dir);
    return new Loupe(LuceneBackend.over(indexer), indexer, extractor);
  }

  /**
   * Opens a SolrCloud collection (prepared by {@code ./loupe solr setup}) for searching and writing;
   * several processes may open it at once. Needs SolrJ on the classpath (an optional dependency).
   */
  public static Loupe openSolrCloud(SolrTarget target, EntityExtractor extractor) throws IOException {
    SolrBackend backend = SolrBackend.open(target);
    return new Loupe(backend, backend, Objects.requireNonNull(extractor, "extractor"));
  }

  /** Opens an existing index for searching only; takes no lock. */
  public static Loupe openReadOnly(Path dir) throws IOException {
    return new Loupe(LuceneBackend.openReadOnly(dir), null, Extractors.standardOnFirstUse());
  }

  /**
   * Uses any engine and extractor: another engine, a user lexicon. {@code writer} may be null for a
   * read-only instance; both are closed with this one.
   */
  public static Loupe with(SearchBackend backend, ArticleWriter writer, EntityExtractor extractor) {
    return new Loupe(Objects.requireNonNull(backend, "backend"), writer, Objects.requireNonNull(extractor, "extractor"));
  }

  private ArticlePipeline pipeline() {
    if (pipeline == null) {
      throw new IllegalStateException("this index was opened read-only");
    }
    return pipeline;
  }

  /** Indexes articles (upsert by id) in one atomic commit. */
  public IngestReport index(List<Article> articles) throws IOException {
    return pipeline().indexArticles(articles);
  }

  /**
   * Indexes files and folders (JSON Lines, JSON, text, Markdown, HTML) in one atomic commit; bad
   * records are reported, not fatal.
   */
  public IngestReport indexFiles(List<Path> paths, IndexingProgress progress) throws IOException {
    return pipeline().indexFiles(paths, progress);
  }

  /** Indexes a JSON Lines stream (an HTTP body) in one atomic commit. */
  public IngestReport indexJsonLines(InputStream in, String name) throws IOException {
    return pipeline().indexJsonLines(in, name);
  }

  /** Deletes an article and commits. Returns whether it existed. */
  public boolean delete(String id) throws IOException {
    return pipeline().delete(id);
  }

  /** Runs a search. */
  public SearchResponse search(SearchRequest request) throws IOException {
    return backend.search(request);
  }

  /**
   * Runs one search and one completion, so the state every request shares (facet ordinals, the
   * completion lists, loaded and compiled code) is built before the first user asks, as Solr's
   * {@code firstSearcher} warming queries do; {@code serve} calls it on a background thread once the
   * HTTP server listens. A request that arrives meanwhile waits for the same state, never builds it twice.
   */
  public void warmUp() throws IOException {
    backend.search(SearchRequest.of(WARM_UP_QUERY));
    backend.suggest(WARM_UP_QUERY.substring(0, 3), 1);
  }

  /** Articles related to this one, by shared words and entities; empty when the id is unknown. */
  public Optional<List<Hit>> related(String id, int size) throws IOException {
    return backend.related(id, size);
  }

  /** The indexed article with this id. */
  public Optional<IndexedArticle> find(String id) throws IOException {
    return backend.find(id);
  }

  /** What the indexed articles teach about their people: the knowledge every extraction of this index uses. */
  public loupe.entities.CorpusNames corpusNames() throws IOException {
    return writer != null ? writer.corpusNames() : backend.committedCorpusNames();
  }

  /** Streams every indexed article with its entities. */
  public void export(Consumer<IndexedArticle> consumer) throws IOException {
    backend.forEach(consumer);
  }

  /** Streams the articles a search with these words and filters matches, for a filtered export. */
  public void export(SearchRequest request, Consumer<IndexedArticle> consumer) throws IOException {
    backend.forEachMatching(request, consumer);
  }

  /** Number of searchable articles. */
  public long count() throws IOException {
    return backend.count();
  }

  /** Completions for what the user is typing. */
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    return backend.suggest(prefix, size);
  }

  /** Completions counted as the search would show them under the filters of {@code context}. */
  public List<Suggestion> suggest(String prefix, int size, SearchRequest context) throws IOException {
    return backend.suggest(prefix, size, context);
  }

  /** The entities Loupe would index for this article. */
  public ArticleEntities extract(Article article) {
    return extractor.extract(article.title(), article.body());
  }

  /** Whether this instance accepts writes. */
  public boolean writable() {
    return writer != null;
  }

  /** Picks up commits made by another process, for read-only instances. */
  public void refresh() throws IOException {
    backend.refresh();
  }

  @Override
  public void close() throws IOException {
    try {
      backend.close();
    } finally {
      // One engine may serve both sides (SolrCloud): close it once.
      if (writer != null && writer != backend) {
        writer.close();
      }
    }
  }
}
