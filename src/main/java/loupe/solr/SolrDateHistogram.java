package loupe.solr;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import loupe.index.Fields;
import loupe.search.DateHistogram;
import loupe.search.SearchRequest;
import loupe.search.lucene.facets.DateHistograms;
import org.apache.solr.common.util.NamedList;

/**
 * The timeline of the hits on SolrCloud, drawn as the embedded index draws it: the first and last
 * dated hits come with the page (two stats of the JSON Facet API), then one range facet counts the
 * hits by the interval that span calls for, and Loupe's own rules list the buckets.
 *
 * <p>Stateless.
 */
final class SolrDateHistogram {

  /** The stats added to a page's {@code json.facet}: the first and last dates of the hits, every filter applied. */
  static final String STATS = "date_min:\"min(" + Fields.DATE + ")\",date_max:\"max(" + Fields.DATE + ")\"";

  /** The days of the first and last dated hits. */
  record Span(LocalDate first, LocalDate last) {}

  private SolrDateHistogram() {}

  /** The span of the hits' dates, or empty when no hit is dated. */
  static Optional<Span> span(NamedList<Object> facets) {
    if (facets == null || !(facets.get("date_min") instanceof Date min) || !(facets.get("date_max") instanceof Date max)) {
      return Optional.empty();
    }
    return Optional.of(new Span(day(min), day(max)));
  }

  /** The range facet counting the hits by the interval the embedded index would choose for this span. */
  static String rangeFacet(Span span, SearchRequest request) {
    LocalDate first = request.dateFrom() != null ? request.dateFrom() : span.first();
    LocalDate last = request.dateTo() != null ? request.dateTo() : span.last();
    String interval = DateHistograms.interval(first, last);
    LocalDate start = switch (interval) {
      case "year" -> span.first().withDayOfYear(1); // by year, only the years of the hits are listed
      case "month" -> first.withDayOfMonth(1);
      default -> first;
    };
    LocalDate end = (interval.equals("year") ? span.last() : last).plusDays(1);
    String gap = switch (interval) {
      case "year" -> "+1YEAR";
      case "month" -> "+1MONTH";
      default -> "+1DAY";
    };
    return "{dates:{type:range,field:" + Fields.DATE + ",start:\"" + instant(start) + "\",end:\"" + instant(end)
        + "\",gap:\"" + gap + "\",hardend:false}}";
  }

  /** The histogram from the range facet's buckets. */
  static DateHistogram read(NamedList<Object> facets, Span span, SearchRequest request) {
    // Each bucket's count is keyed on a day inside it, the span's own ends included, so the span
    // (which decides the interval) is that of the hits, as in the embedded index.
    TreeMap<Long, Long> days = new TreeMap<>();
    days.put(span.first().toEpochDay(), 0L);
    days.merge(span.last().toEpochDay(), 0L, Long::sum);
    Object dates = facets == null ? null : facets.get("dates");
    if (dates instanceof NamedList<?> range && range.get("buckets") instanceof List<?> buckets) {
      for (Object b : buckets) {
        NamedList<?> bucket = (NamedList<?>) b;
        long count = ((Number) bucket.get("count")).longValue();
        if (count > 0 && bucket.get("val") instanceof Date start) {
          long day = Math.max(day(start).toEpochDay(), span.first().toEpochDay());
          days.merge(day, count, Long::sum);
        }
      }
    }
    return DateHistograms.ofDays(days, request.dateFrom(), request.dateTo());
  }

  private static LocalDate day(Date date) {
    return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
  }

  private static String instant(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
  }
}
