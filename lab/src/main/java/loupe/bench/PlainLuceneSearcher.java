package loupe.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** One hit of an {@link Answer}: its stored fields and its snippets (null where none was found). */
  public record AnswerHit(String id, String title, String date, float score, String titleSnippet, String bodySnippet) {}

  /** A whole result page, what a server sends back: total, hits, the category facet (null when empty). */
  public record Answer(long total, List<AnswerHit> hits, FacetResult categories) {}

  /** Runs one result page for the query text: a quoted text is a phrase, otherwise any word may match. */
  public Page search(String text) throws IOException {
    Answer answer = answer(text);
    int snippets = 0;
    for (AnswerHit hit : answer.hits()) {
      snippets += (hit.titleSnippet() == null ? 0 : 1) + (hit.bodySnippet() == null ? 0 : 1);
    }
    return new Page(answer.total(), answer.hits().size(), snippets,
        answer.categories() == null ? 0 : answer.categories().childCount);
  }

  /** As {@link #search}, keeping everything a result page shows. */
  public Answer answer(String text) throws IOException {
    Query query = parse(text);
    if (query == null) {
      return new Answer(0, List.of(), null);
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
    Map<String, String[]> highlights = docIds.length == 0 ? Map.of()
        : highlighter.highlightFields(FIELDS, query, docIds, PASSAGES);
    StoredFields stored = searcher.storedFields();
    List<AnswerHit> hits = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Document doc = stored.document(docIds[i]);
      String id = doc.get(PlainLuceneIndexer.ID);
      if (id == null) {
        throw new IllegalStateException("hit without id");
      }
      String[] titles = highlights.get(PlainLuceneIndexer.TITLE);
      String[] bodies = highlights.get(PlainLuceneIndexer.BODY);
      hits.add(new AnswerHit(id, doc.get(PlainLuceneIndexer.TITLE), doc.get("date_text"), top.scoreDocs[i].score,
          titles == null ? null : titles[i], bodies == null ? null : bodies[i]));
    }
    return new Answer(top.totalHits.value(), hits, categories);
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
