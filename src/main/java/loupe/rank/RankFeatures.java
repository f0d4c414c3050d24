package loupe.rank;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.index.Fields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The features of each article of a first-stage window, one row per article: what the learned
 * model combines. Every feature is between 0 and 1 within a query (scores are divided by the
 * window's best), so one set of weights serves short keywords and pasted paragraphs alike.
 */
public final class RankFeatures {

  /** Names in column order; the model file names its weights by them. */
  public static final List<String> NAMES = List.of(
      "firstStage",   // the first stage's score (words in their best field, proximity bonus)
      "titleBm25",    // BM25 of the query's words in the title alone
      "bodyBm25",     // BM25 of the query's words in the body alone
      "titleCover",   // share of the query's words (weighted by idf) the title has
      "leadCover",    // share of the query's words (by idf) among the body's first LEAD_POSITIONS words
      "cover",        // share of the query's words (by idf) the article has anywhere
      "entityMatch",  // share of the query's persons and countries the article is tagged with
      "entityFocus",  // those matched, over the article's own persons and countries (how much it is about them)
      "weekdayMatch", // the article is dated on a weekday the query names (« samedi »), or the day after
      "dayMatch");    // the article is dated 0 to 2 days after a day the query names (« le 22 juin »)

  static final int FIRST_STAGE = 0;
  static final int TITLE_BM25 = 1;
  static final int BODY_BM25 = 2;
  static final int TITLE_COVER = 3;
  static final int LEAD_COVER = 4;
  static final int COVER = 5;
  static final int ENTITY_MATCH = 6;
  static final int ENTITY_FOCUS = 7;
  static final int WEEKDAY_MATCH = 8;
  static final int DAY_MATCH = 9;

  /** The lead: about the first two sentences of a news article. */
  static final int LEAD_POSITIONS = 50;

  /** Lucene's BM25 defaults, which both engines score the first stage with. */
  private static final double BM25_K1 = 1.2;
  private static final double BM25_B = 0.75;

  private RankFeatures() {}

  /**
   * One row of {@link #NAMES} per window entry, in the window's order, every feature computed.
   *
   * @param scoring the first stage's query: its terms are the query's words
   */
  public static float[][] compute(IndexSearcher searcher, Query scoring, QueryEntities entities, ScoreDoc[] window)
      throws IOException {
    return compute(searcher, scoring, entities, QueryDates.NONE, ALL, window);
  }

  /** Every feature computed (training). */
  static final boolean[] ALL = all();

  private static boolean[] all() {
    boolean[] all = new boolean[NAMES.size()];
    Arrays.fill(all, true);
    return all;
  }

  /** The same, with the days the query names compared with the articles' dates. */
  public static float[][] compute(IndexSearcher searcher, Query scoring, String queryText, ScoreDoc[] window)
      throws IOException {
    return compute(searcher, scoring, QueryEntities.of(queryText), QueryDates.of(queryText), ALL, window);
  }

  /** On the embedded index: its facts gathered by {@link LuceneWindowFacts}. */
  static float[][] compute(IndexSearcher searcher, Query scoring, QueryEntities entities, QueryDates dates,
      boolean[] needed, ScoreDoc[] window) throws IOException {
    WindowNeeds needs = needs(scoring, entities, needed, dates, false);
    return compute(new LuceneWindowFacts(searcher, window, needs), needs, dates, needed);
  }

  /**
   * What the features of {@code needed} read of a window, for a query.
   *
   * @param forRecency whether the dates are read for the recency preference too
   */
  static WindowNeeds needs(Query scoring, QueryEntities entities, boolean[] needed, QueryDates dates,
      boolean forRecency) {
    List<String> words = words(scoring).stream().map(BytesRef::utf8ToString).toList();
    boolean withEntities = needed[ENTITY_MATCH] || needed[ENTITY_FOCUS];
    return new WindowNeeds(words, withEntities ? entities.labels() : List.of(),
        needed[TITLE_BM25] || needed[TITLE_COVER] || needed[COVER],
        needed[BODY_BM25] || needed[LEAD_COVER] || needed[COVER],
        needed[TITLE_BM25], needed[BODY_BM25], needed[LEAD_COVER],
        forRecency || (!dates.isEmpty() && (needed[WEEKDAY_MATCH] || needed[DAY_MATCH])));
  }

  /**
   * One row of {@link #NAMES} per article of the window, from its facts; the features not
   * {@code needed} stay 0 (a model's zero weights need not be paid for).
   */
  public static float[][] compute(WindowFacts facts, WindowNeeds needs, QueryDates dates, boolean[] needed) {
    int n = facts.size();
    float[][] rows = new float[n][NAMES.size()];
    if (n == 0) {
      return rows;
    }
    int words = needs.words().size();
    long maxDoc = Math.max(1, facts.maxDoc());
    double[] idf = new double[words];
    double idfSum = 0;
    for (int w = 0; w < words; w++) {
      idf[w] = idf(maxDoc, facts.docFreq(Fields.BODY, w));
      idfSum += idf[w];
    }
    double[] titleIdf = needed[TITLE_BM25] ? idfs(facts, Fields.TITLE, words, maxDoc) : null;
    double[] bodyIdf = needed[BODY_BM25] ? idfs(facts, Fields.BODY, words, maxDoc) : null;
    double titleAverage = needed[TITLE_BM25] ? Math.max(1e-9, (double) facts.sumLength(Fields.TITLE) / maxDoc) : 1;
    double bodyAverage = needed[BODY_BM25] ? Math.max(1e-9, (double) facts.sumLength(Fields.BODY) / maxDoc) : 1;
    int entities = needs.entities().size();
    boolean withDates = !dates.isEmpty() && (needed[WEEKDAY_MATCH] || needed[DAY_MATCH]);
    for (int i = 0; i < n; i++) {
      float[] row = rows[i];
      float score = facts.score(i);
      row[FIRST_STAGE] = Float.isNaN(score) ? 0 : score;
      double titleHas = 0;
      double leadHas = 0;
      double anyHas = 0;
      double titleBm25 = 0;
      double bodyBm25 = 0;
      int titleLength = titleIdf == null ? 0 : facts.length(Fields.TITLE, i);
      int bodyLength = bodyIdf == null ? 0 : facts.length(Fields.BODY, i);
      for (int w = 0; w < words; w++) {
        int inTitle = needs.titleFreqs() ? facts.termFreq(Fields.TITLE, w, i) : 0;
        int inBody = needs.bodyFreqs() ? facts.termFreq(Fields.BODY, w, i) : 0;
        if (inTitle > 0) {
          titleHas += idf[w];
          if (titleIdf != null) {
            titleBm25 += bm25(inTitle, titleLength, titleAverage, titleIdf[w]);
          }
        }
        if (inBody > 0) {
          if (bodyIdf != null) {
            bodyBm25 += bm25(inBody, bodyLength, bodyAverage, bodyIdf[w]);
          }
          if (needed[LEAD_COVER]) {
            int first = facts.firstBodyPosition(w, i);
            if (first >= 0 && first < LEAD_POSITIONS) {
              leadHas += idf[w];
            }
          }
        }
        if (inTitle > 0 || inBody > 0) {
          anyHas += idf[w];
        }
      }
      row[TITLE_BM25] = (float) titleBm25;
      row[BODY_BM25] = (float) bodyBm25;
      if (idfSum > 0) {
        row[TITLE_COVER] = (float) (titleHas / idfSum);
        row[LEAD_COVER] = (float) (leadHas / idfSum);
        row[COVER] = (float) (anyHas / idfSum);
      }
      if (entities > 0) {
        int matched = 0;
        for (int e = 0; e < entities; e++) {
          if (facts.tagged(i, e)) {
            matched++;
          }
        }
        int count = facts.entityCount(i);
        row[ENTITY_MATCH] = (float) matched / entities;
        row[ENTITY_FOCUS] = count == 0 ? 0 : Math.min(1f, (float) matched / count);
      }
      if (withDates) {
        long millis = facts.dateMillis(i);
        if (millis != Long.MIN_VALUE) {
          LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L));
          row[WEEKDAY_MATCH] = dates.weekdayMatch(date);
          row[DAY_MATCH] = dates.dayMatch(date);
        }
      }
    }
    for (int column : new int[] {FIRST_STAGE, TITLE_BM25, BODY_BM25}) {
      normaliseByMax(rows, column);
    }
    return rows;
  }

  /** BM25's inverse document frequency, as Lucene computes it (the collection's size for its docCount). */
  private static double idf(long maxDoc, long docFreq) {
    return Math.log(1 + (maxDoc - docFreq + 0.5) / (docFreq + 0.5));
  }

  private static double[] idfs(WindowFacts facts, String field, int words, long maxDoc) {
    double[] idf = new double[words];
    for (int w = 0; w < words; w++) {
      idf[w] = idf(maxDoc, facts.docFreq(field, w));
    }
    return idf;
  }

  /** A word's BM25 in one field (Lucene's BM25Similarity, k1 1.2, b 0.75). */
  private static double bm25(int freq, int length, double averageLength, double idf) {
    return idf * freq / (freq + BM25_K1 * (1 - BM25_B + BM25_B * length / averageLength));
  }

  /** The distinct terms of the query's title and body clauses, in order of first appearance. */
  static List<BytesRef> words(Query query) {
    Map<BytesRef, Boolean> found = new LinkedHashMap<>();
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        for (Term t : terms) {
          if (t.field().equals(Fields.BODY) || t.field().equals(Fields.TITLE)) {
            found.putIfAbsent(BytesRef.deepCopyOf(t.bytes()), true);
          }
        }
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        // Excluded words (« -mot ») describe what an article must not have: not a feature.
        return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }
    });
    return new ArrayList<>(found.keySet());
  }

  private static void normaliseByMax(float[][] rows, int column) {
    float max = 0;
    for (float[] row : rows) {
      max = Math.max(max, row[column]);
    }
    for (float[] row : rows) {
      row[column] = max > 0 ? row[column] / max : 0;
    }
  }
}
