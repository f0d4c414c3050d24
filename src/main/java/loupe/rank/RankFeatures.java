package loupe.rank;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.index.Fields;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
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

  /** The lead: about the first two sentences of a news article. */
  static final int LEAD_POSITIONS = 50;

  private static final FacetsConfig FACETS = Fields.facetsConfig();

  private RankFeatures() {}

  /**
   * One row of {@link #NAMES} per window entry, in the window's order.
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
    java.util.Arrays.fill(all, true);
    return all;
  }

  /** The same, with the days the query names compared with the articles' dates. */
  public static float[][] compute(IndexSearcher searcher, Query scoring, String queryText, ScoreDoc[] window)
      throws IOException {
    return compute(searcher, scoring, QueryEntities.of(queryText), QueryDates.of(queryText), ALL, window);
  }

  /**
   * @param needed the features to compute, by column; the others stay 0 (a model's zero weights:
   *     the body's BM25 and the lead's positions cost a search a tenth of a millisecond or more)
   */
  static float[][] compute(IndexSearcher searcher, Query scoring, QueryEntities entities, QueryDates dates,
      boolean[] needed, ScoreDoc[] window) throws IOException {
    int n = window.length;
    float[][] rows = new float[n][NAMES.size()];
    if (n == 0) {
      return rows;
    }
    IndexReader reader = searcher.getIndexReader();
    List<BytesRef> words = words(scoring);
    double[] idf = new double[words.size()];
    double idfSum = 0;
    for (int w = 0; w < words.size(); w++) {
      int df = reader.docFreq(new Term(Fields.BODY, words.get(w)));
      idf[w] = Math.log(1 + (reader.maxDoc() - df + 0.5) / (df + 0.5));
      idfSum += idf[w];
    }
    Weight title = needed[1] ? weight(searcher, Fields.TITLE, words) : null;
    Weight body = needed[2] ? weight(searcher, Fields.BODY, words) : null;
    List<String[]> labels = needed[6] || needed[7] ? entities.labels() : List.of();
    if (!needed[8] && !needed[9]) {
      dates = QueryDates.NONE;
    }

    Integer[] byDoc = new Integer[n];
    for (int i = 0; i < n; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, (a, b) -> Integer.compare(window[a].doc, window[b].doc));
    List<LeafReaderContext> leaves = reader.leaves();
    int at = 0;
    while (at < n) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(window[byDoc[at]].doc, leaves));
      int end = at;
      while (end < n && window[byDoc[end]].doc < leaf.docBase + leaf.reader().maxDoc()) {
        end++;
      }
      LeafState state = new LeafState(leaf, title, body, words, labels, !dates.isEmpty(), needed[4]);
      for (int k = at; k < end; k++) {
        int i = byDoc[k];
        state.fill(window[i].doc - leaf.docBase, idf, idfSum, labels.size(), rows[i]);
        if (!dates.isEmpty()) {
          LocalDate date = state.date(window[i].doc - leaf.docBase);
          if (date != null) {
            rows[i][8] = dates.weekdayMatch(date);
            rows[i][9] = dates.dayMatch(date);
          }
        }
        rows[i][0] = Float.isNaN(window[i].score) ? 0 : window[i].score;
      }
      at = end;
    }
    for (int column : new int[] {0, 1, 2}) {
      normaliseByMax(rows, column);
    }
    return rows;
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

  private static Weight weight(IndexSearcher searcher, String field, List<BytesRef> words) throws IOException {
    if (words.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (BytesRef w : words) {
      any.add(new TermQuery(new Term(field, w)), Occur.SHOULD);
    }
    return searcher.createWeight(searcher.rewrite(any.build()), ScoreMode.COMPLETE, 1f);
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

  /** Iterators of one segment, advanced in document order over the window's articles of that segment. */
  private static final class LeafState {
    private final Scorer title;
    private final Scorer body;
    private final PostingsEnum[] inTitle;
    private final PostingsEnum[] inBody;
    private final SortedSetDocValues facets;
    private final long[] entityOrds;
    private final SortedNumericDocValues dates;
    private final boolean lead;

    LeafState(LeafReaderContext leaf, Weight titleWeight, Weight bodyWeight, List<BytesRef> words,
        List<String[]> labels, boolean withDates, boolean lead) throws IOException {
      this.lead = lead;
      dates = withDates ? DocValues.getSortedNumeric(leaf.reader(), Fields.DATE) : null;
      title = titleWeight == null ? null : titleWeight.scorer(leaf);
      body = bodyWeight == null ? null : bodyWeight.scorer(leaf);
      inTitle = postings(leaf, Fields.TITLE, words, PostingsEnum.NONE);
      inBody = postings(leaf, Fields.BODY, words, lead ? PostingsEnum.POSITIONS : PostingsEnum.NONE);
      if (labels.isEmpty()) {
        facets = null;
        entityOrds = new long[0];
      } else {
        facets = DocValues.getSortedSet(leaf.reader(), FACETS.getDimConfig(Fields.PERSON).indexFieldName);
        entityOrds = new long[labels.size()];
        for (int e = 0; e < labels.size(); e++) {
          entityOrds[e] = facets.lookupTerm(new BytesRef(FacetsConfig.pathToString(labels.get(e)[0], labels.get(e)[1])));
        }
      }
    }

    private static PostingsEnum[] postings(LeafReaderContext leaf, String field, List<BytesRef> words, int flags)
        throws IOException {
      PostingsEnum[] postings = new PostingsEnum[words.size()];
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        return postings;
      }
      TermsEnum te = terms.iterator();
      for (int w = 0; w < words.size(); w++) {
        if (te.seekExact(words.get(w))) {
          postings[w] = te.postings(null, flags);
        }
      }
      return postings;
    }

    void fill(int doc, double[] idf, double idfSum, int queryEntities, float[] row) throws IOException {
      row[1] = score(title, doc);
      row[2] = score(body, doc);
      double titleHas = 0;
      double leadHas = 0;
      double anyHas = 0;
      for (int w = 0; w < idf.length; w++) {
        boolean t = on(inTitle[w], doc);
        boolean b = on(inBody[w], doc);
        if (t) {
          titleHas += idf[w];
        }
        if (b && lead && inBody[w].nextPosition() < LEAD_POSITIONS) {
          leadHas += idf[w];
        }
        if (t || b) {
          anyHas += idf[w];
        }
      }
      if (idfSum > 0) {
        row[3] = (float) (titleHas / idfSum);
        row[4] = (float) (leadHas / idfSum);
        row[5] = (float) (anyHas / idfSum);
      }
      if (queryEntities > 0 && facets.advanceExact(doc)) {
        int count = facets.docValueCount();
        int matched = 0;
        for (int k = 0; k < count; k++) {
          long ord = facets.nextOrd();
          for (long wanted : entityOrds) {
            if (wanted >= 0 && ord == wanted) {
              matched++;
            }
          }
        }
        row[6] = (float) matched / queryEntities;
        row[7] = count == 0 ? 0 : (float) matched / count;
      }
    }

    /** The article's day (UTC, as dates are indexed), or null when undated. */
    LocalDate date(int doc) throws IOException {
      if (dates == null || !dates.advanceExact(doc)) {
        return null;
      }
      return LocalDate.ofEpochDay(Math.floorDiv(dates.nextValue(), 86_400_000L));
    }

    private static float score(Scorer scorer, int doc) throws IOException {
      if (scorer == null) {
        return 0;
      }
      DocIdSetIterator it = scorer.iterator();
      if (it.docID() < doc) {
        it.advance(doc);
      }
      return it.docID() == doc ? scorer.score() : 0;
    }

    private static boolean on(PostingsEnum postings, int doc) throws IOException {
      if (postings == null) {
        return false;
      }
      if (postings.docID() < doc) {
        postings.advance(doc);
      }
      return postings.docID() == doc;
    }
  }
}
