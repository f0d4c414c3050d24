package loupe.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The query baseline, plain Lucene in-process with everything a result page needs: parse the
 * query, top 10 with exact total, one facet count (category), UnifiedHighlighter snippets from the
 * offsets in the postings, and the stored fields of each hit. What is shared by all requests (facet
 * ordinals, highlighter, query builder) is built once, as any careful user would.
 *
 * <p>Thread-safe: one instance serves all client threads.
 */
final class PlainLuceneSearcher implements Closeable {

  private static final String[] FIELDS = {PlainLuceneIndexer.TITLE, PlainLuceneIndexer.BODY};
  private static final int[] PASSAGES = {1, 3};

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryBuilder builder;
  private final SortedSetDocValuesReaderState facetState;
  private final UnifiedHighlighter highlighter;

  /** What one query returned, enough to check it did the work. */
  public record Page(long total, int hits, int snippets, int facetValues) {}

  private PlainLuceneSearcher(Directory directory) throws IOException {
    Analyzer analyzer = new FrenchAnalyzer();
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.builder = new QueryBuilder(analyzer);
    this.facetState = new DefaultSortedSetDocValuesReaderState(reader, PlainLuceneIndexer.facetsConfig());
    this.highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
  }

  /** Opens an index written by {@link PlainLuceneIndexer}. */
  public static PlainLuceneSearcher open(Path dir) throws IOException {
    Directory directory = FSDirectory.open(dir);
    try {
      return new PlainLuceneSearcher(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Number of indexed articles. */
  public int documents() {
    return reader.numDocs();
  }

  /** Runs one result page for the query text: a quoted text is a phrase, otherwise any word may match. */
  public Page search(String text) throws IOException {
    Query query = parse(text);
    if (query == null) {
      return new Page(0, 0, 0, 0);
    }
    FacetsCollectorManager.FacetsResult result =
        FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
    TopDocs top = result.topDocs();
    FacetsCollector collected = result.facetsCollector();
    FacetResult categories = new SortedSetDocValuesFacetCounts(facetState, collected)
        .getTopChildren(10, PlainLuceneIndexer.CATEGORY);
    int[] docIds = new int[top.scoreDocs.length];
    for (int i = 0; i < docIds.length; i++) {
      docIds[i] = top.scoreDocs[i].doc;
    }
    int snippets = 0;
    if (docIds.length > 0) {
      for (String[] perDoc : highlighter.highlightFields(FIELDS, query, docIds, PASSAGES).values()) {
        for (String s : perDoc) {
          snippets += s == null ? 0 : 1;
        }
      }
    }
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      Document doc = stored.document(hit.doc);
      if (doc.get(PlainLuceneIndexer.ID) == null) {
        throw new IllegalStateException("hit without id");
      }
    }
    return new Page(top.totalHits.value(), docIds.length, snippets, categories == null ? 0 : categories.childCount);
  }

  private Query parse(String text) {
    String t = text.strip();
    boolean phrase = t.length() > 1 && t.startsWith("\"") && t.endsWith("\"");
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean empty = true;
    for (String field : FIELDS) {
      Query q = phrase
          ? builder.createPhraseQuery(field, t.substring(1, t.length() - 1))
          : builder.createBooleanQuery(field, t, Occur.SHOULD);
      if (q != null) {
        any.add(field.equals(PlainLuceneIndexer.TITLE) ? new BoostQuery(q, 2f) : q, Occur.SHOULD);
        empty = false;
      }
    }
    return empty ? null : any.build();
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
