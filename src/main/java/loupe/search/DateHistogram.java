package loupe.search;

import java.util.List;

/**
 * How many matching articles fall in each day, month or year, as Elasticsearch's
 * {@code date_histogram} answers: the interval is chosen from the span of the matching dates, so a
 * timeline keeps a readable number of bars; empty buckets between the first and the last are listed.
 *
 * @param interval {@code day}, {@code month} or {@code year}
 * @param buckets in time order
 */
public record DateHistogram(String interval, List<Bucket> buckets) {

  public DateHistogram {
    buckets = List.copyOf(buckets);
  }

  /**
   * One bar of the timeline.
   *
   * @param key {@code 2024-03-12}, {@code 2024-03} or {@code 2024}
   * @param from first day of the bucket, ISO-8601
   * @param to last day of the bucket, ISO-8601 (inclusive, as {@code date_to})
   * @param count matching articles dated within it
   */
  public record Bucket(String key, String from, String to, long count) {}
}
