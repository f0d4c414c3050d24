package loupe.search;

import java.io.IOException;
import loupe.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;

/**
 * Builds, once per refreshed searcher, what every request on it shares: the facet ordinals, the
 * highlighter and the suggestion lists. Rebuilding them per request would cost more than the search.
 */
final class SearcherViews {

  /** What requests share for one point-in-time view of the index. */
  record View(IndexSearcher searcher, SortedSetDocValuesReaderState facetState,
      SnippetHighlighter highlighter, Suggester suggester) {}

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
      view = new View(searcher, state, new SnippetHighlighter(searcher, analyzer),
          Suggester.build(state));
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

  static String[] dims() {
    return new String[] {Fields.COUNTRY, Fields.PERSON};
  }
}
