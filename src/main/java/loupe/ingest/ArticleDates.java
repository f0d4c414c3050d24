package loupe.ingest;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Formats article dates for output: a plain day when the source gave no time of day. */
public final class ArticleDates {

  private ArticleDates() {}

  /** {@code 2024-06-19} for a day, the full ISO-8601 date-time otherwise; null stays null. */
  public static String format(OffsetDateTime date) {
    if (date == null) {
      return null;
    }
    if (date.getOffset().equals(ZoneOffset.UTC) && date.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return date.toLocalDate().toString();
    }
    return date.toString();
  }
}
