package loupe.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import loupe.search.lucene.query.UserQueryParser;

/**
 * What a user asks of a search: the query text, the ticked facet values, the page, the order and
 * the date range. Validated on construction, so every backend sees a sound request.
 *
 * @param query the user's query text (see {@link UserQueryParser} for the syntax); empty means all
 * @param countries ticked country values, OR-ed
 * @param persons ticked person values, OR-ed (AND-ed with the countries)
 * @param from offset of the first hit, 0-based
 * @param size number of hits to return
 * @param sort order of the hits
 * @param dateFrom first day included, or {@code null}
 * @param dateTo last day included, or {@code null}
 * @param facetSize how many values each facet lists
 * @param autocorrect whether a misspelt query may be corrected (false: « search instead for » what was typed)
 * @param countryPrefix lists only the country values with a word starting so (« cor » → Corée du Nord), or empty
 * @param personPrefix lists only the person values with a word starting so (« kim »), or empty
 * @param organizations ticked organisation values, OR-ed (AND-ed with the other facets)
 * @param organizationPrefix lists only the organisation values with a word starting so, or empty
 * @param snippets whether hits carry snippets and a highlighted title; a batch run that reads only
 *     ids and scores (./loupe search --queries, loupe eval) skips that cost, the ranking is the same
 * @param prefixLast whether the last word is still being typed: it then matches as a prefix (see
 *     {@link LastWordPrefix}) and the spelling correction leaves it alone
 * @param allOf the facet dimensions whose ticked values are AND-ed (« tous ») rather than OR-ed
 *     (« au moins un », the default)
 * @param sources ticked publishers, OR-ed (AND-ed with the other facets)
 * @param recencyDays 0, or the half-life in days of an optional preference for recent articles among
 *     the best by relevance (Elasticsearch's exp decay from now; see {@code loupe.rank.Reranker})
 * @param searchAfter {@code null} for a page by {@code from}; otherwise a cursor walk (Elasticsearch's
 *     {@code search_after}, Solr's {@code cursorMark}): {@link #START_CURSOR} for its first page, then the
 *     {@link SearchResponse#nextSearchAfter()} of the page before
 * @param sections ticked sections (rubriques), OR-ed (AND-ed with the other facets)
 */
