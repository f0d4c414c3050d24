package loupe.search.lucene.facets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import loupe.index.Fields;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The orders of a cursor walk ({@code search_after}) and the opaque cursors that resume them. Each
 * order ends with the article id, unique, so the order is total and a walk meets every match once
 * (as Elasticsearch asks of a search_after sort and Solr of a cursorMark one).
 */
public final class CursorSort {

  /** The three orders a walk can follow: the name goes into the cursor, so a cursor resumes only its own order. */
  private enum Order {
    SCORE(new Sort(SortField.FIELD_SCORE, id())),
    // Undated articles last, in both date orders, as the pages by from show them.
    NEWEST(new Sort(LongField.newSortField(Fields.DATE, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE),
        SortField.FIELD_SCORE, id())),
    OLDEST(new Sort(LongField.newSortField(Fields.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
        SortField.FIELD_SCORE, id()));

    final Sort sort;

    Order(Sort sort) {
      this.sort = sort;
    }

    private static SortField id() {
      return KeywordField.newSortField(Fields.ID, false, SortedSetSelector.Type.MIN);
    }
  }

  private static final String SEPARATOR = "\n";

  private CursorSort() {}

  /** The order of {@code request}'s walk: its sort, newest first for a relevance walk without query text. */
  public static Sort sort(SearchRequest request, boolean matchAll) {
    return order(request, matchAll).sort;
  }

  /**
   * Where the walk resumes: {@code null} at its start ({@code search_after=*}), otherwise the sort values
   * of the last hit the reader has seen. A cursor of another order or not made here is a 400.
   */
  public static FieldDoc after(SearchRequest request, boolean matchAll) {
    String cursor = request.searchAfter();
    if (cursor == null || cursor.equals(SearchRequest.START_CURSOR)) {
      return null;
    }
    Order order = order(request, matchAll);
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, order(request, matchAll).sort.getSort().length + 1);
    } catch (IllegalArgumentException notBase64) {
      throw notACursor(request);
    }
    SortField[] fields = order.sort.getSort();
    if (parts.length != fields.length + 1 || !parts[0].equals(order.name())) {
      throw notACursor(request);
    }
    Object[] values = new Object[fields.length];
    try {
      for (int i = 0; i < fields.length; i++) {
        String part = parts[i + 1];
        if (fields[i].getType() == SortField.Type.SCORE) {
          values[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(part, 16));
        } else if (Fields.ID.equals(fields[i].getField())) {
          values[i] = new BytesRef(part);
        } else {
          values[i] = Long.parseLong(part); // the date's epoch millis
        }
      }
    } catch (NumberFormatException e) {
      throw notACursor(request);
    }
    // Past every document with the same values: only the hit of that id has them, and it was seen.
    return new FieldDoc(Integer.MAX_VALUE, Float.NaN, values);
  }

  /**
   * The next page's cursor, or {@code null} when the walk is over or {@code request} is no walk: {@code top}
   * holds one hit more than the page when there is a next one ({@link FacetedSearch} asks for it).
   */
  public static String next(TopDocs top, SearchRequest request, boolean matchAll) {
    if (!request.cursor() || top.scoreDocs.length <= request.size()) {
      return null;
    }
    return cursorAfter((FieldDoc) top.scoreDocs[request.size() - 1], request, matchAll);
  }

  private static String cursorAfter(FieldDoc last, SearchRequest request, boolean matchAll) {
    Order order = order(request, matchAll);
    List<String> parts = new ArrayList<>();
    parts.add(order.name());
    for (Object value : last.fields) {
      parts.add(switch (value) {
        case Float score -> Integer.toHexString(Float.floatToIntBits(score));
        case BytesRef id -> id.utf8ToString();
        default -> value.toString();
      });
    }
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
  }

  private static Order order(SearchRequest request, boolean matchAll) {
    return switch (request.sort()) {
      case OLDEST -> Order.OLDEST;
      case DATE -> Order.NEWEST;
      case RELEVANCE -> matchAll ? Order.NEWEST : Order.SCORE;
    };
  }

  private static InvalidRequestException notACursor(SearchRequest request) {
    return new InvalidRequestException("search_after", "not a cursor of this search (sort=" + request.sort().apiName()
        + "); start a walk with search_after=* and send each next_search_after back with the same query, filters and sort");
  }
}
