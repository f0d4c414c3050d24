package loupe.search.lucene;

import java.io.IOException;
import loupe.index.Fields;
import loupe.search.lucene.facets.FacetLabels;
import loupe.search.lucene.highlight.SnippetHighlighter;
import loupe.search.lucene.suggest.Suggester;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;

/**
 * Builds, once per refreshed searcher, what every request on it shares: the facet ordinals, the
 * highlighter and (on first use) the suggestion lists. Rebuilding them per request would cost more
 * than the search.
 */
public final class SearcherViews {

  /** What requests share for one point-in-time view of the index. */
  public static final class View {
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final SnippetHighlighter highlighter;
    private final FacetLabels facetLabels = new FacetLabels();
    private volatile Suggester suggester;

    View(IndexSearcher searcher, SortedSetDocValuesReaderState facetState, SnippetHighlighter highlighter) {
      this.searcher = searcher;
      this.facetState = facetState;
      this.highlighter = highlighter;
    }

    public IndexSearcher searcher() {
      return searcher;
    }

    public SortedSetDocValuesReaderState facetState() {
      return facetState;
    }

    /** The facet labels this view has read, kept for its later requests. */
    public FacetLabels facetLabels() {
      return facetLabels;
    }

    public SnippetHighlighter highlighter() {
      return highlighter;
    }

    /**
     * The completion lists, built by the first completion on this view: they take twice as long as the
     * facet ordinals, and a search never needs them, so it does not wait for them after a refresh.
     */
    public Suggester suggester() throws IOException {
      Suggester s = suggester;
      if (s == null) {
        synchronized (this) {
          s = suggester;
          if (s == null) {
            s = Suggester.build(facetState);
            suggester = s;
          }
        }
      }
      return s;
    }
  }

  private final Analyzer analyzer;
  private final FacetsConfig facetsConfig;
  private volatile View current;

  SearcherViews(Analyzer analyzer, FacetsConfig facetsConfig) {
    this.analyzer = analyzer;
    this.facetsConfig = facetsConfig;
  }

  View viewFor(IndexSearcher searcher) throws IOException {
    View view = current;
    if (view != null && view.searcher() == searcher) {
      return view;
    }
    synchronized (this) {
      view = current;
      if (view != null && view.searcher() == searcher) {
        return view;
      }
      SortedSetDocValuesReaderState state = facetState(searcher);
      view = new View(searcher, state, new SnippetHighlighter(searcher, analyzer));
      current = view;
      return view;
    }
  }

  private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
    FieldInfo facets = FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
        .fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    if (facets == null) {
      return null; // an empty index, or no article with an entity yet
    }
    return new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
  }

  public static String[] dims() {
    return new String[] {Fields.COUNTRY, Fields.PERSON, Fields.SOURCE, Fields.ORGANIZATION, Fields.SECTION};
  }
}
