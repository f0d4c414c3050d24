package loupe.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import loupe.analysis.FrenchNewsAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the proximity bonus orders articles that hold the same words. */
class QueryRankingTest {

  // The same words in another order: equal BM25 scores, only the proximity of « réforme » and
  // « retraites » differs.
  private static final String TOGETHER = "réforme retraites députés votent hier soir assemblée nationale";
  private static final String APART = "réforme députés votent hier soir assemblée nationale retraites";

  @TempDir Path dir;

  @Test
  void wordsTypedTogetherRankArticlesWithThemTogetherFirst() throws IOException {
    ScoreDoc[] hits = search("réforme retraites");
    assertEquals(2, hits.length);
    assertEquals("together", id(hits[0]));
    assertTrue(hits[0].score > hits[1].score, "the adjacent words earn the bonus");
  }

  @Test
  void aPastedParagraphEarnsNoProximityBonus() throws IOException {
    String paragraph = "Les députés ont adopté dans la nuit de mardi à mercredi la réforme retraites, un texte"
        + " contesté depuis des mois par les syndicats et une large partie de l'opposition.";
    assertTrue(paragraph.split("\\s+").length >= UserQueryParser.PROXIMITY_MAX_WORDS);
    ScoreDoc[] hits = search(paragraph);
    assertEquals(2, hits.length);
    assertEquals(hits[0].score, hits[1].score, "neighbouring words of a paragraph are not a pair the reader typed");
  }

  private FSDirectory directory;
  private DirectoryReader reader;
  private IndexSearcher searcher;

  @BeforeEach
  void index() throws IOException {
    directory = FSDirectory.open(dir);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new FrenchNewsAnalyzer()))) {
      for (Map.Entry<String, String> article : Map.of("together", TOGETHER, "apart", APART).entrySet()) {
        Document doc = new Document();
        doc.add(new StringField("id", article.getKey(), Field.Store.YES));
        doc.add(new TextField("body", article.getValue(), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    directory.close();
  }

  private ScoreDoc[] search(String query) throws IOException {
    UserQueryParser parser = new UserQueryParser(new FrenchNewsAnalyzer(), Map.of("body", 1f), "body");
    return searcher.search(parser.parse(query).strict(), 10).scoreDocs;
  }

  private String id(ScoreDoc hit) throws IOException {
    return searcher.storedFields().document(hit.doc).get("id");
  }
}
