package loupe.search;

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
 * Counts the values of one flat facet dimension over a set of hits. Lucene's
 * {@code SortedSetDocValuesFacetCounts} counts every dimension of the shared facet field and maps
 * each ordinal of each hit to its index-wide ordinal; a drill-sideways request built two of them,
 * and together they took a fifth of the slowest searches. This counts one dimension, in each
 * segment's own ordinals (a doc's ordinals are sorted, so it stops at the first one past the
 * dimension), and maps only the values counted, once per segment.
 */
final class DimensionCounts extends Facets {

  private final SortedSetDocValuesReaderState state;
  private final String dim;
  private final int start; // the dimension's first index-wide ordinal; counts[i] is ordinal start + i
  private final int[] counts;

  /**
   * @param state the facet ordinals of the searcher that produced {@code hits}
   * @param hits the documents to count
   * @param dim a flat dimension of {@code state}'s field
   */
  DimensionCounts(SortedSetDocValuesReaderState state, FacetsCollector hits, String dim) throws IOException {
    this.state = state;
    this.dim = dim;
    SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
    this.start = range == null ? 0 : range.start();
    this.counts = new int[range == null ? 0 : range.end() - range.start() + 1];
    if (range != null) {
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
    // The dimension's ordinals in this segment: those of the terms "dim\u001f…", which sort together.
    long from = insertionPoint(values, dim + FacetsConfig.DELIM_CHAR);
    long to = insertionPoint(values, dim + (char) (FacetsConfig.DELIM_CHAR + 1));
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
    checkDimension(dim, path);
    // Most counted first; among equal counts, the first in label order (as Lucene's own counts do).
    PriorityQueue<Integer> top = new PriorityQueue<>(topN + 1,
        (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[a], counts[b]) : Integer.compare(b, a));
    long total = 0;
    int children = 0;
    for (int i = 0; i < counts.length; i++) {
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
    checkDimension(dim, path);
    List<LabelAndValue> labels = new ArrayList<>();
    long total = 0;
    SortedSetDocValues values = state.getDocValues();
    for (int i = 0; i < counts.length; i++) {
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
    checkDimension(dim, new String[0]);
    long ord = state.getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < start || ord - start >= counts.length ? -1 : counts[(int) ord - start];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    FacetResult result = getTopChildren(topN, dim);
    return result == null ? List.of() : List.of(result);
  }

  private String label(SortedSetDocValues values, int i) throws IOException {
    String[] parts = FacetsConfig.stringToPath(values.lookupOrd(start + i).utf8ToString());
    return parts[parts.length - 1];
  }

  private void checkDimension(String dim, String[] path) {
    if (!this.dim.equals(dim)) {
      throw new IllegalArgumentException("dimension \"" + dim + "\" was not counted here, only \"" + this.dim + "\"");
    }
    if (path.length > 0) {
      throw new IllegalArgumentException("dimension \"" + dim + "\" is flat: no path below it");
    }
  }
}
