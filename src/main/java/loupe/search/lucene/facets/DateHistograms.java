package loupe.search.lucene.facets;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import loupe.index.Fields;
import loupe.search.DateHistogram;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts the dates of the matching articles into a {@link DateHistogram}, from the hits already collected
 * or from counts another engine made (SolrCloud), so both backends draw the same timeline.
 */
public final class DateHistograms {

  /** Spans longer than this many days are counted by year. */
  static final int YEARS_BEYOND_DAYS = 3 * 366;
  /** Spans longer than this many days (about a quarter) are counted by month; shorter ones by day. */
  static final int MONTHS_BEYOND_DAYS = 92;

  private DateHistograms() {}

  /**
   * The histogram of the hits' dates, or {@code null} when no hit has a date. The span is the
   * selected range where a bound is given (a timeline of 2024 shows its twelve months, empty ones
   * too), the span of the hits' dates otherwise; counted by year, only the years with hits and those
   * between them are listed.
   */
  static DateHistogram of(FacetsCollector hits, LocalDate rangeFrom, LocalDate rangeTo) throws IOException {
    // Counted by day first (a news corpus has a few thousand distinct days), then rolled up.
    TreeMap<Long, Long> days = new TreeMap<>();
    for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
      SortedNumericDocValues dates = DocValues.getSortedNumeric(matching.context().reader(), Fields.DATE);
      DocIdSetIterator docs = matching.bits().iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (dates.advanceExact(doc)) {
          long day = Math.floorDiv(dates.nextValue(), 86_400_000L);
          days.merge(day, 1L, Long::sum);
        }
      }
    }
    return ofDays(days, rangeFrom, rangeTo);
  }

  /**
   * The interval a timeline from {@code first} to {@code last} is counted by: {@code day}, {@code month} or
   * {@code year}, so it keeps a readable number of bars.
   */
  public static String interval(LocalDate first, LocalDate last) {
    long span = last.toEpochDay() - first.toEpochDay();
    return span > YEARS_BEYOND_DAYS ? "year" : span > MONTHS_BEYOND_DAYS ? "month" : "day";
  }

  /**
   * The histogram of counts keyed by epoch day, or {@code null} when there is none. A count may stand
   * for a whole bucket (keyed on any day inside it) as long as the first and last keys are the first
   * and last dated hits' days: they decide the span.
   */
  public static DateHistogram ofDays(NavigableMap<Long, Long> days, LocalDate rangeFrom, LocalDate rangeTo) {
    if (days.isEmpty()) {
      return null;
    }
    LocalDate first = rangeFrom != null ? rangeFrom : LocalDate.ofEpochDay(days.firstKey());
    LocalDate last = rangeTo != null ? rangeTo : LocalDate.ofEpochDay(days.lastKey());
    String interval = interval(first, last);
    if (interval.equals("year")) {
      first = LocalDate.ofEpochDay(days.firstKey());
      last = LocalDate.ofEpochDay(days.lastKey());
    }
    List<DateHistogram.Bucket> buckets = new ArrayList<>();
    LocalDate start = switch (interval) {
      case "year" -> first.withDayOfYear(1);
      case "month" -> first.withDayOfMonth(1);
      default -> first;
    };
    for (LocalDate from = start; !from.isAfter(last); ) {
      LocalDate next = switch (interval) {
        case "year" -> from.plusYears(1);
        case "month" -> from.plusMonths(1);
        default -> from.plusDays(1);
      };
      LocalDate to = next.minusDays(1);
      long count = 0;
      for (Map.Entry<Long, Long> e : days.subMap(from.toEpochDay(), true, to.toEpochDay(), true).entrySet()) {
        count += e.getValue();
      }
      String key = switch (interval) {
        case "year" -> String.valueOf(from.getYear());
        case "month" -> YearMonth.from(from).toString();
        default -> from.toString();
      };
      buckets.add(new DateHistogram.Bucket(key, from.toString(), to.toString(), count));
      from = next;
    }
    return new DateHistogram(interval, buckets);
  }
}
