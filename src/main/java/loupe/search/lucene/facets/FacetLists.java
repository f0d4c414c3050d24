package loupe.search.lucene.facets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.index.Fields;
import loupe.search.FacetValue;
import loupe.search.SearchRequest;
import loupe.search.lucene.suggest.Suggester;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/** Turns Lucene's facet counts into the lists a response shows, ticked values always included. */
public final class FacetLists {

  private FacetLists() {}

  /** The facet lists of a response: top values (or those matching the typed prefix) plus the ticked ones. */
  public static Map<String, List<FacetValue>> of(Facets facets, SearchRequest request) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    Map<String, String> prefixes = Map.of(Fields.COUNTRY, request.countryPrefix(), Fields.PERSON, request.personPrefix(),
        Fields.ORGANIZATION, request.organizationPrefix());
    for (Map.Entry<String, List<String>> dim : request.filters().entrySet()) {
      out.put(dim.getKey(), facetValues(facets, dim.getKey(), dim.getValue(), request.facetSize(),
          prefixes.getOrDefault(dim.getKey(), "")));
    }
    return out;
  }

  private static List<FacetValue> facetValues(Facets facets, String dim, List<String> selected, int size,
      String prefix) throws IOException {
    List<FacetValue> values = new ArrayList<>();
    List<String> missing = new ArrayList<>(selected);
    if (facets != null && size > 0) {
      List<LabelAndValue> top = prefix.isEmpty() ? topChildren(facets, dim, size) : matching(facets, dim, size, prefix);
      if (top != null) {
        for (LabelAndValue lv : top) {
          values.add(new FacetValue(lv.label, lv.value.longValue(), selected.contains(lv.label)));
          missing.remove(lv.label);
        }
      }
    }
    // A ticked value stays visible (and can be unticked) even when it is outside the top values.
    for (String value : missing) {
      long count = 0;
      if (facets != null) {
        try {
          Number n = facets.getSpecificValue(dim, value);
          count = n == null ? 0 : Math.max(0, n.longValue());
        } catch (IllegalArgumentException unknownDimension) {
          count = 0;
        }
      }
      values.add(new FacetValue(value, count, true));
    }
    return values;
  }

  private static List<LabelAndValue> topChildren(Facets facets, String dim, int size) throws IOException {
    try {
      FacetResult result = facets.getTopChildren(size, dim);
      return result == null ? null : List.of(result.labelValues);
    } catch (IllegalArgumentException unknownDimension) {
      return null; // no article has a value in this dimension yet
    }
  }

  /** User filters a long facet list by typing (« Kim… »): the values with a word starting so, most frequent first. */
  private static List<LabelAndValue> matching(Facets facets, String dim, int size, String prefix) throws IOException {
    FacetResult all;
    try {
      all = facets.getAllChildren(dim);
    } catch (IllegalArgumentException unknownDimension) {
      return null;
    }
    if (all == null) {
      return null;
    }
    String folded = Suggester.fold(prefix);
    return Arrays.stream(all.labelValues)
        .filter(lv -> lv.value.longValue() > 0 && Suggester.hasWordStartingWith(lv.label, folded))
        .sorted(Comparator.comparingLong((LabelAndValue lv) -> lv.value.longValue()).reversed()
            .thenComparing(lv -> lv.label))
        .limit(size)
        .toList();
  }

}
