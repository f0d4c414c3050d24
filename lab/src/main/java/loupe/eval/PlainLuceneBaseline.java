package loupe.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loupe.ingest.JsonLines;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The yardstick of issue 4, what anyone gets from Lucene out of the box: the stock
 * {@link FrenchAnalyzer} on title and body, BM25 with its defaults, and any query word may match
 * (a SHOULD clause per field), so Loupe's figures can be read as a ratio to it.
 */
final class PlainLuceneBaseline implements Closeable {

  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String BODY = "body";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryBuilder builder;
  private final QueryTerms analyzer;
  private final int documents;

  private PlainLuceneBaseline(Directory directory, Analyzer analyzer) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.builder = new QueryBuilder(analyzer);
    this.analyzer = new QueryTerms(analyzer);
    this.documents = reader.numDocs();
  }

  /** Indexes the title and body of every article in the JSON Lines files into {@code dir}. */
  static PlainLuceneBaseline build(Path dir, List<Path> files) throws IOException {
    Analyzer analyzer = new FrenchAnalyzer();
    Directory directory = FSDirectory.open(dir);
    try {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
        for (Path file : files) {
          addArticles(writer, file);
        }
        writer.commit();
      }
      return new PlainLuceneBaseline(directory, analyzer);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static void addArticles(IndexWriter writer, Path file) throws IOException {
    JsonLines.forEach(file, node -> {
      JsonNode body = node.hasNonNull("body") ? node.get("body") : node.get("text");
      if (!node.hasNonNull(ID) || body == null || body.isNull()) {
        return; // Loupe rejects such a record too
      }
      Document doc = new Document();
      doc.add(new StringField(ID, node.get(ID).asText(), Field.Store.YES));
      doc.add(new TextField(TITLE, node.path(TITLE).asText(""), Field.Store.NO));
      doc.add(new TextField(BODY, body.asText(), Field.Store.NO));
      writer.updateDocument(new Term(ID, node.get(ID).asText()), doc);
    });
  }

  /** Number of articles indexed. */
  int documents() {
    return documents;
  }

  /**
   * The ids of the best {@code depth} articles as stock Solr's edismax ranks them with {@code
   * qf=title body} and its defaults (issue 20's other yardstick): each query word scores its best
   * field only (a disjunction-max, tie 0), any word may match ({@code mm} 0% under {@code q.op=OR}),
   * on the same FrenchAnalyzer index as {@link #rank}.
   */
  List<String> rankEdismax(String query, int depth) throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String term : analyzer.terms(query)) {
      any.add(new DisjunctionMaxQuery(
          List.of(new TermQuery(new Term(TITLE, term)), new TermQuery(new Term(BODY, term))), 0f), Occur.SHOULD);
    }
    return top(any.build(), depth);
  }

  /** The ids of the best {@code depth} articles for the query, best first. */
  List<String> rank(String query, int depth) throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String field : List.of(TITLE, BODY)) {
      Query perField = builder.createBooleanQuery(field, query, Occur.SHOULD);
      if (perField != null) {
        any.add(perField, Occur.SHOULD);
      }
    }
    return top(any.build(), depth);
  }

  private List<String> top(BooleanQuery q, int depth) throws IOException {
    List<String> ids = new ArrayList<>();
    if (q.clauses().isEmpty()) {
      return ids;
    }
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : searcher.search(q, depth).scoreDocs) {
      ids.add(stored.document(hit.doc).get(ID));
    }
    return ids;
  }

  /** The analysed terms of a query text, in order, repeats included (as edismax's parser sees them). */
  private record QueryTerms(Analyzer analyzer) {
    List<String> terms(String text) throws IOException {
      List<String> terms = new ArrayList<>();
      try (TokenStream stream = analyzer.tokenStream(BODY, text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          terms.add(term.toString());
        }
        stream.end();
      }
      return terms;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
