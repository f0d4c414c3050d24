package loupe.search;

/**
 * One value of a facet list.
 *
 * @param value the canonical entity name
 * @param count matching articles, ignoring this facet's own selection
 * @param selected whether the user ticked it
 */
public record FacetValue(String value, long count, boolean selected) {}
