package loupe.entities;

import java.util.Objects;

/**
 * One place in a text where an entity is named, with the canonical value it counts as.
 *
 * @param type what kind of entity is named
 * @param text the surface form exactly as it stands in the text
 * @param start UTF-16 offset of the first char in the text
 * @param end UTF-16 offset just past the last char (exclusive)
 * @param canonical the normalised name used as the facet value (« Vladimir Poutine », « Corée du Nord »)
 * @param code ISO 3166 alpha-2 code for countries, {@code null} otherwise
 */
public record Mention(EntityType type, String text, int start, int end, String canonical, String code) {
  public Mention {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(canonical, "canonical");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
