package loupe.rank;

import java.io.IOException;
import java.util.List;
import loupe.index.Fields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/** The age of the window's articles, read from the date's doc values, for the optional recency preference. */
final class Recency {

  private static final double MILLIS_PER_DAY = 86_400_000d;

  private Recency() {}

  /**
   * Days from each article's date to now (negative for a future date); an undated article counts as
   * the oldest of the window, so the preference never favours it.
   */
  static double[] ageDays(IndexSearcher searcher, ScoreDoc[] window) throws IOException {
    long now = System.currentTimeMillis();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    double[] ages = new double[window.length];
    double oldest = 0;
    boolean[] undated = new boolean[window.length];
    for (int i = 0; i < window.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(window[i].doc, leaves));
      // A fresh iterator per article: the window is in score order, not document order.
      SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), Fields.DATE);
      if (dates.advanceExact(window[i].doc - leaf.docBase)) {
        ages[i] = (now - dates.nextValue()) / MILLIS_PER_DAY;
        oldest = Math.max(oldest, ages[i]);
      } else {
        undated[i] = true;
      }
    }
    for (int i = 0; i < window.length; i++) {
      if (undated[i]) {
        ages[i] = oldest;
      }
    }
    return ages;
  }
}
