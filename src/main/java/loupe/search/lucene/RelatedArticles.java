package loupe.search.lucene;

import java.io.IOException;
import loupe.index.Fields;
import loupe.index.IndexedArticle;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the "more like this" query of an article: its most distinctive words (Lucene's
 * MoreLikeThis over title and body) plus the persons and countries it shares, the article itself
 * excluded.
 */
final class RelatedArticles {

  /** A shared person or country weighs like a few distinctive words. */
  private static final float ENTITY_BOOST = 2f;

  private RelatedArticles() {}

  static Query query(IndexReader reader, Analyzer analyzer, int docId, IndexedArticle article,
      FacetsConfig facetsConfig) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {Fields.TITLE, Fields.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxDocFreqPct(20);
    mlt.setMaxQueryTerms(25);
    mlt.setBoost(true);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(mlt.like(docId), Occur.SHOULD);
    String indexField = facetsConfig.getDimConfig(Fields.PERSON).indexFieldName;
    for (String person : article.entities().persons()) {
      query.add(entity(indexField, Fields.PERSON, person), Occur.SHOULD);
    }
    for (String country : article.entities().countries()) {
      query.add(entity(indexField, Fields.COUNTRY, country), Occur.SHOULD);
    }
    query.add(new TermQuery(new Term(Fields.ID, article.article().id())), Occur.MUST_NOT);
    return query.build();
  }

  private static Query entity(String indexField, String dim, String value) {
    return new BoostQuery(new TermQuery(DrillDownQuery.term(indexField, dim, value)), ENTITY_BOOST);
  }
}
