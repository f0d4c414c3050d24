package loupe.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.entities.ArticleEntities;
import loupe.index.ArticleDocuments;
import loupe.index.ArticleIndexer;
import loupe.index.Fields;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import loupe.ingest.ArticleDates;
import loupe.rank.Reranker;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The Lucene implementation of {@link SearchBackend}: one index directory, one writer (when
 * writable), near-real-time searchers refreshed after each commit.
 *
 * <p>One instance per index, shared by all requests and indexing threads.
 */
public final class LuceneBackend implements SearchBackend {

  private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.DATE_TEXT, Fields.URL,
      Fields.SOURCE, Fields.PERSON, Fields.COUNTRY);
  private static final Set<String> HIT_AND_BODY_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.DATE_TEXT, Fields.URL,
      Fields.SOURCE, Fields.PERSON, Fields.COUNTRY, Fields.BODY);
  // Equal weights: the parser scores a word by its best field, and a doubled title weight cost
  // 6 to 9% of MRR@10 on both labelled sets (loupe eval search).
  private static final Map<String, Float> FIELD_BOOSTS = Map.of(Fields.TITLE, 1f, Fields.BODY, 1f);

  private final Analyzer analyzer = new FrenchNewsAnalyzer();
  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private final UserQueryParser parser = new UserQueryParser(analyzer, FIELD_BOOSTS, Fields.BODY);
  private final SpellingCorrector corrector = new SpellingCorrector();
  private final TermCompletions termCompletions = new TermCompletions();
  private final Path dir;
  private volatile ArticleIndexer indexer; // null when read-only
  private final Directory readOnlyDirectory; // null when writable
  private volatile SearcherManager searchers;
  private final SearcherViews views;

  private LuceneBackend(Path dir, ArticleIndexer indexer, Directory readOnlyDirectory, SearcherManager searchers) {
    this.dir = dir;
    this.indexer = indexer;
    this.readOnlyDirectory = readOnlyDirectory;
    this.searchers = searchers;
    this.views = new SearcherViews(analyzer, facetsConfig);
  }

  /** Opens the index in {@code dir} for reading and writing, creating it when absent. */
  public static LuceneBackend open(Path dir) throws IOException {
    Files.createDirectories(dir);
    ArticleIndexer indexer = ArticleIndexer.open(dir);
    try {
      return new LuceneBackend(dir, indexer, null, new SearcherManager(indexer.writer(), null));
    } catch (IOException | RuntimeException e) {
      indexer.close();
      throw e;
    }
  }

  /** Opens an existing index for searching only; it takes no lock, so a writer may run beside it. */
  public static LuceneBackend openReadOnly(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IndexNotFoundException("no index at " + dir + ": create one with ./loupe index --index " + dir + " FILES...");
    }
    Directory directory = FSDirectory.open(dir);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new IndexNotFoundException("no index at " + dir + ": create one with ./loupe index --index " + dir + " FILES...");
      }
      return new LuceneBackend(dir, null, directory, new SearcherManager(directory, null));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  @Override
  public boolean writable() {
    return indexer != null;
  }

  private ArticleIndexer indexer() {
    if (indexer == null) {
      throw new IllegalStateException("this index was opened read-only");
    }
    return indexer;
  }

  @Override
  public void upsert(Article article, ArticleEntities entities) throws IOException {
    indexer().upsert(article, entities);
  }

  @Override
  public void add(Article article, ArticleEntities entities) throws IOException {
    indexer().add(article, entities);
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed = contains(id);
    indexer().delete(id);
    return existed;
  }

  @Override
  public void commit() throws IOException {
    indexer().commit();
    searchers.maybeRefreshBlocking();
  }

  @Override
  public boolean flushBuffer() throws IOException {
    return indexer().flushNextBuffer();
  }

  @Override
  public synchronized void rollback() throws IOException {
    // IndexWriter.rollback closes the writer: open a new one on the last commit, so a server keeps
    // accepting writes after a failed batch.
    ArticleIndexer failed = indexer();
    failed.rollback();
    failed.close();
    SearcherManager old = searchers;
    ArticleIndexer reopened = ArticleIndexer.open(dir);
    indexer = reopened;
    searchers = new SearcherManager(reopened.writer(), null);
    old.close();
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
  public long count() throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void refresh() throws IOException {
    searchers.maybeRefresh();
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    long started = System.nanoTime();
    UserQueryParser.Parsed parsed = parser.parse(request.query());
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      SearcherViews.View view = views.viewFor(searcher);
      Page page = run(view, parsed.strict(), request, parsed.matchAll());
      Correction correction = null;
      // Keywords are always checked, so a misspelt name is offered a correction beside its few
      // results. A question or pasted text is checked only when it finds nothing: a correction of
      // a whole paragraph is no help to its reader, and checking each of its words costs more than
      // the search itself.
      boolean check = parsed.keywords() || page.topDocs.totalHits.value() == 0;
      if (!parsed.matchAll() && request.autocorrect() && check) {
        Optional<String> corrected = corrector.correct(request.query(), searcher);
        if (corrected.isPresent()) {
          boolean applied = false;
          if (page.topDocs.totalHits.value() == 0) {
            // Nothing has every word as typed: show the corrected query's results, and say so.
            UserQueryParser.Parsed fixed = parser.parse(corrected.get());
            Page fixedPage = run(view, fixed.strict(), request, fixed.matchAll());
            if (fixedPage.topDocs.totalHits.value() > 0) {
              page = fixedPage;
              parsed = fixed;
              applied = true;
            }
          }
          correction = new Correction(request.query(), corrected.get(), applied);
        }
      }
      boolean relaxed = false;
      if (page.topDocs.totalHits.value() == 0 && parsed.canRelax()) {
        Page relaxedPage = run(view, parsed.relaxed(), request, false);
        if (relaxedPage.topDocs.totalHits.value() > 0) {
          page = relaxedPage;
          relaxed = true;
        }
      }
      TopDocs ranked = page.topDocs;
      if (reranks(request, parsed.matchAll())) {
        // Issue 20: the learned second stage reorders the first stage's best (loupe.rank).
        String typed = correction != null && correction.applied() ? correction.corrected() : request.query();
        ranked = Reranker.standard().rerank(searcher, ranked, relaxed ? parsed.relaxed() : parsed.strict(), typed,
            request.recencyDays());
      }
      List<Hit> hits = hits(view, searcher, ranked, request, request.snippets() ? parsed.highlight() : null);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      return new SearchResponse(request.query(), ranked.totalHits.value(), tookMs,
          request.from(), request.size(), relaxed, correction, hits, FacetLists.of(page.facets, request));
    } finally {
      manager.release(searcher);
    }
  }

  private record Page(TopDocs topDocs, Facets facets) {}

  private static boolean reranks(SearchRequest request, boolean matchAll) {
    return request.sort() == SortOrder.RELEVANCE && !matchAll;
  }

  /** User runs a query with ticked values; each facet's counts ignore its own selection. */
  private Page run(SearcherViews.View view, Query textQuery, SearchRequest request, boolean matchAll)
      throws IOException {
    Query base = withDateRange(textQuery, request.dateFrom(), request.dateTo());
    DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, base);
    request.countries().forEach(value -> drillDown.add(Fields.COUNTRY, value));
    request.persons().forEach(value -> drillDown.add(Fields.PERSON, value));

    int topN = Math.max(1, request.from() + request.size());
    boolean byDate = request.sort() == SortOrder.DATE || matchAll;
    if (reranks(request, matchAll)) {
      topN = Math.max(topN, Reranker.WINDOW);
    }
    // Counting every hit costs little on a news corpus and keeps totals exact (no "10,000+").
    CollectorManager<?, ? extends TopDocs> collector = byDate
        ? new TopFieldCollectorManager(newestFirst(), topN, Integer.MAX_VALUE)
        : new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE);
    if (view.facetState() == null) {
      return new Page(view.searcher().search(drillDown, collector), null);
    }
    DrillSideways sideways = new DimensionDrillSideways(view.searcher(), facetsConfig, view.facetState());
    DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result = sideways.search(drillDown, collector);
    return new Page(result.collectorResult, result.facets);
  }

  /**
   * Counts each dimension once, over the hits that ignore its own selection (the drill-sideways
   * hits when it has ticked values, the drill-down hits otherwise), with {@link DimensionCounts}.
   */
  private static final class DimensionDrillSideways extends DrillSideways {
    DimensionDrillSideways(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state) {
      super(searcher, config, state);
    }

    @Override
    protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
        String[] drillSidewaysDims) throws IOException {
      Map<String, Facets> byDimension = new HashMap<>();
      List<String> sideways = drillSidewaysDims == null ? List.of() : Arrays.asList(drillSidewaysDims);
      for (int i = 0; i < sideways.size(); i++) {
        byDimension.put(sideways.get(i), new DimensionCounts(state, drillSideways[i], sideways.get(i)));
      }
      // The dimensions without a ticked value share the drill-down hits: one pass counts them all.
      String[] rest = Arrays.stream(SearcherViews.dims()).filter(d -> !sideways.contains(d)).toArray(String[]::new);
      if (rest.length > 0) {
        Facets counts = new DimensionCounts(state, drillDowns, rest);
        for (String dim : rest) {
          byDimension.put(dim, counts);
        }
      }
      return new MultiFacets(byDimension);
    }
  }

  private static Sort newestFirst() {
    // Undated articles sort last.
    SortField date = LongField.newSortField(Fields.DATE, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE);
    return new Sort(date, SortField.FIELD_SCORE);
  }

  private static Query withDateRange(Query query, LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return query;
    }
    long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(LongField.newRangeQuery(Fields.DATE, lower, upper), Occur.FILTER)
        .build();
  }

  private List<Hit> hits(SearcherViews.View view, IndexSearcher searcher, TopDocs topDocs,
      SearchRequest request, Query highlightQuery) throws IOException {
    ScoreDoc[] scoreDocs = topDocs.scoreDocs;
    int from = Math.min(request.from(), scoreDocs.length);
    int to = Math.min(scoreDocs.length, request.from() + request.size());
    if (to <= from) {
      return List.of();
    }
    int[] docIds = new int[to - from];
    for (int i = from; i < to; i++) {
      docIds[i - from] = scoreDocs[i].doc;
    }
    StoredFields stored = searcher.storedFields();
    // Each article is read (decompressed) once: what a result shows, plus the body when it is
    // highlighted; the highlighter takes its title and body from these documents.
    Set<String> fields = highlightQuery == null ? HIT_FIELDS : HIT_AND_BODY_FIELDS;
    Document[] docs = new Document[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      docs[i] = stored.document(docIds[i], fields);
    }
    SnippetHighlighter.Highlights highlights =
        highlightQuery == null ? null : view.highlighter().highlight(highlightQuery, docIds, docs);
    List<Hit> hits = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      // Only what a result shows: the mentions are the bulk of a stored article.
      Document doc = docs[i];
      String title = Objects.requireNonNullElse(doc.get(Fields.TITLE), "");
      String titleHighlighted = highlights == null ? null : highlights.title(i);
      List<String> snippets = highlights == null ? List.of() : highlights.body(i);
      if (snippets.isEmpty() && request.snippets()) {
        String body = fields.contains(Fields.BODY) ? doc.get(Fields.BODY)
            : stored.document(docIds[i], Set.of(Fields.BODY)).get(Fields.BODY);
        snippets = List.of(leadSnippet(body));
      }
      float score = Float.isNaN(scoreDocs[from + i].score) ? 0f : scoreDocs[from + i].score;
      String date = doc.get(Fields.DATE_TEXT);
      hits.add(new Hit(doc.get(Fields.ID), title,
          titleHighlighted == null ? HtmlSnippetFormatter.escapeAll(title) : titleHighlighted,
          displayDate(date),
          doc.get(Fields.URL), doc.get(Fields.SOURCE), score, snippets,
          ArticleDocuments.values(doc, Fields.PERSON), ArticleDocuments.values(doc, Fields.COUNTRY)));
    }
    return hits;
  }

  /** The stored date as a result shows it ({@link ArticleDates#format}); null stays null. */
  static String displayDate(String stored) {
    if (stored == null) {
      return null;
    }
    // Most articles are dated by the day, stored as « 2024-06-19T00:00Z »: cut it instead of parsing
    // it with the ISO formatter, which cost 1% of a search.
    if (stored.length() == 17 && stored.endsWith("T00:00Z")) {
      return stored.substring(0, 10);
    }
    return ArticleDates.format(OffsetDateTime.parse(stored));
  }

  /** The opening of the body, cut at a word boundary, for hits with nothing to highlight. */
  private static String leadSnippet(String body) {
    body = Objects.requireNonNullElse(body, "");
    int limit = SnippetHighlighter.SNIPPET_CHARS;
    if (body.length() <= limit) {
      return HtmlSnippetFormatter.escapeAll(body.strip());
    }
    int cut = body.lastIndexOf(' ', limit);
    return HtmlSnippetFormatter.escapeAll(body.substring(0, cut > 0 ? cut : limit).strip()) + " " + HtmlSnippetFormatter.ELLIPSIS;
  }

  @Override
  public Optional<List<Hit>> related(String id, int size) throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs self = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (self.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int docId = self.scoreDocs[0].doc;
      IndexedArticle article = ArticleDocuments.fromDocument(searcher.storedFields().document(docId));
      Query query = RelatedArticles.query(searcher.getIndexReader(), analyzer, docId, article, facetsConfig);
      TopDocs top = searcher.search(query, size);
      SearchRequest page = SearchRequest.builder().size(size).build();
      return Optional.of(hits(views.viewFor(searcher), searcher, top, page, null));
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public Optional<IndexedArticle> find(String id) throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
      return Optional.of(ArticleDocuments.fromDocument(doc));
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void forEach(Consumer<IndexedArticle> consumer) throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            consumer.accept(ArticleDocuments.fromDocument(stored.document(doc)));
          }
        }
      }
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      String text = prefix.strip();
      int lastBreak = text.lastIndexOf(' ');
      int wordStart = lastBreak + 1;
      // An elided article (« l'élec », « d’Ukr ») stays in front: the vocabulary has the bare words.
      int apostrophe = Math.max(text.indexOf('\'', wordStart), text.indexOf('\u2019', wordStart));
      if (apostrophe > wordStart && apostrophe - wordStart <= 6 && apostrophe + 1 < text.length()) {
        wordStart = apostrophe + 1;
      }
      String head = text.substring(0, wordStart);
      String last = text.substring(wordStart);
      Suggester names = views.viewFor(searcher).suggester();
      // Names matching the whole input first (« vladimir pou »), then names and words that complete
      // the word being typed, after the words already typed.
      List<Suggestion> found = new ArrayList<>(names.suggest(text, size));
      if (!head.isEmpty()) {
        names.suggest(last, size).forEach(s -> found.add(new Suggestion(head + s.text(), s.type(), s.count())));
      }
      termCompletions.complete(searcher, Suggester.fold(last), size)
          .forEach(s -> found.add(new Suggestion(head + s.text(), s.type(), s.count())));
      List<Suggestion> distinct = new ArrayList<>();
      for (Suggestion s : found) {
        if (distinct.size() < size && distinct.stream().noneMatch(d -> d.text().equalsIgnoreCase(s.text()))) {
          distinct.add(s);
        }
      }
      return distinct;
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      if (indexer != null) {
        indexer.close();
      }
      if (readOnlyDirectory != null) {
        readOnlyDirectory.close();
      }
    }
  }
}
