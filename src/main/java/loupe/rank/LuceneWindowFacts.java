package loupe.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.index.Fields;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * The facts of a window read from the embedded index: postings for the frequencies and positions,
 * norms for the lengths, doc values for dates and entities, the reader's statistics. Everything is
 * read once, segment by segment in document order, when it is built.
 */
final class LuceneWindowFacts implements WindowFacts {

  private static final FacetsConfig FACETS = Fields.facetsConfig();

  private final IndexReader reader;
  private final ScoreDoc[] window;
  private final List<String> words;
  private final int[][] titleFreqs;
  private final int[][] bodyFreqs;
  private final int[][] firstPositions;
  private final int[] titleLengths;
  private final int[] bodyLengths;
  private final long[] dates;
  private final boolean[][] tagged;
  private final int[] entityCounts;
  private final Map<String, Long> docFreqs = new HashMap<>();

  LuceneWindowFacts(IndexSearcher searcher, ScoreDoc[] window, WindowNeeds needs) throws IOException {
    this.reader = searcher.getIndexReader();
    this.window = window;
    this.words = needs.words();
    int n = window.length;
    int w = words.size();
    titleFreqs = needs.titleFreqs() ? new int[w][n] : null;
    bodyFreqs = needs.bodyFreqs() ? new int[w][n] : null;
    firstPositions = needs.leadPositions() ? new int[w][n] : null;
    titleLengths = needs.titleLengths() ? new int[n] : null;
    bodyLengths = needs.bodyLengths() ? new int[n] : null;
    dates = needs.dates() ? new long[n] : null;
    tagged = new boolean[needs.entities().size()][n];
    entityCounts = new int[n];
    read(needs);
  }

  private void read(WindowNeeds needs) throws IOException {
    int n = window.length;
    Integer[] byDoc = new Integer[n];
    for (int i = 0; i < n; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, (a, b) -> Integer.compare(window[a].doc, window[b].doc));
    List<LeafReaderContext> leaves = reader.leaves();
    List<BytesRef> terms = words.stream().map(BytesRef::new).toList();
    int at = 0;
    while (at < n) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(window[byDoc[at]].doc, leaves));
      int end = at;
      while (end < n && window[byDoc[end]].doc < leaf.docBase + leaf.reader().maxDoc()) {
        end++;
      }
      PostingsEnum[] inTitle = titleFreqs == null ? null : postings(leaf, Fields.TITLE, terms, PostingsEnum.FREQS);
      PostingsEnum[] inBody = bodyFreqs == null && firstPositions == null ? null
          : postings(leaf, Fields.BODY, terms, firstPositions != null ? PostingsEnum.POSITIONS : PostingsEnum.FREQS);
      NumericDocValues titleNorms = titleLengths == null ? null : leaf.reader().getNormValues(Fields.TITLE);
      NumericDocValues bodyNorms = bodyLengths == null ? null : leaf.reader().getNormValues(Fields.BODY);
      SortedNumericDocValues dateValues = dates == null ? null : DocValues.getSortedNumeric(leaf.reader(), Fields.DATE);
      Entities entities = needs.entities().isEmpty() ? null : new Entities(leaf, needs.entities());
      for (int k = at; k < end; k++) {
        int i = byDoc[k];
        int doc = window[i].doc - leaf.docBase;
        for (int w = 0; w < terms.size(); w++) {
          if (inTitle != null && on(inTitle[w], doc)) {
            titleFreqs[w][i] = inTitle[w].freq();
          }
          if (inBody != null) {
            boolean found = on(inBody[w], doc);
            if (bodyFreqs != null && found) {
              bodyFreqs[w][i] = inBody[w].freq();
            }
            if (firstPositions != null) {
              firstPositions[w][i] = found ? inBody[w].nextPosition() : -1;
            }
          }
        }
        if (titleLengths != null) {
          titleLengths[i] = length(titleNorms, doc);
        }
        if (bodyLengths != null) {
          bodyLengths[i] = length(bodyNorms, doc);
        }
        if (dates != null) {
          dates[i] = dateValues.advanceExact(doc) ? dateValues.nextValue() : Long.MIN_VALUE;
        }
        if (entities != null) {
          entityCounts[i] = entities.read(doc, tagged, i);
        }
      }
      at = end;
    }
  }

  /** The persons and countries of one segment's articles, from the facets' doc values. */
  private static final class Entities {
    private final SortedSetDocValues values;
    private final long[] wanted;
    /** Ords of « person/… » and « country/… » labels: two ranges, as ords follow the labels' order. */
    private final long[][] ranges;

    Entities(LeafReaderContext leaf, List<String[]> labels) throws IOException {
      values = DocValues.getSortedSet(leaf.reader(), FACETS.getDimConfig(Fields.PERSON).indexFieldName);
      wanted = new long[labels.size()];
      for (int e = 0; e < labels.size(); e++) {
        wanted[e] = values.lookupTerm(new BytesRef(FacetsConfig.pathToString(labels.get(e)[0], labels.get(e)[1])));
      }
      ranges = new long[][] {range(Fields.PERSON), range(Fields.COUNTRY)};
    }

    private long[] range(String dim) throws IOException {
      return new long[] {insertionPoint(dim + FacetsConfig.DELIM_CHAR), insertionPoint(dim + (char) (FacetsConfig.DELIM_CHAR + 1))};
    }

    private long insertionPoint(String label) throws IOException {
      long found = values.lookupTerm(new BytesRef(label));
      return found >= 0 ? found : -found - 1;
    }

    /** Marks the query's entities the article has; returns its number of persons and countries. */
    int read(int doc, boolean[][] tagged, int article) throws IOException {
      if (!values.advanceExact(doc)) {
        return 0;
      }
      int count = 0;
      for (int k = 0; k < values.docValueCount(); k++) {
        long ord = values.nextOrd();
        for (long[] range : ranges) {
          if (ord >= range[0] && ord < range[1]) {
            count++;
          }
        }
        for (int e = 0; e < wanted.length; e++) {
          if (wanted[e] >= 0 && ord == wanted[e]) {
            tagged[e][article] = true;
          }
        }
      }
      return count;
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

  private static boolean on(PostingsEnum postings, int doc) throws IOException {
    if (postings == null) {
      return false;
    }
    if (postings.docID() < doc) {
      postings.advance(doc);
    }
    return postings.docID() == doc;
  }

  /** The length BM25 reads: the norm's byte, decoded as Lucene's BM25Similarity does. */
  private static int length(NumericDocValues norms, int doc) throws IOException {
    if (norms == null || !norms.advanceExact(doc)) {
      return 0;
    }
    return SmallFloat.byte4ToInt((byte) norms.longValue());
  }

  @Override
  public int size() {
    return window.length;
  }

  @Override
  public float score(int article) {
    return window[article].score;
  }

  @Override
  public long maxDoc() {
    return reader.maxDoc();
  }

  @Override
  public long sumLength(String field) {
    try {
      return reader.getSumTotalTermFreq(field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long docFreq(String field, int word) {
    return docFreqs.computeIfAbsent(field + '\u0000' + word, key -> {
      try {
        return (long) reader.docFreq(new Term(field, words.get(word)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public int termFreq(String field, int word, int article) {
    int[][] freqs = field.equals(Fields.TITLE) ? titleFreqs : bodyFreqs;
    return freqs == null ? 0 : freqs[word][article];
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
    return dates == null ? Long.MIN_VALUE : dates[article];
  }

  @Override
  public boolean tagged(int article, int entity) {
    return tagged[entity][article];
  }

  @Override
  public int entityCount(int article) {
    return entityCounts[article];
  }
}
