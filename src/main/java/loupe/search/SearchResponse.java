package loupe.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A page of results with the facet counts, as the API and the CLI return it.
 *
 * @param query the query text as received
 * @param total number of matching articles (exact)
 * @param tookMs time spent searching, in milliseconds
 * @param from offset of the first hit
 * @param size page size asked for
 * @param relaxed true when no article had every word and the results are those with some of them
 * @param hits the page of hits
 * @param correction the spelling correction offered or applied, or {@code null}
 * @param facets per dimension ({@code country}, {@code person}) the top values and the selected ones
 * @param dateHistogram the matching articles counted by day, month or year, or {@code null} when none is dated
 * @param nextSearchAfter in a cursor walk ({@code search_after}), the cursor of the next page; {@code null}
 *     (absent from the JSON) when the walk is over or the request paged by {@code from}
 */
public record SearchResponse(
    String query,
    long total,
    long tookMs,
    int from,
    int size,
    boolean relaxed,
    Correction correction,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    @JsonInclude(JsonInclude.Include.NON_NULL) DateHistogram dateHistogram,
    @JsonInclude(JsonInclude.Include.NON_NULL) String nextSearchAfter) {

  /** A page by {@code from}, without a cursor. */
  public SearchResponse(String query, long total, long tookMs, int from, int size, boolean relaxed,
      Correction correction, List<Hit> hits, Map<String, List<FacetValue>> facets, DateHistogram dateHistogram) {
    this(query, total, tookMs, from, size, relaxed, correction, hits, facets, dateHistogram, null);
  }

  /** A response without a date histogram (a backend that does not count dates). */
  public SearchResponse(String query, long total, long tookMs, int from, int size, boolean relaxed,
      Correction correction, List<Hit> hits, Map<String, List<FacetValue>> facets) {
    this(query, total, tookMs, from, size, relaxed, correction, hits, facets, null, null);
  }
}
