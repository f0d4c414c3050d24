package loupe.search.lucene.highlight;

import loupe.search.lucene.query.UserQueryParser;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import loupe.Fixtures;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.index.Fields;
import loupe.ingest.Article;
import loupe.ingest.IngestListener;
import loupe.ingest.JsonLinesSource;
import loupe.ingest.Rejection;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Shared postings give the snippets Lucene's weight-matches path gives, for the queries they serve. */
class WordOffsetStrategyTest {

  @Test
  void snippetsAndTitlesAreThoseOfTheWeightMatchesPath() throws IOException {
    List<Article> articles = new ArrayList<>(Fixtures.articles());
    try (InputStream demo = WordOffsetStrategyTest.class.getResourceAsStream("/loupe/demo/articles.jsonl")) {
      new JsonLinesSource().read(demo, "demo", new IngestListener() {
        @Override
        public void article(Article article, String location) {
          articles.add(article);
        }

        @Override
        public void rejected(Rejection rejection) {
          throw new IllegalStateException(rejection.toString());
        }
      });
    }
    // A word repeated through an article and one said once: passages are chosen alike only if the
    // scorer is told the same frequencies by both paths.
    String filler = " Les échanges ont duré toute la matinée dans une salle comble.\n";
    articles.add(new Article("repeats", "Un sommet pour le climat", ("Le climat inquiète." + filler).repeat(6)
        + "Le sommet de Paris s'ouvre demain." + filler, null, null, null));
    Analyzer analyzer = new FrenchNewsAnalyzer();
    try (Directory directory = new ByteBuffersDirectory()) {
      // Small segments, so documents of one request sit in several of them.
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setMaxBufferedDocs(7);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Article a : articles) {
          Document doc = new Document();
          doc.add(new Field(Fields.TITLE, a.title(), Fields.TEXT_WITH_OFFSETS));
          doc.add(new Field(Fields.BODY, a.body(), Fields.TEXT_WITH_OFFSETS));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertTrue(reader.leaves().size() > 2, "several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        SnippetHighlighter shared = new SnippetHighlighter(searcher, analyzer);
        SnippetHighlighter stock = new SnippetHighlighter(searcher, analyzer, false);
        UserQueryParser parser = new UserQueryParser(analyzer, Map.of(Fields.TITLE, 1f, Fields.BODY, 1f), Fields.BODY);
        int[] allDocs = IntStream.range(0, reader.maxDoc()).toArray();
        int served = 0;
        List<String> queries = queries(articles);
        for (String text : queries) {
          Query query = parser.parse(text).highlight();
          if (query == null) {
            continue;
          }
          served += WordOffsetStrategy.wordsOf(query, Fields.BODY) == null ? 0 : 1;
          SnippetHighlighter.Highlights expected = stock.highlight(query, allDocs);
          SnippetHighlighter.Highlights actual = shared.highlight(query, allDocs);
          assertArrayEquals(expected.titles(), actual.titles(), text);
          assertArrayEquals(expected.bodies(), actual.bodies(), text);
        }
        assertTrue(served > queries.size() * 8 / 10, served + " of " + queries.size() + " queries served by shared postings");
      }
    }
  }

  /** Words and pairs of words of the titles, as a reader would type them, and a few repeats and phrases. */
  private static List<String> queries(List<Article> articles) {
    Set<String> queries = new LinkedHashSet<>();
    for (Article a : articles) {
      String[] words = Arrays.stream(a.title().split("[\\s,.:;!?«»\"()]+")).filter(w -> w.length() > 3).toArray(String[]::new);
      for (int i = 0; i < words.length; i++) {
        queries.add(words[i]);
        if (i + 1 < words.length) {
          queries.add(words[i] + " " + words[i + 1]);
        }
      }
    }
    queries.add("climat sommet");
    queries.add("guerre guerres Ukraine");
    queries.add("\"Jeux olympiques\" Paris");
    return new ArrayList<>(queries);
  }

  @Test
  void onlyQueriesOfWordsOredAreServed() {
    Query word = new TermQuery(new Term(Fields.BODY, "climat"));
    Query otherField = new TermQuery(new Term(Fields.TITLE, "sommet"));
    Query or = new BooleanQuery.Builder().add(word, Occur.SHOULD).add(otherField, Occur.SHOULD).build();
    assertEquals(1, WordOffsetStrategy.wordsOf(or, Fields.BODY).length);
    assertNotNull(WordOffsetStrategy.wordsOf(or, Fields.TITLE));
    Query and = new BooleanQuery.Builder().add(word, Occur.MUST).add(otherField, Occur.SHOULD).build();
    assertNull(WordOffsetStrategy.wordsOf(and, Fields.BODY));
    Query twice = new BooleanQuery.Builder().add(word, Occur.SHOULD).add(word, Occur.SHOULD).build();
    assertNull(WordOffsetStrategy.wordsOf(twice, Fields.BODY));
  }
}
