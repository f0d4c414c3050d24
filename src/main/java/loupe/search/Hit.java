package loupe.search;

import java.util.List;

/**
 * One article in a result page, with what a result list shows of it.
 *
 * @param id the article id
 * @param title the headline
 * @param titleHighlighted the headline, HTML-escaped, query words in {@code <mark>}
 * @param date publication date (ISO-8601), or {@code null}
 * @param url link to the original, or {@code null}
 * @param source publisher, or {@code null}
 * @param score relevance score (0 when sorted by date without a query)
 * @param snippets 1–3 passages of the body, HTML-escaped, query words in {@code <mark>}
 * @param persons the article's person facet values
 * @param countries the article's country facet values
 * @param organizations the article's organisation facet values
 * @param section the publisher's section (rubrique), or {@code null}
 */
public record Hit(
    String id,
    String title,
    String titleHighlighted,
    String date,
    String url,
    String source,
    float score,
    List<String> snippets,
    List<String> persons,
    List<String> countries,
    List<String> organizations,
    String section) {

  /** A hit without a section. */
  public Hit(String id, String title, String titleHighlighted, String date, String url, String source, float score,
      List<String> snippets, List<String> persons, List<String> countries, List<String> organizations) {
    this(id, title, titleHighlighted, date, url, source, score, snippets, persons, countries, organizations, null);
  }
}
