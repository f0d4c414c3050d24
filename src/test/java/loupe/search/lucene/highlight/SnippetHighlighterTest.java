package loupe.search.lucene.highlight;

import loupe.search.lucene.query.UserQueryParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a result list shows of an article: its best passages, whole sentences, the title marked. */
class SnippetHighlighterTest {

  private static final String FILLER = " Les échanges ont duré toute la matinée dans une salle comble et attentive.";

  /** Doc 0: five passages with one query word each, then the one with both, twice. */
  private static final String TITLE_0 = "Le climat au cœur du sommet de Paris";
  private static final String BODY_0 = "Le climat préoccupe les habitants de la région depuis longtemps." + FILLER
      + "\nLes agriculteurs parlent du climat à chaque réunion du conseil municipal." + FILLER
      + "\nUn rapport sur le climat a été remis au préfet la semaine dernière." + FILLER
      + "\nLes écoles consacrent une journée au climat chaque printemps." + FILLER
      + "\nLe maire évoque souvent le climat dans ses discours." + FILLER
      + "\nSelon M. Macron, le sommet sur le climat a permis un accord historique entre les pays du Nord et ceux"
      + " du Sud, et ce sommet sur le climat fera date dans l'histoire de la diplomatie." + FILLER;
  /** Doc 1: the only match comes late in a long body. */
  private static final String BODY_1 = (FILLER.strip() + " ").repeat(30) + "Enfin, la banquise fond plus vite que prévu.";

  private static Analyzer analyzer;
  private static Directory directory;
  private static DirectoryReader reader;
  private static SnippetHighlighter highlighter;
  private static UserQueryParser parser;

  @BeforeAll
  static void index() throws IOException {
    analyzer = new FrenchNewsAnalyzer();
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      writer.addDocument(article(TITLE_0, BODY_0));
      writer.addDocument(article("Le Grand Nord change", BODY_1));
    }
    reader = DirectoryReader.open(directory);
    highlighter = new SnippetHighlighter(new IndexSearcher(reader), analyzer);
    parser = new UserQueryParser(analyzer, Map.of(Fields.TITLE, 1f, Fields.BODY, 1f), Fields.BODY);
  }

  private static Document article(String title, String body) {
    Document doc = new Document();
    doc.add(new Field(Fields.TITLE, title, Fields.TEXT_WITH_OFFSETS));
    doc.add(new Field(Fields.BODY, body, Fields.TEXT_WITH_OFFSETS));
    return doc;
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }

  private static SnippetHighlighter.Highlights highlight(String query, int doc) throws IOException {
    Query q = parser.parse(query).highlight();
    return highlighter.highlight(q, new int[] {doc});
  }

  @Test
  void thePassageWithTheMostQueryWordsIsShownThoughItComesLast() throws IOException {
    List<String> snippets = highlight("climat sommet", 0).body(0);
    assertEquals(SnippetHighlighter.MAX_SNIPPETS, snippets.size(), snippets.toString());
    assertTrue(snippets.stream().anyMatch(s -> s.contains("<mark>sommet</mark>") && s.contains("<mark>climat</mark>")),
        snippets.toString());
  }

  @Test
  void passagesAreWholeSentences() throws IOException {
    for (String snippet : highlight("climat sommet", 0).body(0)) {
      String text = snippet.replace("<mark>", "").replace("</mark>", "");
      String opening = text.replaceFirst("^… ", "");
      assertTrue(Character.isUpperCase(opening.charAt(0)), "starts a sentence: " + text);
      assertTrue(text.endsWith(".") || text.endsWith(". …"), "ends a sentence: " + text);
      assertTrue(snippet.length() < 400, "about one or two sentences: " + text);
    }
  }

  @Test
  void aLateMatchIsFoundAndItsPassageSaysTextWasLeftOut() throws IOException {
    List<String> snippets = highlight("banquise", 1).body(0);
    assertEquals(1, snippets.size(), snippets.toString());
    assertTrue(snippets.get(0).startsWith("… "), snippets.get(0));
    assertTrue(snippets.get(0).endsWith(" la <mark>banquise</mark> fond plus vite que prévu."), snippets.get(0));
  }

  @Test
  void theTitleIsMarkedWhole() throws IOException {
    assertEquals("Le <mark>climat</mark> au cœur du <mark>sommet</mark> de Paris",
        highlight("climat sommet", 0).title(0));
  }
}
