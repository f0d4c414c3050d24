package loupe.search.lucene.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import loupe.index.Fields;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts of one dimension must be those Lucene's own counts give, on indexes of one and of
 * several segments, where a segment may lack a dimension or a value.
 */
class DimensionCountsTest {

  private static final String[] PERSONS = {"Angela Merkel", "Emmanuel Macron", "Joe Biden", "Kim Jong Un",
      "Olaf Scholz", "Vladimir Poutine", "Volodymyr Zelensky", "Xi Jinping", "Élisabeth Borne"};
  private static final String[] COUNTRIES = {"Allemagne", "Chine", "Corée du Nord", "France", "Russie", "Ukraine",
      "États-Unis"};

  @TempDir Path dir;

  @Test
  void countsAreLucenesOnSeveralSegments() throws IOException {
    compareOn(index(600, 7));
  }

  @Test
  void countsAreLucenesOnOneSegment() throws IOException {
    compareOn(index(300, 1));
  }

  @Test
  void aDimensionCountedElsewhereIsRefused() throws IOException {
    try (Directory directory = index(50, 2); DirectoryReader reader = DirectoryReader.open(directory)) {
      SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, Fields.facetsConfig());
      FacetsCollector hits = hits(new IndexSearcher(reader), MatchAllDocsQuery.INSTANCE);
      Facets persons = new DimensionCounts(state, hits, Fields.PERSON);
      assertThrows(IllegalArgumentException.class, () -> persons.getTopChildren(5, Fields.COUNTRY));
    }
  }

  private void compareOn(Directory directory) throws IOException {
    try (directory; DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, Fields.facetsConfig());
      List<Query> queries = List.of(MatchAllDocsQuery.INSTANCE, new TermQuery(new Term("bucket", "0")),
          new TermQuery(new Term("bucket", "3")), new TermQuery(new Term("bucket", "nowhere")));
      // Labels read by one request serve the next ones of the same view, across dimensions and queries.
      FacetLabels shared = new FacetLabels();
      for (Query query : queries) {
        FacetsCollector hits = hits(searcher, query);
        Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
        Facets both = new DimensionCounts(state, hits, Fields.COUNTRY, Fields.PERSON);
        Facets bothShared = new DimensionCounts(state, shared, hits, Fields.COUNTRY, Fields.PERSON);
        for (String dim : List.of(Fields.PERSON, Fields.COUNTRY)) {
          for (Facets ours : List.of(new DimensionCounts(state, hits, dim), both, bothShared,
              new DimensionCounts(state, shared, hits, dim))) {
            String where = query + " " + dim;
            assertSame(lucene.getAllChildren(dim), ours.getAllChildren(dim), false, where);
            for (int topN : new int[] {1, 3, 50}) {
              assertSame(lucene.getTopChildren(topN, dim), ours.getTopChildren(topN, dim), true, where + " top " + topN);
            }
            for (String value : values(dim)) {
              assertEquals(lucene.getSpecificValue(dim, value), ours.getSpecificValue(dim, value), where + " " + value);
            }
            assertEquals(-1, ours.getSpecificValue(dim, "Atlantide"), where);
          }
        }
      }
    }
  }

  private static void assertSame(FacetResult expected, FacetResult actual, boolean ordered, String where) {
    if (expected == null) {
      assertNull(actual, where);
      return;
    }
    assertEquals(expected.dim, actual.dim, where);
    assertEquals(expected.childCount, actual.childCount, where);
    List<String> e = Arrays.stream(expected.labelValues).map(lv -> lv.label + "=" + lv.value).toList();
    List<String> a = Arrays.stream(actual.labelValues).map(lv -> lv.label + "=" + lv.value).toList();
    // getAllChildren's order is not specified; getTopChildren's is: most counted, then label order.
    assertEquals(ordered ? e : Set.copyOf(e), ordered ? a : Set.copyOf(a), where);
  }

  private static FacetsCollector hits(IndexSearcher searcher, Query query) throws IOException {
    return searcher.search(query, new FacetsCollectorManager());
  }

  private static String[] values(String dim) {
    return dim.equals(Fields.PERSON) ? PERSONS : COUNTRIES;
  }

  /** {@code docs} documents in {@code segments} segments; some segments lack values or a dimension. */
  private Directory index(int docs, int segments) throws IOException {
    Directory directory = FSDirectory.open(dir.resolve("i" + docs + "-" + segments));
    FacetsConfig config = Fields.facetsConfig();
    Random random = new Random(docs * 31L + segments);
    IndexWriterConfig iwc = new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, iwc)) {
      for (int i = 0; i < docs; i++) {
        int segment = i * segments / docs;
        Document doc = new Document();
        doc.add(new StringField("bucket", Integer.toString(random.nextInt(5)), Field.Store.NO));
        // Segment 1 has no person, segment 2 only the last persons and segment 3 no « Allemagne »,
        // the first country: their ordinals differ from the index-wide ones.
        int persons = segment == 1 ? 0 : random.nextInt(4);
        int firstPerson = segment == 2 ? PERSONS.length - 3 : 0;
        for (String p : distinct(random, PERSONS, firstPerson, persons)) {
          doc.add(new SortedSetDocValuesFacetField(Fields.PERSON, p));
        }
        for (String c : distinct(random, COUNTRIES, segment == 3 ? 1 : 0, random.nextInt(3))) {
          doc.add(new SortedSetDocValuesFacetField(Fields.COUNTRY, c));
        }
        writer.addDocument(config.build(doc));
        if ((i + 1) * segments / docs != segment) {
          writer.commit();
        }
      }
      writer.commit();
    }
    return directory;
  }

  /** {@code n} distinct values among {@code from[first..]}. */
  private static Set<String> distinct(Random random, String[] from, int first, int n) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < n) {
      out.add(from[first + random.nextInt(from.length - first)]);
    }
    return out;
  }

  @Test
  void theFixtureHasSeveralSegments() throws IOException {
    try (Directory directory = index(600, 7); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(7, reader.leaves().size(), Arrays.toString(reader.leaves().toArray()));
    }
  }
}
