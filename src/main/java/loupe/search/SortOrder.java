package loupe.search;

import java.util.Locale;

/** How results are ordered; the names are the API's {@code sort} values. */
public enum SortOrder {
  /** Best match first; newest first when there is no query text. */
  RELEVANCE,
  /** Newest first. */
  DATE,
  /** Oldest first (undated articles last), for reading a story from its start. */
  OLDEST;

  /** Parses the API value, case-insensitively. */
  public static SortOrder parse(String value) {
    if (value == null || value.isBlank()) {
      return RELEVANCE;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "relevance" -> RELEVANCE;
      case "date", "newest" -> DATE;
      case "oldest" -> OLDEST;
      default -> throw new InvalidRequestException("sort", "unknown sort '" + value + "', use relevance, date (newest first) or oldest");
    };
  }

  /** The API value. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
