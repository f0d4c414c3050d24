package loupe.search.lucene.facets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * Counts the values of flat facet dimensions over a set of hits. Lucene's
 * {@code SortedSetDocValuesFacetCounts} counts every dimension of the shared facet field and, for
 * fewer hits than a tenth of the values, maps each ordinal of each hit to its index-wide one; a
 * drill-sideways request built two of them, and together they took a fifth of the slowest
 * searches. This counts only the dimensions asked for, in each segment's own ordinals (a
 * document's ordinals are sorted, so it stops at the first one past them), and maps only the
 * values counted, once per segment.
 */
public final class DimensionCounts extends Facets {

  private final SortedSetDocValuesReaderState state;
  private final List<String> dims;
  private final int start; // the first index-wide ordinal counted; counts[i] is ordinal start + i
  private final int[] counts;

  /**
   * @param state the facet ordinals of the searcher that produced {@code hits}
   * @param hits the documents to count
   * @param dims flat dimensions of {@code state}'s field, counted in one pass over the hits
   */
  public DimensionCounts(SortedSetDocValuesReaderState state, FacetsCollector hits, String... dims) throws IOException {
    this.state = state;
    this.dims = List.of(dims);
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (String dim : dims) {
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
      if (range != null) {
        first = Math.min(first, range.start());
        last = Math.max(last, range.end());
      }
    }
    this.start = last < 0 ? 0 : first;
    this.counts = new int[last < 0 ? 0 : last - first + 1];
    if (last >= 0) {
      SortedSetDocValues all = state.getDocValues();
      OrdinalMap ordinalMap = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
      for (FacetsCollector.MatchingDocs segment : hits.getMatchingDocs()) {
        count(segment, ordinalMap == null ? null : ordinalMap.getGlobalOrds(segment.context().ord));
      }
    }
  }

  private void count(FacetsCollector.MatchingDocs segment, LongValues toGlobal) throws IOException {
    if (segment.totalHits() == 0) {
      return;
    }
    SortedSetDocValues values = DocValues.getSortedSet(segment.context().reader(), state.getField());
    if (values == null) {
      return;
    }
    // The dimensions' ordinals in this segment: those of the terms "dim\u001f…", which sort together.
    // Values of another dimension sorting between two counted ones are counted and never shown.
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (String dim : dims) {
      long dimFrom = insertionPoint(values, dim + FacetsConfig.DELIM_CHAR);
      long dimTo = insertionPoint(values, dim + (char) (FacetsConfig.DELIM_CHAR + 1));
      if (dimFrom < dimTo) {
        from = Math.min(from, dimFrom);
        to = Math.max(to, dimTo);
      }
    }
    if (from >= to) {
      return;
    }
    int[] segmentCounts = new int[(int) (to - from)];
    DocIdSetIterator docs = segment.bits().iterator();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (!values.advanceExact(doc)) {
        continue;
      }
      for (int i = values.docValueCount(); i > 0; i--) {
        long ord = values.nextOrd();
        if (ord >= to) {
          break;
        }
        if (ord >= from) {
          segmentCounts[(int) (ord - from)]++;
        }
      }
    }
    for (int i = 0; i < segmentCounts.length; i++) {
      if (segmentCounts[i] != 0) {
        long global = toGlobal == null ? from + i : toGlobal.get(from + i);
        counts[(int) global - start] += segmentCounts[i];
      }
    }
  }

  /** The ordinal of {@code key} if present, else of the first term after it. */
  private static long insertionPoint(SortedSetDocValues values, String key) throws IOException {
    long ord = values.lookupTerm(new BytesRef(key));
    return ord >= 0 ? ord : -ord - 1;
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    SortedSetDocValuesReaderState.OrdRange range = checkDimension(dim, path);
    if (range == null) {
      return null;
    }
    // Most counted first; among equal counts, the first in label order (as Lucene's own counts do).
    PriorityQueue<Integer> top = new PriorityQueue<>(topN + 1,
        (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[a], counts[b]) : Integer.compare(b, a));
    long total = 0;
    int children = 0;
    for (int i = range.start() - start; i <= range.end() - start; i++) {
      if (counts[i] > 0) {
        total += counts[i];
        children++;
        if (top.size() < topN) {
          top.add(i);
        } else if (counts[i] > counts[top.peek()]) {
          top.poll();
          top.add(i);
        }
      }
    }
    if (children == 0) {
      return null;
    }
    LabelAndValue[] labels = new LabelAndValue[top.size()];
    SortedSetDocValues values = state.getDocValues();
    for (int k = labels.length - 1; k >= 0; k--) {
      int i = top.poll();
      labels[k] = new LabelAndValue(label(values, i), counts[i]);
    }
    return new FacetResult(dim, new String[0], total, labels, children);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    SortedSetDocValuesReaderState.OrdRange range = checkDimension(dim, path);
    if (range == null) {
      return null;
    }
    List<LabelAndValue> labels = new ArrayList<>();
    long total = 0;
    SortedSetDocValues values = state.getDocValues();
    for (int i = range.start() - start; i <= range.end() - start; i++) {
      if (counts[i] > 0) {
        total += counts[i];
        labels.add(new LabelAndValue(label(values, i), counts[i]));
      }
    }
    return labels.isEmpty() ? null
        : new FacetResult(dim, new String[0], total, labels.toArray(new LabelAndValue[0]), labels.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) {
      throw new IllegalArgumentException("path must be length=1");
    }
    SortedSetDocValuesReaderState.OrdRange range = checkDimension(dim, new String[0]);
    long ord = state.getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return range == null || ord < range.start() || ord > range.end() ? -1 : counts[(int) ord - start];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : dims) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) {
        results.add(result);
      }
    }
    return results;
  }

  private String label(SortedSetDocValues values, int i) throws IOException {
    String[] parts = FacetsConfig.stringToPath(values.lookupOrd(start + i).utf8ToString());
    return parts[parts.length - 1];
  }

  /** The dimension's index-wide ordinals, null when no document has it. */
  private SortedSetDocValuesReaderState.OrdRange checkDimension(String dim, String[] path) {
    if (!dims.contains(dim)) {
      throw new IllegalArgumentException("dimension \"" + dim + "\" was not counted here, only " + dims);
    }
    if (path.length > 0) {
      throw new IllegalArgumentException("dimension \"" + dim + "\" is flat: no path below it");
    }
    return state.getOrdRange(dim);
  }
}
