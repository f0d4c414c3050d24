package loupe.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.index.ArticleDocuments;
import loupe.index.ArticleIndexer;
import loupe.index.Fields;
import loupe.index.IndexedArticle;
import loupe.rank.Reranker;
import loupe.search.Correction;
import loupe.search.Hit;
import loupe.search.SearchBackend;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.Suggestion;
import loupe.search.lucene.facets.CursorSort;
import loupe.search.lucene.facets.FacetLists;
import loupe.search.lucene.facets.FacetedSearch;
import loupe.search.lucene.query.LastWordPrefix;
import loupe.search.lucene.query.UserQueryParser;
import loupe.search.lucene.spelling.SpellingCorrector;
import loupe.search.lucene.suggest.Completions;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The Lucene implementation of {@link SearchBackend}: searches one index directory, through the
 * near-real-time searchers of its {@link ArticleIndexer} or, read-only, through its own.
 *
 * <p>One instance per index, shared by all requests.
 */
public final class LuceneBackend implements SearchBackend {

  // Equal weights: the parser scores a word by its best field; a doubled title weight ranked worse
  // on both labelled sets (docs/decisions.md).
  private static final Map<String, Float> FIELD_BOOSTS = Map.of(Fields.TITLE, 1f, Fields.BODY, 1f);

  private final Analyzer analyzer = new FrenchNewsAnalyzer();
  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private final UserQueryParser parser = new UserQueryParser(analyzer, FIELD_BOOSTS, Fields.BODY);
  private final FacetedSearch facetedSearch = new FacetedSearch(facetsConfig);
  private final SpellingCorrector corrector = new SpellingCorrector();
  private final Completions completions = new Completions();
  private final SearcherViews views = new SearcherViews(analyzer, facetsConfig);
  private final Supplier<SearcherManager> searchers;
  private final Directory readOnlyDirectory; // null when searching through a writer

  private LuceneBackend(Supplier<SearcherManager> searchers, Directory readOnlyDirectory) {
    this.searchers = searchers;
    this.readOnlyDirectory = readOnlyDirectory;
  }

