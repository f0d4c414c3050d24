package loupe.search.lucene.suggest;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loupe.index.Fields;
import loupe.search.Suggestion;
import loupe.search.lucene.SearcherViews;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

/**
 * Completes what the user types from the entity names of the index (persons and countries, with
 * their article counts), accent- and case-insensitively, matching the start of any word of the name
 * (« pou » finds « Vladimir Poutine »). Immutable; built once per searcher refresh.
 */
public final class Suggester {

  private record Entry(String key, Suggestion suggestion) {}

  private static final Suggester EMPTY = new Suggester(new Entry[0]);

  /** Sorted by key: one entry per word start of each name. */
  private final Entry[] entries;

  private Suggester(Entry[] entries) {
    this.entries = entries;
  }

  public static Suggester build(SortedSetDocValuesReaderState state) throws IOException {
    if (state == null) {
      return EMPTY;
    }
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state);
    Map<String, List<LabelAndValue>> byDim = new LinkedHashMap<>();
    for (String dim : SearcherViews.dims()) {
      FacetResult all;
      try {
        all = counts.getAllChildren(dim);
      } catch (IllegalArgumentException unknownDimension) {
        continue;
      }
      if (all != null) {
        byDim.put(dim, List.of(all.labelValues));
      }
    }
    return of(byDim);
  }

  /** The completion lists of these facet values (per dimension, with their article counts), from any engine. */
  public static Suggester of(Map<String, List<LabelAndValue>> valuesByDim) {
    List<Entry> entries = new ArrayList<>();
    valuesByDim.forEach((dim, values) -> {
      String type = dim; // the suggestion's type names the facet its pick ticks
      for (LabelAndValue lv : values) {
        Suggestion s = new Suggestion(lv.label, type, lv.value.longValue());
        String folded = fold(lv.label);
        int start = 0;
        while (start >= 0 && start < folded.length()) {
          entries.add(new Entry(folded.substring(start), s));
          int space = indexOfWordBreak(folded, start);
          start = space < 0 ? -1 : space + 1;
        }
      }
    });
    Entry[] array = entries.toArray(new Entry[0]);
    Arrays.sort(array, Comparator.comparing(Entry::key));
    return new Suggester(array);
  }

  private static int indexOfWordBreak(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '-' || c == '\'') {
        return i;
      }
    }
    return -1;
  }

  /** Whether a word of {@code name} (after folding) starts with the folded prefix. */
  public static boolean hasWordStartingWith(String name, String foldedPrefix) {
    String folded = fold(name);
    int start = 0;
    while (start >= 0 && start < folded.length()) {
      if (folded.startsWith(foldedPrefix, start)) {
        return true;
      }
      int space = indexOfWordBreak(folded, start);
      start = space < 0 ? -1 : space + 1;
    }
    return false;
  }

  /** Lower case without accents: what the user may type for a name. */
  public static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(c == '\u2019' ? '\'' : c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
  }

  /** The most frequent names with a word starting with {@code prefix}. */
  public List<Suggestion> suggest(String prefix, int size) {
    String key = fold(prefix.strip());
    if (key.isEmpty() || size <= 0) {
      return List.of();
    }
    int lo = lowerBound(key);
    List<Suggestion> found = new ArrayList<>();
    for (int i = lo; i < entries.length && entries[i].key().startsWith(key); i++) {
      Suggestion s = entries[i].suggestion();
      if (!found.contains(s)) {
        found.add(s);
      }
    }
    found.sort(Comparator.comparingLong(Suggestion::count).reversed().thenComparing(Suggestion::text));
    return found.size() > size ? List.copyOf(found.subList(0, size)) : found;
  }

  private int lowerBound(String key) {
    int lo = 0;
    int hi = entries.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries[mid].key().compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
