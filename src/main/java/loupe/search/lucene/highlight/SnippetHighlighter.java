package loupe.search.lucene.highlight;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The UnifiedHighlighter set up for result lists: the whole title, and up to three ~160-char
 * passages of the body, read from the offsets in the postings (no re-analysis).
 *
 * <p>One per searcher, shared by all requests on it; thread-safe.
 */
public final class SnippetHighlighter extends UnifiedHighlighter {

  public static final int SNIPPET_CHARS = 160;
  static final int MAX_SNIPPETS = 3;
  /** Where the first match sits in a passage: a little before the middle, so its sentence leads in. */
  private static final float FRAGMENT_ALIGNMENT = 0.4f;
  private static final String[] FIELDS = {Fields.TITLE, Fields.BODY};
  private static final int[] MAX_PASSAGES = {1, MAX_SNIPPETS};

  /**
   * Stored fields the caller already read for the documents being highlighted, by doc id: the
   * highlighter takes the title and body from them instead of decompressing each article again.
   */
  private final ThreadLocal<Map<Integer, Document>> preloaded = new ThreadLocal<>();

  /** Whether queries of words OR-ed read their postings once per request ({@link WordOffsetStrategy}). */
  private final boolean sharedPostings;

  public SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    this(searcher, analyzer, true);
  }

  /** With {@code sharedPostings} false, Lucene's own weight-matches path for every query: what tests compare with. */
  public SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer, boolean sharedPostings) {
    super(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new HtmlSnippetFormatter())
        // Only the first 20,000 chars of a body are searched for passages: long bodies would
        // make every request pay for text nobody reads in a snippet.
        .withMaxLength(20_000)
        .withScorer(new LightPassageScorer())
        .withPassageRelevancyOverSpeed(true));
    this.sharedPostings = sharedPostings;
  }

  /** Highlighted title and body snippets of each document, in the order of {@code docIds}. */
  @SuppressWarnings("unchecked")
  public Highlights highlight(Query query, int[] docIds) throws IOException {
    Map<String, Object[]> byField = highlightFieldsAsObjects(FIELDS, query, docIds, MAX_PASSAGES);
    return new Highlights(byField.get(Fields.TITLE), byField.get(Fields.BODY));
  }

  /** As {@link #highlight(Query, int[])}, with the stored title and body of each document already read. */
  public Highlights highlight(Query query, int[] docIds, Document[] docs) throws IOException {
    Map<Integer, Document> byId = new HashMap<>(docIds.length * 2);
    for (int i = 0; i < docIds.length; i++) {
      byId.put(docIds[i], docs[i]);
    }
    preloaded.set(byId);
    try {
      return highlight(query, docIds);
    } finally {
      preloaded.remove();
    }
  }

  /** Same values as the stock loader (each field cut at the max length, multiple values joined), from the preloaded documents. */
  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
      throws IOException {
    Map<Integer, Document> docs = preloaded.get();
    if (docs == null) {
      return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
    }
    List<CharSequence[]> out = new ArrayList<>();
    int maxLength = getMaxLength();
    int sumChars = 0;
    do {
      int docId = docIter.nextDoc();
      if (docId == DocIdSetIterator.NO_MORE_DOCS) {
        break;
      }
      Document doc = docs.get(docId);
      if (doc == null) {
        throw new IllegalStateException("document " + docId + " was not preloaded");
      }
      CharSequence[] values = new CharSequence[fields.length];
      for (int f = 0; f < fields.length; f++) {
        values[f] = limited(doc.getValues(fields[f]), maxLength);
        sumChars += values[f] == null ? 0 : values[f].length();
      }
      out.add(values);
    } while (sumChars <= cacheCharsThreshold && cacheCharsThreshold != 0);
    return out;
  }

  private static CharSequence limited(String[] values, int maxLength) {
    if (values.length == 0) {
      return null;
    }
    String first = values[0];
    if (values.length == 1) {
      return first.substring(0, Math.min(maxLength, first.length()));
    }
    StringBuilder sb = new StringBuilder(first.substring(0, Math.min(maxLength, first.length())));
    for (int i = 1; i < values.length; i++) {
      int remaining = maxLength - sb.length();
      if (remaining <= 0) {
        break;
      }
      sb.append(MULTIVAL_SEP_CHAR).append(values[i], 0, Math.min(remaining - 1, values[i].length()));
    }
    return sb;
  }

  /** Highlighter output aligned with the docIds asked for; an entry is null where nothing matched. */
  public record Highlights(Object[] titles, Object[] bodies) {
    @SuppressWarnings("unchecked")
    public List<String> body(int i) {
      return bodies[i] == null ? List.of() : (List<String>) bodies[i];
    }

    @SuppressWarnings("unchecked")
    public String title(int i) {
      List<String> t = titles[i] == null ? List.of() : (List<String>) titles[i];
      return t.isEmpty() ? null : t.get(0);
    }
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    if (Fields.TITLE.equals(field)) {
      return new WholeBreakIterator();
    }
    return LengthGoalBreakIterator.createClosestToLength(new SentenceBreakIterator(), SNIPPET_CHARS, FRAGMENT_ALIGNMENT);
  }

  @Override
  protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
    // Only where it gives what the weight-matches path would: offsets from the postings, and
    // words (see WordOffsetStrategy.freqAsWeightMatches).
    WordOffsetStrategy words = sharedPostings && offsetSource == OffsetSource.POSTINGS
        && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES) ? WordOffsetStrategy.of(components) : null;
    return words != null ? words : super.getOffsetStrategy(offsetSource, components);
  }

  @Override
  protected int getMaxNoHighlightPassages(String field) {
    // A hit found by its title alone still shows the start of its body.
    return 1;
  }
}