  /** Searches what {@code indexer} writes, its commits visible at once; the indexer stays the caller's to close. */
  public static LuceneBackend over(ArticleIndexer indexer) {
    return new LuceneBackend(indexer::searchers, null);
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
      SearcherManager manager = new SearcherManager(directory, null);
      return new LuceneBackend(() -> manager, directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Read → run → correct → relax → page. */
  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    long started = System.nanoTime();
    SearcherManager manager = searchers.get();
    IndexSearcher searcher = manager.acquire();
    try {
      Optional<LastWordPrefix.Split> typing = request.prefixLast() ? LastWordPrefix.split(request.query()) : Optional.empty();
      UserQueryParser.Parsed parsed = read(request.query(), typing, searcher);
      SearcherViews.View view = views.viewFor(searcher);
      FacetedSearch.Result result = facetedSearch.run(view, parsed.strict(), request, parsed.matchAll());

      Correction correction = null;
      // Keywords are always checked, so a misspelt name is offered a correction beside its few
      // results. A question or pasted text is checked only when it finds nothing: a correction of
      // a whole paragraph is no help to its reader, and checking each of its words costs more than
      // the search itself.
      boolean check = parsed.keywords() || result.total() == 0;
      if (!parsed.matchAll() && request.autocorrect() && check) {
        Optional<String> corrected = correct(request.query(), parsed, typing, searcher);
        if (corrected.isPresent()) {
          boolean applied = false;
          if (result.total() == 0) {
            // Nothing has every word as typed: show the corrected query's results, and say so.
            UserQueryParser.Parsed fixed = read(corrected.get(), typing.flatMap(t -> LastWordPrefix.split(corrected.get())), searcher);
            FacetedSearch.Result fixedResult = facetedSearch.run(view, fixed.strict(), request, fixed.matchAll());
            if (fixedResult.total() > 0) {
              result = fixedResult;
              parsed = fixed;
              applied = true;
            }
          }
          correction = new Correction(request.query(), corrected.get(), applied);
        }
      }

      // Nothing has every word (even corrected): a question keeps the articles with most of them.
      boolean relaxed = false;
      if (result.total() == 0 && parsed.canRelax()) {
        FacetedSearch.Result relaxedResult = facetedSearch.run(view, parsed.relaxed(), request, false);
        if (relaxedResult.total() > 0) {
          result = relaxedResult;
          relaxed = true;
        }
      }

      TopDocs ranked = result.topDocs();
      // A cursor walk keeps the first stage's order: the second stage reorders only a window of the best.
      if (Reranker.applies(request, parsed.matchAll()) && !request.cursor()) {
        // Issue 20: the learned second stage reorders the first stage's best (loupe.rank).
        String typed = correction != null && correction.applied() ? correction.corrected() : request.query();
        ranked = Reranker.standard().rerank(searcher, ranked, relaxed ? parsed.relaxed() : parsed.strict(), typed,
            request.recencyDays());
      }
      List<Hit> hits = HitPage.read(view, searcher, ranked, request, request.snippets() ? parsed.highlight() : null);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      return new SearchResponse(request.query(), result.total(), tookMs,
          request.from(), request.size(), relaxed, correction, hits, FacetLists.of(result.facets(), request),
          result.histogram(), CursorSort.next(result.topDocs(), request, parsed.matchAll()));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The query as parsed, with the word being typed (when there is one) matching the typed word or one
   * of its most frequent completions ({@link LastWordPrefix}). Completions that are stop words match
   * nothing and are left out; when no completion remains the query is read as typed.
   */
  private UserQueryParser.Parsed read(String query, Optional<LastWordPrefix.Split> typing, IndexSearcher searcher)
      throws IOException {
    UserQueryParser.Parsed whole = parser.parse(query);
    if (typing.isEmpty()) {
      return whole;
    }
    LastWordPrefix.Split split = typing.get();
    return LastWordPrefix.read(parser, whole, split, LastWordPrefix.expansions(searcher.getIndexReader(), split.last()));
  }

  /**
   * A corrected query, or empty. The word being typed is left as it is, and a correction that would
   * turn the query into one matching every article (only stop words left) is no correction.
   */
  private Optional<String> correct(String query, UserQueryParser.Parsed parsed, Optional<LastWordPrefix.Split> typing,
      IndexSearcher searcher) throws IOException {
    Optional<String> corrected;
    if (typing.isPresent()) {
      String head = typing.get().head();
      corrected = head.isBlank() ? Optional.empty()
          : corrector.correct(head, parser.parse(head).clauses(), searcher).map(fixed -> fixed + typing.get().last());
    } else {
      corrected = corrector.correct(query, parsed.clauses(), searcher);
    }
    return corrected.filter(c -> !parser.parse(c).matchAll());
  }

  @Override
  public loupe.entities.CorpusNames committedCorpusNames() throws IOException {
    SearcherManager manager = searchers.get();
    IndexSearcher searcher = manager.acquire();
    try {
      return loupe.index.CorpusEvidence.learn(searcher.getIndexReader());
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public long count() throws IOException {
    SearcherManager manager = searchers.get();
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void refresh() throws IOException {
    searchers.get().maybeRefresh();
  }

  @Override
  public Optional<List<Hit>> related(String id, int size) throws IOException {
    SearcherManager manager = searchers.get();
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
      return Optional.of(HitPage.read(views.viewFor(searcher), searcher, top, page, null));
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public Optional<IndexedArticle> find(String id) throws IOException {
    SearcherManager manager = searchers.get();
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
  public void forEachMatching(SearchRequest request, Consumer<IndexedArticle> consumer) throws IOException {
    SearcherManager manager = searchers.get();
    IndexSearcher searcher = manager.acquire();
    try {
      Query query = searcher.rewrite(facetedSearch.filtered(parser.parse(request.query()).strict(), request, null, null));
      Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
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
  public void forEach(Consumer<IndexedArticle> consumer) throws IOException {
    SearcherManager manager = searchers.get();
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
    return suggest(prefix, size, SearchRequest.builder().build());
  }

  /**
   * Completions of what the user types, each counted as the user will see it: a word by the search
   * of the completed text, a name by the search of the words typed before it with its value ticked,
   * both under the filters already ticked in {@code context}. Those that would show no article, or
   * only stop words (every article), are left out.
   */
  @Override
  public List<Suggestion> suggest(String prefix, int size, SearchRequest context) throws IOException {
    SearcherManager manager = searchers.get();
    IndexSearcher searcher = manager.acquire();
    try {
      Map<String, List<String>> ticked = context.filters();
      boolean unfiltered = ticked.values().stream().allMatch(List::isEmpty)
          && context.dateFrom() == null && context.dateTo() == null;
      List<Suggestion> kept = new ArrayList<>();
      // Twice as many candidates: some are dropped below.
      for (Suggestion s : completions.complete(prefix, 2 * size, views.viewFor(searcher).suggester(), searcher)) {
        if (kept.size() >= size || (s.facet() != null && ticked.getOrDefault(s.facet(), List.of()).contains(s.text()))) {
          continue;
        }
        UserQueryParser.Parsed parsed = parser.parse(s.query());
        if (s.facet() == null && parsed.matchAll()) {
          continue; // a stop word (« pour ») searches for nothing: it would show every article
        }
        // A name alone over the whole corpus is already counted exactly by its facet.
        long count = s.facet() != null && s.query().isEmpty() && unfiltered ? s.count()
            : searcher.count(facetedSearch.filtered(parsed.strict(), context, s.facet(), s.text()));
        if (count > 0) {
          kept.add(s.withCount(count));
        }
      }
      return kept;
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    if (readOnlyDirectory != null) {
      try {
        searchers.get().close();
      } finally {
        readOnlyDirectory.close();
      }
    }
  }
}
