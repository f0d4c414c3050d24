package loupe.ingest;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One news article as Loupe reads it, whatever the source format.
 *
 * @param id unique key; indexing the same id again replaces the article
 * @param title headline, empty when the source has none
 * @param body the text
 * @param date publication instant, {@code null} when unknown
 * @param url link to the original, {@code null} when unknown
 * @param source publisher name, {@code null} when unknown
 * @param section the publisher's section (rubrique: « politique », « monde »…), {@code null} when unknown
 */
public record Article(String id, String title, String body, OffsetDateTime date, String url, String source,
    String section) {
  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    title = title == null ? "" : title;
    section = section == null || section.isBlank() ? null : section.strip();
  }

  /** An article without a section. */
  public Article(String id, String title, String body, OffsetDateTime date, String url, String source) {
    this(id, title, body, date, url, source, null);
  }
}
