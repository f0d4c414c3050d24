package loupe.entities;

/**
 * Finds persons, countries and organisations in French news text; the seam between indexing and whatever method
 * recognises entities, so the method can change without touching the index.
 *
 * <p>Implementations are thread-safe: one instance serves every indexing thread.
 */
public interface EntityExtractor {

  /**
   * Extracts the entities of one article.
   *
   * @param title the headline, may be empty; its entities count for the facets but its mentions are
   *     not returned (contract offsets are into the body)
   * @param body the article text
   */
  ArticleEntities extract(String title, String body);

  /**
   * Extracts the entities of one article with what the corpus taught about its people; an extractor that
   * cannot learn ignores {@code names}.
   */
  default ArticleEntities extract(String title, String body, CorpusNames names) {
    return extract(title, body);
  }
}
