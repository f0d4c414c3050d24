package loupe.search.lucene.facets;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The labels of the facet values one view of the index has already shown, by index-wide ordinal.
 * Reading a label decompresses a block of the facet terms, and every search lists the top values
 * of five dimensions, mostly the same ones (« Emmanuel Macron », « France »), which profiles of
 * {@code serve} showed as a visible share of a search (docs/decisions.md).
 */
public final class FacetLabels {

  /** Enough for the values that make the top lists; rarer ones are read each time, so memory stays bounded. */
  private static final int MAX_LABELS = 8192;

  private final ConcurrentHashMap<Integer, String> byOrdinal = new ConcurrentHashMap<>();

  /** The last component of the facet path of {@code ordinal} in {@code values}, the view's facet ordinals. */
  String label(SortedSetDocValues values, int ordinal) throws IOException {
    String label = byOrdinal.get(ordinal);
    if (label == null) {
      String[] parts = FacetsConfig.stringToPath(values.lookupOrd(ordinal).utf8ToString());
      label = parts[parts.length - 1];
      if (byOrdinal.size() < MAX_LABELS) {
        byOrdinal.putIfAbsent(ordinal, label);
      }
    }
    return label;
  }
}
