package loupe.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import loupe.search.SortOrder;

/**
 * Reads a search request from query parameters (GET) or a JSON object (POST), naming the
 * parameter at fault in every error.
 */
final class SearchParams {

  private static final Set<String> REPEATABLE = Set.of("country", "person", "source", "organization", "section");
  private static final Set<String> KNOWN = Set.of(
      "q", "country", "person", "from", "size", "sort", "date_from", "date_to", "facet_size", "autocorrect",
      "country_prefix", "person_prefix", "prefix_last", "country_op", "person_op", "source", "source_op",
      "organization", "organization_prefix", "organization_op", "recency_days", "search_after", "section", "section_op");

  private SearchParams() {}

  /** From the query string of {@code GET /api/search}. */
  static SearchRequest fromQuery(Map<String, List<String>> params) {
    return fromQuery(params, Set.of());
  }

  /**
   * From a query string, accepting besides the search parameters those in {@code alsoKnown} (read by
   * the caller). An unknown parameter is an error, as an unknown field of a POST body is: a misspelt
   * {@code contry=Russie} would otherwise be ignored without a word.
   */
  static SearchRequest fromQuery(Map<String, List<String>> params, Set<String> alsoKnown) {
    List<String> unknown = params.keySet().stream()
        .filter(name -> !KNOWN.contains(name) && !alsoKnown.contains(name)).sorted().toList();
    if (!unknown.isEmpty()) {
      List<String> known = new ArrayList<>(KNOWN);
      known.addAll(alsoKnown);
      throw new InvalidRequestException(unknown.get(0), (unknown.size() == 1 ? "unknown parameter" : "unknown parameters "
          + String.join(", ", unknown)) + "; known parameters are " + String.join(", ", known.stream().sorted().toList()));
    }
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (!REPEATABLE.contains(e.getKey()) && e.getValue().size() > 1) {
        throw new InvalidRequestException(e.getKey(), "given " + e.getValue().size() + " times, give it once");
      }
    }
    return SearchRequest.builder()
        .query(single(params, "q"))
        .countries(values(params.get("country")))
        .persons(values(params.get("person")))
        .sources(values(params.get("source")))
        .organizations(values(params.get("organization")))
        .from(integer("from", single(params, "from"), 0))
        .size(integer("size", single(params, "size"), SearchRequest.DEFAULT_SIZE))
        .sort(SortOrder.parse(single(params, "sort")))
        .dateFrom(date("date_from", single(params, "date_from")))
        .dateTo(date("date_to", single(params, "date_to")))
        .facetSize(integer("facet_size", single(params, "facet_size"), SearchRequest.DEFAULT_FACET_SIZE))
        .autocorrect(bool("autocorrect", single(params, "autocorrect"), true))
        .countryPrefix(single(params, "country_prefix"))
        .personPrefix(single(params, "person_prefix"))
        .prefixLast(bool("prefix_last", single(params, "prefix_last"), false))
        .allOf(allOf(name -> single(params, name)))
        .organizationPrefix(single(params, "organization_prefix"))
        .recencyDays(integer("recency_days", single(params, "recency_days"), 0))
        .searchAfter(single(params, "search_after"))
        .sections(values(params.get("section")))
        .build();
  }

  private static boolean bool(String name, String value, boolean fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new InvalidRequestException(name, "must be true or false, got '" + abbreviate(value) + "'");
    };
  }

  /** From the JSON body of {@code POST /api/search}. */
  static SearchRequest fromJson(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("body", "expected a JSON object such as {\"q\": \"climat\", \"country\": [\"France\"]}");
    }
    body.fieldNames().forEachRemaining(name -> {
      if (!KNOWN.contains(name)) {
        throw new InvalidRequestException(name, "unknown field; known fields are " + String.join(", ", KNOWN.stream().sorted().toList()));
      }
    });
    return SearchRequest.builder()
        .query(text(body, "q"))
        .countries(list(body, "country"))
        .persons(list(body, "person"))
        .sources(list(body, "source"))
        .organizations(list(body, "organization"))
        .from(integer(body, "from", 0))
        .size(integer(body, "size", SearchRequest.DEFAULT_SIZE))
        .sort(SortOrder.parse(text(body, "sort")))
        .dateFrom(date("date_from", text(body, "date_from")))
        .dateTo(date("date_to", text(body, "date_to")))
        .facetSize(integer(body, "facet_size", SearchRequest.DEFAULT_FACET_SIZE))
        .autocorrect(!body.has("autocorrect") || body.get("autocorrect").isNull() || booleanField(body, "autocorrect"))
        .countryPrefix(text(body, "country_prefix"))
        .personPrefix(text(body, "person_prefix"))
        .prefixLast(body.has("prefix_last") && !body.get("prefix_last").isNull() && booleanField(body, "prefix_last"))
        .allOf(allOf(name -> text(body, name)))
        .organizationPrefix(text(body, "organization_prefix"))
        .recencyDays(integer(body, "recency_days", 0))
        .searchAfter(text(body, "search_after"))
        .sections(list(body, "section"))
        .build();
  }

  /**
   * The dimensions whose values are AND-ed: {@code <dim>_op=and} (« tous »); {@code or}, the default,
   * OR-es them (« au moins un »).
   */
  private static Set<String> allOf(java.util.function.Function<String, String> read) {
    Set<String> dims = new java.util.HashSet<>();
    for (String dim : REPEATABLE) {
      String op = read.apply(dim + "_op");
      if (op == null || op.isBlank() || op.strip().equalsIgnoreCase("or")) {
        continue;
      }
      if (!op.strip().equalsIgnoreCase("and")) {
        throw new InvalidRequestException(dim + "_op", "must be and or or, got '" + abbreviate(op) + "'");
      }
      dims.add(dim);
    }
    return dims;
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static List<String> values(List<String> raw) {
    List<String> out = new ArrayList<>();
    if (raw != null) {
      for (String v : raw) {
        if (v != null && !v.isBlank()) {
          out.add(v.strip());
        }
      }
    }
    return out;
  }

  static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "must be an integer, got '" + abbreviate(value) + "'");
    }
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(name, "must be a date as YYYY-MM-DD, got '" + abbreviate(value) + "'");
    }
  }

  private static String text(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidRequestException(name, "must be a string");
    }
    return v.textValue();
  }

  private static int integer(JsonNode body, String name, int fallback) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new InvalidRequestException(name, "must be an integer");
    }
    return v.intValue();
  }

  private static boolean booleanField(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (!v.isBoolean()) {
      throw new InvalidRequestException(name, "must be true or false");
    }
    return v.booleanValue();
  }

  private static List<String> list(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isTextual()) {
      return values(List.of(v.textValue()));
    }
    if (!v.isArray()) {
      throw new InvalidRequestException(name, "must be a string or an array of strings");
    }
    List<String> raw = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw new InvalidRequestException(name, "must be an array of strings");
      }
      raw.add(item.textValue());
    }
    return values(raw);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
