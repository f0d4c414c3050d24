package loupe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import loupe.index.Fields;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The indexing baseline: what a Lucene user writes without Loupe. One thread reads lines, the
 * workers parse the JSON and add documents to one IndexWriter with the stock {@link FrenchAnalyzer}
 * (title and body with offsets, stored; the id, date, url and source; the category as the one facet
 * the query baseline counts), then one commit. No entities.
 */
final class PlainLuceneIndexer {

  static final String ID = "id";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String DATE = "date";
  static final String CATEGORY = "category";

  /** Same as Loupe's text fields: positions for phrases, offsets for the UnifiedHighlighter. */
  static final FieldType TEXT = Fields.TEXT_WITH_OFFSETS;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String END = new String("end of input"); // identity marks the end of the queue

  /** What one run did. */
  public record Result(long articles, long bytes, double seconds, double commitSeconds, long indexBytes) {}

  private PlainLuceneIndexer() {}

  static FacetsConfig facetsConfig() {
    return new FacetsConfig();
  }

  /** Indexes the JSON Lines files into a new index in {@code dir} with {@code threads} writers. */
  public static Result index(List<Path> files, Path dir, int threads, double ramBufferMb) throws IOException {
    long started = System.nanoTime();
    FacetsConfig facets = facetsConfig();
    IndexWriterConfig config = new IndexWriterConfig(new FrenchAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(ramBufferMb);
    AtomicLong articles = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    double commitSeconds;
    try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      BlockingQueue<String> lines = new ArrayBlockingQueue<>(1024);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker = new Thread(() -> {
          try {
            String line;
            while ((line = lines.take()) != END) {
              Document doc = toDocument(JSON.readTree(line), facets);
              if (doc != null) {
                writer.updateDocument(new Term(ID, doc.get(ID)), doc);
                articles.incrementAndGet();
              }
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
            lines.clear();
          }
        }, "plain-indexer-" + t);
        worker.start();
        workers.add(worker);
      }
      try {
        for (Path file : files) {
          try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && failure.get() == null) {
              if (!line.isBlank()) {
                lines.put(line);
              }
            }
          }
        }
        for (int t = 0; t < threads; t++) {
          lines.put(END);
        }
        for (Thread w : workers) {
          w.join();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (failure.get() != null) {
        throw new IOException("plain Lucene indexing failed", failure.get());
      }
      long commitStarted = System.nanoTime();
      writer.commit();
      commitSeconds = (System.nanoTime() - commitStarted) / 1e9;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(articles.get(), BenchInput.bytes(files), seconds, commitSeconds, BenchInput.directoryBytes(dir));
  }

  /** The document for one JSON article; null for a record Loupe would reject too. */
  static Document toDocument(JsonNode node, FacetsConfig facets) throws IOException {
    JsonNode body = node.hasNonNull(BODY) ? node.get(BODY) : node.get("text");
    if (!node.hasNonNull(ID) || body == null || body.isNull()) {
      return null;
    }
    Document doc = new Document();
    doc.add(new KeywordField(ID, node.get(ID).asText(), Field.Store.YES));
    doc.add(new Field(TITLE, node.path(TITLE).asText(""), TEXT));
    doc.add(new Field(BODY, body.asText(), TEXT));
    String date = node.path(DATE).asText("");
    if (date.length() >= 10) {
      doc.add(new LongField(DATE, java.time.LocalDate.parse(date.substring(0, 10)).toEpochDay(), Field.Store.NO));
      doc.add(new StoredField("date_text", date));
    }
    for (String stored : List.of("url", "source")) {
      if (node.hasNonNull(stored)) {
        doc.add(new StoredField(stored, node.get(stored).asText()));
      }
    }
    String category = node.path(CATEGORY).asText("");
    if (!category.isBlank()) {
      doc.add(new SortedSetDocValuesFacetField(CATEGORY, category));
    }
    return facets.build(doc);
  }
}
