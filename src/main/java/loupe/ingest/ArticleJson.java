package loupe.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Turns one JSON object of the article contract into an {@link Article}, naming the field at fault. */
final class ArticleJson {

  /** Ids longer than this are certainly not keys; Lucene terms are limited to 32 KB anyway. */
  static final int MAX_ID_LENGTH = 512;

  private ArticleJson() {}

  /**
   * Reads an article object.
   *
   * @param node the parsed JSON value
   * @param defaultId the id to use when the object has none, or {@code null} when an id is required
   */
  static Article fromJson(JsonNode node, String defaultId) throws InvalidArticleException {
    return fromJson(node, defaultId, warning -> {});
  }

  /**
   * Reads an article object; a date that cannot be read is dropped (the article is still indexed)
   * and said to {@code warnings}.
   */
  static Article fromJson(JsonNode node, String defaultId, java.util.function.Consumer<String> warnings)
      throws InvalidArticleException {
    if (node == null || !node.isObject()) {
      throw new InvalidArticleException("expected a JSON object, got " + describe(node));
    }
    String id = idOf(node.get("id"), defaultId);
    JsonNode bodyNode = node.hasNonNull("body") ? node.get("body") : node.get("text");
    String body = text(bodyNode, node.hasNonNull("body") ? "body" : "text");
    if (body == null || body.isBlank()) {
      throw new InvalidArticleException("missing required field 'body' (or 'text')");
    }
    return new Article(
        id,
        text(node.get("title"), "title"),
        clean(body),
        dateOrWarning(node.get("date"), warnings),
        text(node.get("url"), "url"),
        text(node.get("source"), "source"),
        // OrangeSum, as many news datasets, calls the section « category ».
        node.hasNonNull("section") ? text(node.get("section"), "section") : text(node.get("category"), "category"));
  }

  private static String idOf(JsonNode idNode, String defaultId) throws InvalidArticleException {
    if (idNode == null || idNode.isNull()) {
      if (defaultId == null) {
        throw new InvalidArticleException("missing required field 'id'");
      }
      return defaultId;
    }
    String id;
    if (idNode.isTextual()) {
      id = idNode.textValue().strip();
    } else if (idNode.isIntegralNumber()) {
      id = idNode.asText();
    } else {
      throw new InvalidArticleException("field 'id' must be a string or an integer, got " + describe(idNode));
    }
    if (id.isEmpty()) {
      throw new InvalidArticleException("field 'id' is empty");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new InvalidArticleException("field 'id' is longer than " + MAX_ID_LENGTH + " characters");
    }
    if (id.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidArticleException("field 'id' contains control characters");
    }
    return id;
  }

  private static String text(JsonNode node, String field) throws InvalidArticleException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidArticleException("field '" + field + "' must be a string, got " + describe(node));
    }
    return clean(node.textValue());
  }

  /** NUL and other control characters (but line breaks and tabs) have no place in an article. */
  private static String clean(String s) {
    // A plain loop: every character of every article passes here, on the single reading thread.
    int first = 0;
    while (first < s.length() && !unwanted(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unwanted(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean unwanted(char c) {
    return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
  }

  /**
   * Parses the contract's ISO-8601 date (a day, or a date-time with or, leniently, without offset),
   * or a day written the French way (« 01/02/2019 », « 1er février 2019 », see {@link FrenchDates}).
   */
  static OffsetDateTime parseDate(String text) throws InvalidArticleException {
    String s = text.strip();
    Optional<LocalDate> french = FrenchDates.parse(s);
    if (french.isPresent()) {
      return french.get().atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      try {
        return OffsetDateTime.parse(s);
      } catch (DateTimeParseException noOffset) {
        return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new InvalidArticleException("field 'date' is not a date (2024-06-19, 2024-06-19T08:30:00+02:00, 19/06/2024 or 19 juin 2024): '" + abbreviate(s) + "'");
    }
  }

  private static OffsetDateTime dateOrWarning(JsonNode node, java.util.function.Consumer<String> warnings) {
    try {
      return date(node);
    } catch (InvalidArticleException e) {
      warnings.accept(e.getMessage() + "; the article was indexed without a date");
      return null;
    }
  }

  private static OffsetDateTime date(JsonNode node) throws InvalidArticleException {
    if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidArticleException("field 'date' must be an ISO-8601 string, got " + describe(node));
    }
    return parseDate(node.textValue());
  }

  private static String describe(JsonNode node) {
    if (node == null) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
