package loupe.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A completion offered while the user types.
 *
 * @param text what the suggestion shows
 * @param type {@code term}, or the facet dimension of an entity ({@code person}, {@code country}…)
 * @param count articles the user sees after picking it
 * @param query what the search box holds after picking it: the completed text for a word, the words
 *     typed before the name for an entity (whose value is then ticked in its facet)
 * @param facet the facet dimension whose value {@code text} is ticked on picking, or {@code null} for a word
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(String text, String type, long count, String query, String facet) {

  /** A word completion: picking it puts {@code text} in the search box. */
  public Suggestion(String text, String type, long count) {
    this(text, type, count, text, null);
  }

  /** The same suggestion leading to {@code count} articles. */
  public Suggestion withCount(long count) {
    return new Suggestion(text, type, count, query, facet);
  }
}
