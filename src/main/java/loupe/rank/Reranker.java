package loupe.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import loupe.entities.EntityExtractor;
import loupe.entities.Extractors;
import loupe.search.SearchRequest;
import loupe.search.SortOrder;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Reorders the best {@link #WINDOW} articles of the first stage by the learned model: it changes
 * the order only, never which articles match, so totals and facet counts keep their meaning (as
 * Elasticsearch's rescore and Solr's LTR rerank do). Thread-safe.
 */
public final class Reranker {

  /** How many first-stage articles are reordered: the whole of what Recall@100 looks at, so it cannot move. */
  public static final int WINDOW = 100;

  /** The model Loupe ships, learned by {@code loupe.eval.RankerTraining} (see docs/ranking.md). */
  static final String MODEL = "/loupe/rank/linear-model.json";

  private final LinearModel model;
  private final boolean[] used;
  private final EntityExtractor extractor;

  Reranker(LinearModel model, EntityExtractor extractor) {
    this.model = model;
    this.used = model.used();
    this.extractor = extractor;
  }

  private static final class Standard {
    static final Reranker INSTANCE = new Reranker(LinearModel.load(MODEL), Extractors.standard());
  }

  /** Whether a search has a second stage: ordered by relevance, with words (not « every article »). */
  public static boolean applies(SearchRequest request, boolean matchAll) {
    return request.sort() == SortOrder.RELEVANCE && !matchAll;
  }

  /** The reranker with the shipped model and the built-in lexicons, loaded on first use. */
  public static Reranker standard() {
    return Standard.INSTANCE;
  }

  /** A reranker with another model (training, tests). */
  public static Reranker with(LinearModel model) {
    return new Reranker(model, Extractors.standard());
  }

  /**
   * The first stage's hits with the best {@link #WINDOW} reordered; those get the model's score,
   * the ones after keep theirs (a page beyond the window is in first-stage order).
   *
   * @param scoring the first-stage query that found them (its terms are the query's words)
   * @param queryText what the user typed (or the applied correction): its persons and countries
   * @param recencyDays 0, or the half-life of a preference for recent articles (see {@link #scores})
   */
  public TopDocs rerank(IndexSearcher searcher, TopDocs first, Query scoring, String queryText, int recencyDays)
      throws IOException {
    ScoreDoc[] all = first.scoreDocs;
    int n = Math.min(WINDOW, all.length);
    if (n < 2) {
      return first;
    }
    ScoreDoc[] window = Arrays.copyOf(all, n);
    WindowNeeds needs = needs(scoring, queryText, recencyDays);
    float[] scores = scores(new LuceneWindowFacts(searcher, window, needs), needs, queryText, recencyDays);
    int[] order = order(scores);
    ScoreDoc[] out = all.clone();
    for (int r = 0; r < n; r++) {
      ScoreDoc d = window[order[r]];
      out[r] = new ScoreDoc(d.doc, scores[order[r]], d.shardIndex);
    }
    return new TopDocs(first.totalHits, out);
  }

  /**
   * What a backend must gather about its window for this query: the words of the first-stage
   * query that found it, the entities the query names, and only the facts the model weighs.
   */
  public WindowNeeds needs(Query scoring, String queryText, int recencyDays) {
    boolean entities = used[RankFeatures.ENTITY_MATCH] || used[RankFeatures.ENTITY_FOCUS];
    return RankFeatures.needs(scoring, entities ? QueryEntities.of(queryText, extractor) : QueryEntities.NONE, used,
        QueryDates.of(queryText), recencyDays > 0);
  }

  /**
   * The model's score of each article of a window, from its facts (in the facts' order).
   *
   * @param recencyDays 0, or the half-life of a preference for recent articles: each score is
   *     multiplied by 0.5^(age / half-life), Elasticsearch's {@code exp} decay with origin now and
   *     {@code decay} 0.5 at {@code scale}; scores are then divided by the newest article's factor,
   *     which keeps the order and spares the underflow of old archives
   */
  public float[] scores(WindowFacts facts, WindowNeeds needs, String queryText, int recencyDays) {
    float[][] rows = RankFeatures.compute(facts, needs, QueryDates.of(queryText), used);
    int n = facts.size();
    double[] ageDays = recencyDays > 0 ? Recency.ageDays(facts) : null;
    double newest = ageDays == null ? 0 : Arrays.stream(ageDays).min().orElse(0);
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      float score = model.score(rows[i]);
      if (ageDays != null) {
        score *= (float) Math.pow(0.5, (ageDays[i] - newest) / recencyDays);
      }
      scores[i] = score;
    }
    return scores;
  }

  /** The window's articles by decreasing score; ties keep the first stage's order. */
  public static int[] order(float[] scores) {
    return IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
        .mapToInt(Integer::intValue).toArray();
  }
}
