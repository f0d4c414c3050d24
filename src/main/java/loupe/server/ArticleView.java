package loupe.server;

import java.util.LinkedHashMap;
import java.util.Map;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import loupe.ingest.ArticleDates;

/** The contract's JSON shape of an indexed article, shared by the API and the CLI. */
public final class ArticleView {

  private ArticleView() {}

  /** The fields as indexed, plus the entity mentions and facet values. */
  public static Map<String, Object> of(IndexedArticle indexed) {
    Article a = indexed.article();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", a.id());
    body.put("title", a.title());
    body.put("body", a.body());
    body.put("date", ArticleDates.format(a.date()));
    body.put("url", a.url());
    body.put("source", a.source());
    body.put("section", a.section());
    body.put("persons", indexed.entities().persons());
    body.put("countries", indexed.entities().countries());
    body.put("organizations", indexed.entities().organizations());
    body.put("mentions", indexed.entities().mentions());
    return body;
  }
}