public record SearchRequest(
    String query,
    List<String> countries,
    List<String> persons,
    int from,
    int size,
    SortOrder sort,
    LocalDate dateFrom,
    LocalDate dateTo,
    int facetSize,
    boolean autocorrect,
    String countryPrefix,
    String personPrefix,
    boolean snippets,
    boolean prefixLast,
    java.util.Set<String> allOf,
    List<String> sources,
    List<String> organizations,
    String organizationPrefix,
    int recencyDays,
    String searchAfter,
    List<String> sections) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /** Deep paging costs memory per request; beyond this, narrow the query (as Elasticsearch's max_result_window). */
  public static final int MAX_WINDOW = 10_000;
  public static final int DEFAULT_FACET_SIZE = 10;
  public static final int MAX_FACET_SIZE = 200;
  public static final int MAX_QUERY_LENGTH = 4_096;
  public static final int MAX_FILTER_VALUES = 100;
  /** A century: past that a half-life prefers nothing. */
  public static final int MAX_RECENCY_DAYS = 36_500;
  /** The {@code search_after} value that starts a cursor walk. */
  public static final String START_CURSOR = "*";
  /** Longer than any cursor a response hands out. */
  public static final int MAX_CURSOR_LENGTH = 2_000;

  public SearchRequest {
    query = query == null ? "" : query;
    countries = List.copyOf(Objects.requireNonNullElse(countries, List.of()));
    persons = List.copyOf(Objects.requireNonNullElse(persons, List.of()));
    organizations = List.copyOf(Objects.requireNonNullElse(organizations, List.of()));
    organizationPrefix = organizationPrefix == null ? "" : organizationPrefix.strip();
    if (organizationPrefix.length() > 100) {
      throw new InvalidRequestException("organization_prefix", "at most 100 characters");
    }
    if (organizations.size() > MAX_FILTER_VALUES) {
      throw new InvalidRequestException("organization", "at most " + MAX_FILTER_VALUES + " values, got " + organizations.size());
    }
    sources = List.copyOf(Objects.requireNonNullElse(sources, List.of()));
    sections = List.copyOf(Objects.requireNonNullElse(sections, List.of()));
    if (sections.size() > MAX_FILTER_VALUES) {
      throw new InvalidRequestException("section", "at most " + MAX_FILTER_VALUES + " values, got " + sections.size());
    }
    searchAfter = searchAfter == null || searchAfter.isBlank() ? null : searchAfter.strip();
    if (searchAfter != null) {
      if (from > 0) {
        throw new InvalidRequestException("search_after", "search_after and from=" + from
            + " cannot be combined: a cursor walk starts with search_after=* and follows next_search_after, from stays 0");
      }
      if (size == 0) {
        throw new InvalidRequestException("size", "a cursor walk (search_after) needs a size of 1 or more");
      }
      if (searchAfter.length() > MAX_CURSOR_LENGTH) {
        throw new InvalidRequestException("search_after", "not a cursor this server returned (too long)");
      }
    }
    sort = Objects.requireNonNullElse(sort, SortOrder.RELEVANCE);
    allOf = java.util.Set.copyOf(Objects.requireNonNullElse(allOf, java.util.Set.of()));
    countryPrefix = countryPrefix == null ? "" : countryPrefix.strip();
    personPrefix = personPrefix == null ? "" : personPrefix.strip();
    if (countryPrefix.length() > 100 || personPrefix.length() > 100) {
      throw new InvalidRequestException(countryPrefix.length() > 100 ? "country_prefix" : "person_prefix",
          "at most 100 characters");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidRequestException("q", "the query has " + query.length() + " characters, at most " + MAX_QUERY_LENGTH + " are accepted");
    }
    if (from < 0) {
      throw new InvalidRequestException("from", "must be 0 or more, got " + from);
    }
    if (size < 0 || size > MAX_SIZE) {
      throw new InvalidRequestException("size", "must be between 0 and " + MAX_SIZE + ", got " + size);
    }
    if ((long) from + size > MAX_WINDOW) {
      throw new InvalidRequestException("from", "from + size must not exceed " + MAX_WINDOW + ", got " + ((long) from + size) + "; narrow the query or the filters instead");
    }
    if (facetSize < 0 || facetSize > MAX_FACET_SIZE) {
      throw new InvalidRequestException("facet_size", "must be between 0 and " + MAX_FACET_SIZE + ", got " + facetSize);
    }
    if (countries.size() > MAX_FILTER_VALUES) {
      throw new InvalidRequestException("country", "at most " + MAX_FILTER_VALUES + " values, got " + countries.size());
    }
    if (sources.size() > MAX_FILTER_VALUES) {
      throw new InvalidRequestException("source", "at most " + MAX_FILTER_VALUES + " values, got " + sources.size());
    }
    if (persons.size() > MAX_FILTER_VALUES) {
      throw new InvalidRequestException("person", "at most " + MAX_FILTER_VALUES + " values, got " + persons.size());
    }
    if (recencyDays < 0 || recencyDays > MAX_RECENCY_DAYS) {
      throw new InvalidRequestException("recency_days", "must be between 0 (off) and " + MAX_RECENCY_DAYS + ", got " + recencyDays);
    }
    if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
      throw new InvalidRequestException("date_from", "date_from " + dateFrom + " is after date_to " + dateTo);
    }
  }

  /** A first page of results for a query, with no filter. */
  public static SearchRequest of(String query) {
    return builder().query(query).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ticked values of each facet dimension, in the order the response lists the facets: the one
   * place that names the request's dimensions.
   */
  public java.util.Map<String, List<String>> filters() {
    java.util.Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
    filters.put(loupe.index.Fields.COUNTRY, countries);
    filters.put(loupe.index.Fields.PERSON, persons);
    filters.put(loupe.index.Fields.SOURCE, sources);
    filters.put(loupe.index.Fields.ORGANIZATION, organizations);
    filters.put(loupe.index.Fields.SECTION, sections);
    return filters;
  }

  /** Whether this is a page of a cursor walk ({@code search_after}) rather than a page by {@code from}. */
  public boolean cursor() {
    return searchAfter != null;
  }

  /** Whether the query has no text: every article matches. */
  public boolean matchAll() {
    return query.isBlank();
  }

  /** Builds a request step by step; validation happens in {@link #build()}. */
  public static final class Builder {
    private String query = "";
    private List<String> countries = List.of();
    private List<String> persons = List.of();
    private int from;
    private int size = DEFAULT_SIZE;
    private SortOrder sort = SortOrder.RELEVANCE;
    private LocalDate dateFrom;
    private LocalDate dateTo;
    private int facetSize = DEFAULT_FACET_SIZE;
    private boolean autocorrect = true;
    private String countryPrefix = "";
    private String personPrefix = "";
    private List<String> organizations = List.of();
    private String organizationPrefix = "";
    private boolean snippets = true;
    private boolean prefixLast;
    private java.util.Set<String> allOf = java.util.Set.of();
    private List<String> sources = List.of();
    private int recencyDays;
    private String searchAfter;
    private List<String> sections = List.of();

    public Builder query(String query) { this.query = query; return this; }
    public Builder countries(List<String> countries) { this.countries = countries; return this; }
    public Builder persons(List<String> persons) { this.persons = persons; return this; }
    public Builder from(int from) { this.from = from; return this; }
    public Builder size(int size) { this.size = size; return this; }
    public Builder sort(SortOrder sort) { this.sort = sort; return this; }
    public Builder dateFrom(LocalDate dateFrom) { this.dateFrom = dateFrom; return this; }
    public Builder dateTo(LocalDate dateTo) { this.dateTo = dateTo; return this; }
    public Builder facetSize(int facetSize) { this.facetSize = facetSize; return this; }
    public Builder autocorrect(boolean autocorrect) { this.autocorrect = autocorrect; return this; }
    public Builder countryPrefix(String prefix) { this.countryPrefix = prefix; return this; }
    public Builder personPrefix(String prefix) { this.personPrefix = prefix; return this; }
    public Builder organizations(List<String> organizations) { this.organizations = organizations; return this; }
    public Builder organizationPrefix(String prefix) { this.organizationPrefix = prefix; return this; }
    public Builder snippets(boolean snippets) { this.snippets = snippets; return this; }
    public Builder prefixLast(boolean prefixLast) { this.prefixLast = prefixLast; return this; }
    public Builder allOf(java.util.Set<String> dims) { this.allOf = dims; return this; }
    public Builder sources(List<String> sources) { this.sources = sources; return this; }

    public Builder recencyDays(int days) { this.recencyDays = days; return this; }
    public Builder searchAfter(String cursor) { this.searchAfter = cursor; return this; }
    public Builder sections(List<String> sections) { this.sections = sections; return this; }

    public SearchRequest build() {
      return new SearchRequest(query, countries, persons, from, size, sort, dateFrom, dateTo, facetSize, autocorrect,
          countryPrefix, personPrefix, snippets, prefixLast, allOf, sources, organizations, organizationPrefix, recencyDays,
          searchAfter, sections);
    }
  }
}
