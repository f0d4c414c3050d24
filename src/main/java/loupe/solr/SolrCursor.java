package loupe.solr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import loupe.search.SortOrder;
import org.apache.solr.common.SolrException;

/**
 * A cursor walk ({@code search_after}) on SolrCloud: Solr's {@code cursorMark} on the request's sort,
 * which already ends with the id (unique), wrapped in Loupe's own opaque cursor with the order's name,
 * so a cursor resumes only its own order, and the number of hits seen, so the last page says the walk
 * is over (no {@code next_search_after}) as the embedded index does, rather than one empty page later.
 *
 * <p>Stateless.
 */
final class SolrCursor {

  /** Where a walk resumes: Solr's mark and how many hits the pages before held. */
  record Position(String cursorMark, long seen) {}

  private static final String SEPARATOR = "\n";

  private SolrCursor() {}

  /** The position {@code request}'s cursor names; a cursor of another order, or not made here, is a 400. */
  static Position position(SearchRequest request, boolean matchAll) {
    String cursor = request.searchAfter();
    if (cursor.equals(SearchRequest.START_CURSOR)) {
      return new Position("*", 0);
    }
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, 3);
    } catch (IllegalArgumentException notBase64) {
      throw notACursor(request);
    }
    if (parts.length != 3 || !parts[0].equals(order(request, matchAll)) || parts[2].isEmpty()) {
      throw notACursor(request);
    }
    try {
      return new Position(parts[2], Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      throw notACursor(request);
    }
  }

  /** The next page's cursor, or {@code null} when this page ends the walk. */
  static String next(SearchRequest request, boolean matchAll, Position position, int hits, long total,
      String nextCursorMark) {
    long seen = position.seen() + hits;
    if (hits < request.size() || seen >= total || nextCursorMark == null || nextCursorMark.equals(position.cursorMark())) {
      return null;
    }
    String cursor = order(request, matchAll) + SEPARATOR + seen + SEPARATOR + nextCursorMark;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether Solr refused the request as malformed: a forged mark inside a well-formed cursor. */
  static boolean refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SolrException se && se.code() == 400) {
        return true;
      }
    }
    return false;
  }

  static InvalidRequestException notACursor(SearchRequest request) {
    return new InvalidRequestException("search_after", "not a cursor of this search (sort=" + request.sort().apiName()
        + "); start a walk with search_after=* and send each next_search_after back with the same query, filters and sort");
  }

  /** The walk's order, as the page's sort: newest first for a relevance walk without query text. */
  private static String order(SearchRequest request, boolean matchAll) {
    return request.sort() == SortOrder.RELEVANCE && matchAll ? SortOrder.DATE.name() : request.sort().name();
  }
}
