package loupe.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import loupe.entities.CorpusNames;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * Reads what an index knows of its people from the evidence its articles carry ({@link Fields#PERSON_EVIDENCE}):
 * a count over doc values, so the knowledge is always that of the articles the reader sees, live ones only.
 */
public final class CorpusEvidence {
  private CorpusEvidence() {}

  /** Full name → number of live articles giving it with strong evidence. */
  public static Map<String, Integer> count(IndexReader reader) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      SortedSetDocValues values = DocValues.getSortedSet(r, Fields.PERSON_EVIDENCE);
      if (values.getValueCount() == 0) {
        continue;
      }
      int[] perOrd = new int[Math.toIntExact(values.getValueCount())];
      Bits live = r.getLiveDocs();
      for (int doc = values.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        for (int i = 0; i < values.docValueCount(); i++) {
          perOrd[Math.toIntExact(values.nextOrd())]++;
        }
      }
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          counts.merge(values.lookupOrd(ord).utf8ToString(), perOrd[ord], Integer::sum);
        }
      }
    }
    return counts;
  }

  /** What the articles of {@code reader} teach about their people. */
  public static CorpusNames learn(IndexReader reader) throws IOException {
    return CorpusNames.learn(count(reader));
  }

  /** Every live article of {@code reader}, with its stored entities. */
  public static void forEach(IndexReader reader, Consumer<IndexedArticle> consumer) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      for (int d = 0; d < r.maxDoc(); d++) {
        if (live == null || live.get(d)) {
          consumer.accept(ArticleDocuments.fromDocument(stored.document(d)));
        }
      }
    }
  }
}
