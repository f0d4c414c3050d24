package loupe.index;

import java.util.Objects;
import loupe.entities.ArticleEntities;
import loupe.ingest.Article;

/**
 * An article as the index holds it: the text as read plus the entities extracted at index time.
 *
 * @param article the article fields
 * @param entities the mentions and facet values stored with it
 */
public record IndexedArticle(Article article, ArticleEntities entities) {
  public IndexedArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(entities, "entities");
  }
}
