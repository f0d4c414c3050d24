package loupe.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * The counts Solr's JSON Facet API returned, seen as Lucene {@link Facets}, so the response's facet
 * lists follow the same rules with either backend (top values, ticked ones always shown).
 *
 * @param buckets per dimension, the values Solr listed, most frequent first
 * @param specific per dimension, the counts of the ticked values (asked for one by one)
 */
record SolrFacets(Map<String, List<LabelAndValue>> buckets, Map<String, Map<String, Long>> specific) {

  /** A Lucene view of these counts. */
  Facets asFacets() {
    return new Facets() {
      @Override
      public FacetResult getAllChildren(String dim, String... path) {
        return result(dim, Integer.MAX_VALUE);
      }

      @Override
      public FacetResult getTopChildren(int topN, String dim, String... path) {
        return result(dim, topN);
      }

      @Override
      public Number getSpecificValue(String dim, String... path) {
        Long ticked = specific.getOrDefault(dim, Map.of()).get(path[0]);
        if (ticked != null) {
          return ticked;
        }
        for (LabelAndValue lv : buckets.getOrDefault(dim, List.of())) {
          if (lv.label.equals(path[0])) {
            return lv.value;
          }
        }
        return -1;
      }

      @Override
      public List<FacetResult> getAllDims(int topN) {
        List<FacetResult> all = new ArrayList<>();
        for (String dim : buckets.keySet()) {
          FacetResult r = result(dim, topN);
          if (r != null) {
            all.add(r);
          }
        }
        return all;
      }
    };
  }

  private FacetResult result(String dim, int topN) {
    List<LabelAndValue> values = buckets.getOrDefault(dim, List.of());
    if (values.isEmpty()) {
      return null; // as Lucene: no article of the hits has a value in this dimension
    }
    List<LabelAndValue> top = values.subList(0, Math.min(topN, values.size()));
    return new FacetResult(dim, new String[0], -1, top.toArray(LabelAndValue[]::new), values.size());
  }
}
