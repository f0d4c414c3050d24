package loupe.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loupe.index.Fields;
import loupe.rank.Reranker;
import loupe.rank.WindowFacts;
import loupe.rank.WindowNeeds;
import loupe.search.SearchRequest;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.SmallFloat;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The facts of a window read from SolrCloud, so that the second stage ranks there as on the
 * embedded index: the words' frequencies come from the index itself ({@code termfreq} in the
 * window's field list), the collection's statistics are summed over the shards (one small
 * request per shard: {@code maxdoc}, {@code sttf}, {@code docfreq} are a shard's own), and the
 * lengths are those the norms hold, from the stored text analysed as the cluster analysed it
 * (Loupe's analyzer; Solr's {@code norm()} does not read BM25 norms).
 */
final class SolrWindowFacts implements WindowFacts {

  private static final String TITLE_FREQ = "loupe_tf_title_";
  private static final String BODY_FREQ = "loupe_tf_body_";
  private static final Analyzer ANALYZER = Fields.analyzer();

  private final SolrDocumentList window;
  private final int size;
  private final WindowNeeds needs;
  private final Statistics statistics;
  private final int[] titleLengths;
  private final int[] bodyLengths;
  private final int[][] firstPositions;

  /** The collection's statistics for the query's words, summed over its shards. */
  record Statistics(long maxDoc, long titleLength, long bodyLength, long[] titleDocFreqs, long[] bodyDocFreqs) {}

  private SolrWindowFacts(SolrDocumentList window, int size, WindowNeeds needs, Statistics statistics) {
    this.window = window;
    this.size = size;
    this.needs = needs;
    this.statistics = statistics;
    titleLengths = needs.titleLengths() ? new int[size] : null;
    bodyLengths = needs.bodyLengths() ? new int[size] : null;
    firstPositions = needs.leadPositions() ? new int[needs.words().size()][size] : null;
    for (int i = 0; i < size; i++) {
      if (titleLengths != null) {
        titleLengths[i] = analyse(Fields.TITLE, text(i, Fields.TITLE), null, i);
      }
      if (bodyLengths != null || firstPositions != null) {
        int length = analyse(Fields.BODY, text(i, Fields.BODY), firstPositions, i);
        if (bodyLengths != null) {
          bodyLengths[i] = length;
        }
      }
    }
  }

  /** The fields the window's documents must be returned with, beside the page's own. */
  static String fieldList(WindowNeeds needs) {
    List<String> fields = new ArrayList<>();
    fields.add("score");
    if (needs.dates()) {
      fields.add(Fields.DATE);
    }
    if (!needs.entities().isEmpty()) {
      fields.add(Fields.PERSON);
      fields.add(Fields.COUNTRY);
    }
    if (needs.titleLengths()) {
      fields.add(Fields.TITLE);
    }
    if (needs.bodyLengths() || needs.leadPositions()) {
      fields.add(Fields.BODY);
    }
    for (int w = 0; w < needs.words().size(); w++) {
      String term = quote(needs.words().get(w));
      if (needs.titleFreqs()) {
        fields.add(TITLE_FREQ + w + ":termfreq(" + Fields.TITLE + "," + term + ")");
      }
      if (needs.bodyFreqs()) {
        fields.add(BODY_FREQ + w + ":termfreq(" + Fields.BODY + "," + term + ")");
      }
    }
    return String.join(",", fields);
  }

  /**
   * Asks each shard for its statistics of the query's words and sums them: a function's
   * {@code docfreq} or {@code maxdoc} is the answering shard's, whatever the stats cache.
   */
  static Statistics statistics(Collection<Slice> slices, WindowNeeds needs, ShardQuery query) throws IOException {
    int words = needs.words().size();
    List<String> fields = new ArrayList<>(List.of("loupe_maxdoc:maxdoc()", "loupe_title_length:sttf(" + Fields.TITLE + ")",
        "loupe_body_length:sttf(" + Fields.BODY + ")"));
    for (int w = 0; w < words; w++) {
      String term = quote(needs.words().get(w));
      fields.add("loupe_df_title_" + w + ":docfreq(" + Fields.TITLE + "," + term + ")");
      fields.add("loupe_df_body_" + w + ":docfreq(" + Fields.BODY + "," + term + ")");
    }
    long maxDoc = 0;
    long titleLength = 0;
    long bodyLength = 0;
    long[] titleDocFreqs = new long[words];
    long[] bodyDocFreqs = new long[words];
    for (Slice slice : slices) {
      ModifiableSolrParams params = new ModifiableSolrParams()
          .set("q", "*:*").set("rows", 1).set("shards", slice.getName()).set("fl", String.join(",", fields));
      SolrDocumentList any = query.run(params);
      if (any.isEmpty()) {
        continue;
      }
      SolrDocument doc = any.get(0);
      maxDoc += number(doc, "loupe_maxdoc");
      titleLength += number(doc, "loupe_title_length");
      bodyLength += number(doc, "loupe_body_length");
      for (int w = 0; w < words; w++) {
        titleDocFreqs[w] += number(doc, "loupe_df_title_" + w);
        bodyDocFreqs[w] += number(doc, "loupe_df_body_" + w);
      }
    }
    return new Statistics(maxDoc, titleLength, bodyLength, titleDocFreqs, bodyDocFreqs);
  }

  /** Asks for the window instead of the page: from the first article, the whole window, with its facts. */
  static void widen(ModifiableSolrParams params, Query scoring, SearchRequest request) {
    WindowNeeds needs = Reranker.standard().needs(scoring, request.query(), request.recencyDays());
    params.set("start", 0);
    params.set("rows", Math.max(Reranker.WINDOW, request.from() + request.size()));
    params.set("fl", params.get("fl") + "," + fieldList(needs));
  }

  /**
   * The page of a response asked with {@link #widen}: its best {@link Reranker#WINDOW} reordered
   * by the second stage, with the model's scores, the ones after in the first stage's order.
   */
  static SolrDocumentList rerank(SolrDocumentList first, Query scoring, SearchRequest request,
      Collection<Slice> slices, ShardQuery query) throws IOException {
    Reranker reranker = Reranker.standard();
    WindowNeeds needs = reranker.needs(scoring, request.query(), request.recencyDays());
    int n = Math.min(Reranker.WINDOW, first.size());
    List<SolrDocument> ordered = new ArrayList<>(first);
    if (n >= 2) {
      SolrWindowFacts facts = new SolrWindowFacts(first, n, needs, statistics(slices, needs, query));
      float[] scores = reranker.scores(facts, needs, request.query(), request.recencyDays());
      int[] order = Reranker.order(scores);
      for (int r = 0; r < n; r++) {
        SolrDocument doc = first.get(order[r]);
        doc.setField("score", scores[order[r]]);
        ordered.set(r, doc);
      }
    }
    SolrDocumentList page = new SolrDocumentList();
    page.setNumFound(first.getNumFound());
    page.setNumFoundExact(first.getNumFoundExact());
    page.setStart(request.from());
    int from = Math.min(request.from(), ordered.size());
    for (SolrDocument doc : ordered.subList(from, Math.min(ordered.size(), from + request.size()))) {
      // What only the second stage read: the page is the one the request asked for.
      doc.removeFields(Fields.DATE);
      if (!request.snippets()) {
        doc.removeFields(Fields.BODY);
      }
      for (String name : List.copyOf(doc.getFieldNames())) {
        if (name.startsWith("loupe_")) {
          doc.removeFields(name);
        }
      }
      page.add(doc);
    }
    return page;
  }

  /** One request to the collection. */
  @FunctionalInterface
  interface ShardQuery {
    SolrDocumentList run(ModifiableSolrParams params) throws IOException;
  }

  /** A term as a function's argument: quoted, as a stemmed word may hold any character. */
  private static String quote(String term) {
    return "'" + term.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static long number(SolrDocument doc, String field) {
    return doc.getFieldValue(field) instanceof Number n ? n.longValue() : 0;
  }

  private String text(int article, String field) {
    Object value = window.get(article).getFirstValue(field);
    return value == null ? "" : value.toString();
  }

  /**
   * The field's length as its norm holds it (tokens at the same position as the previous one not
   * counted, then BM25's one-byte rounding), and, with {@code first} given, each query word's
   * first position.
   */
  private int analyse(String field, String text, int[][] first, int article) {
    if (first != null) {
      for (int[] positions : first) {
        positions[article] = -1;
      }
    }
    int length = 0;
    int position = -1;
    try (TokenStream tokens = ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        int step = increment.getPositionIncrement();
        position += step;
        if (step != 0) {
          length++;
        }
        if (first != null) {
          int w = needs.words().indexOf(term.toString());
          if (w >= 0 && first[w][article] < 0) {
            first[w][article] = position;
          }
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new IllegalStateException("analysing a stored " + field, e);
    }
    return SmallFloat.byte4ToInt(SmallFloat.intToByte4(length));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public float score(int article) {
    return window.get(article).getFieldValue("score") instanceof Number n ? n.floatValue() : 0f;
  }

  @Override
  public long maxDoc() {
    return statistics.maxDoc();
  }

  @Override
  public long sumLength(String field) {
    return field.equals(Fields.TITLE) ? statistics.titleLength() : statistics.bodyLength();
  }

  @Override
  public long docFreq(String field, int word) {
    return field.equals(Fields.TITLE) ? statistics.titleDocFreqs()[word] : statistics.bodyDocFreqs()[word];
  }

  @Override
  public int termFreq(String field, int word, int article) {
    String name = (field.equals(Fields.TITLE) ? TITLE_FREQ : BODY_FREQ) + word;
    return window.get(article).getFieldValue(name) instanceof Number n ? n.intValue() : 0;
  }

  @Override
  public int length(String field, int article) {
    int[] lengths = field.equals(Fields.TITLE) ? titleLengths : bodyLengths;
    return lengths == null ? 0 : lengths[article];
  }

  @Override
  public int firstBodyPosition(int word, int article) {
    return firstPositions == null ? -1 : firstPositions[word][article];
  }

  @Override
  public long dateMillis(int article) {
    return window.get(article).getFieldValue(Fields.DATE) instanceof Date d ? d.getTime() : Long.MIN_VALUE;
  }

  @Override
  public boolean tagged(int article, int entity) {
    String[] label = needs.entities().get(entity);
    Collection<Object> values = window.get(article).getFieldValues(label[0]);
    return values != null && values.contains(label[1]);
  }

  @Override
  public int entityCount(int article) {
    Set<Object> distinct = new HashSet<>();
    int count = 0;
    for (String dim : List.of(Fields.PERSON, Fields.COUNTRY)) {
      Collection<Object> values = window.get(article).getFieldValues(dim);
      if (values != null) {
        distinct.clear();
        distinct.addAll(values);
        count += distinct.size();
      }
    }
    return count;
  }
}
