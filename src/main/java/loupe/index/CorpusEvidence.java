package loupe.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import loupe.entities.ArticleEntities;
import loupe.entities.CorpusNames;
import loupe.entities.NameEvidence;
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

  /** What the live articles of {@code reader} give: full names with strong evidence and person spellings. */
  public static NameEvidence count(IndexReader reader) throws IOException {
    NameEvidence evidence = new NameEvidence();
    count(reader, Fields.PERSON_EVIDENCE, evidence::addFullName);
    count(reader, Fields.PERSON_SPELLING, evidence::addPersonValue);
    return evidence;
  }

  /** Each value of a sorted-set doc-values field with the number of live articles holding it. */
  private static void count(IndexReader reader, String field, java.util.function.ObjIntConsumer<String> counts)
      throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      SortedSetDocValues values = DocValues.getSortedSet(r, field);
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
          counts.accept(values.lookupOrd(ord).utf8ToString(), perOrd[ord]);
        }
      }
    }
  }

  /** What the articles of {@code reader} teach about their people. */
  public static CorpusNames learn(IndexReader reader) throws IOException {
    return count(reader).learn();
  }

  /** The values of a sorted-set doc-values field for one document (read in increasing document order). */
  private static List<String> values(SortedSetDocValues field, int doc) throws IOException {
    if (!field.advanceExact(doc)) {
      return List.of();
    }
    List<String> values = new ArrayList<>(field.docValueCount());
    for (int i = 0; i < field.docValueCount(); i++) {
      values.add(field.lookupOrd(field.nextOrd()).utf8ToString());
    }
    return values;
  }

  /** Every live article of {@code reader}, with its stored entities, its strong evidence and its person spellings. */
  public static void forEach(IndexReader reader, Consumer<IndexedArticle> consumer) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      SortedSetDocValues evidence = DocValues.getSortedSet(r, Fields.PERSON_EVIDENCE);
      SortedSetDocValues spellings = DocValues.getSortedSet(r, Fields.PERSON_SPELLING);
      for (int d = 0; d < r.maxDoc(); d++) {
        if (live == null || live.get(d)) {
          IndexedArticle read = ArticleDocuments.fromDocument(stored.document(d));
          ArticleEntities e = read.entities();
          consumer.accept(new IndexedArticle(read.article(), new ArticleEntities(e.mentions(), e.persons(),
              e.countries(), e.organizations(), values(evidence, d), values(spellings, d))));
        }
      }
    }
  }
}
