package loupe.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import loupe.analysis.FrenchNewsAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** What a reader types finds what the article says: the table in query-matches.tsv. */
class QueryMatchingTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "[{index}] \"{1}\" in \"{0}\" → {2} ({3})")
  @CsvFileSource(resources = "/loupe/analysis/query-matches.tsv", delimiter = '\t', quoteCharacter = '¤',
      commentCharacter = '#')
  void queryFindsTextAsAReaderExpects(String text, String query, boolean matches, String why) throws IOException {
    FrenchNewsAnalyzer analyzer = new FrenchNewsAnalyzer();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      Document doc = new Document();
      doc.add(new TextField("body", text, Field.Store.NO));
      writer.addDocument(doc);
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        UserQueryParser parser = new UserQueryParser(analyzer, Map.of("body", 1f));
        int hits = new IndexSearcher(reader).count(parser.parse(query).strict());
        assertEquals(matches ? 1 : 0, hits, why);
      }
    }
  }
}
