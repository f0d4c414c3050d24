package loupe.search;

/**
 * A completion offered while the user types.
 *
 * @param text what the search box would contain
 * @param type {@code person}, {@code country} or {@code term}
 * @param count articles it leads to
 */
public record Suggestion(String text, String type, long count) {}
