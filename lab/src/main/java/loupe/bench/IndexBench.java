package loupe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.entities.ArticleEntities;
import loupe.entities.EntityExtractor;
import loupe.entities.Extractors;
import loupe.index.ArticleIndexer;
import loupe.ingest.Article;
import loupe.ingest.IngestListener;
import loupe.ingest.IngestReport;
import loupe.ingest.JsonLinesSource;
import loupe.ingest.Rejection;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code bench index}: Loupe's whole indexing pipeline through the facade (read, parse, analyse,
 * extract entities, index, commit) against {@link PlainLuceneIndexer} on the same files, then each
 * stage of both timed on its own, to show where the time goes and how much the stages overlap.
 */
public final class IndexBench {

  /**
   * @param data the shared data folder
   * @param threads indexing threads of the baseline and of the stage measurements
   * @param rounds full runs of each side; the fastest counts (the first one also warms the JIT)
   * @param ramBufferMb IndexWriter RAM buffer of the baseline (Loupe's is its own)
   * @param stages whether to time the stages separately too
   * @param work scratch folder for the indexes, or null for a temporary one
   * @param coldRuns one-shot runs of each side in fresh JVMs before the warm rounds (0: none)
   * @param warm whether to run the warm rounds
   */
  public record Options(Path data, int threads, int rounds, double ramBufferMb, boolean stages, Path work,
      int coldRuns, boolean warm) {
    String commandLine() {
      return String.format(Locale.ROOT, "./loupe bench index --data %s --threads %d --rounds %d --ram-buffer-mb %.0f%s%s%s",
          data, threads, rounds, ramBufferMb, stages ? "" : " --no-stages",
          coldRuns > 0 ? " --cold --cold-runs " + coldRuns : "", warm ? "" : " --no-warm");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexBench() {}

  /** Runs the benchmark and prints its table; returns the exit code (0, also when skipped). */
  public static int run(Options options, PrintWriter out) throws Exception {
    BenchInput input = new BenchInput(options.data());
    var files = input.articleFiles();
    if (files.isEmpty()) {
      out.println(input.skipped(BenchInput.ARTICLES));
      out.flush();
      return 0;
    }
    Path work = options.work() != null ? Files.createDirectories(options.work()) : Files.createTempDirectory("loupe-bench-index");
    try {
      return run(options, files.get(), work, out);
    } finally {
      if (options.work() == null) {
        BenchInput.deleteTree(work);
      }
    }
  }

  private record Run(long articles, double seconds, double busyCores, long indexBytes) {}

  private static int run(Options options, List<Path> files, Path work, PrintWriter out) throws Exception {
    long bytes = BenchInput.bytes(files);
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(Locale.ROOT, "bench index: %d files, %.1f MB, %d threads (%d cores), %d round(s)%n",
        files.size(), bytes / 1e6, options.threads(), cores, options.rounds());
    out.flush();
    if (options.coldRuns() > 0) {
      // As a user meets it first: one-shot runs, each in a fresh JVM, printed before the warm figure.
      ColdIndexBench.Result cold = ColdIndexBench.run(files, options.threads(), options.coldRuns(), work, out);
      if (cold == null) {
        return 1;
      }
      ResultTable coldTable = new ResultTable(String.format(Locale.ROOT,
          "index, one-shot from the shell: %.1f MB of JSON Lines, %d fresh JVM(s) per side", bytes / 1e6, options.coldRuns()));
      ColdIndexBench.addRows(cold, coldTable);
      coldTable.print(out, options.commandLine());
    }
    if (!options.warm()) {
      return 0;
    }
    Run plain = null;
    Run loupe = null;
    List<Double> roundRatios = new ArrayList<>();
    for (int round = 1; round <= options.rounds(); round++) {
      Run p = plainRun(files, work.resolve("plain-" + round), options);
      out.printf(Locale.ROOT, "  round %d plain Lucene: %d articles in %.2f s (%.2f cores busy)%n",
          round, p.articles(), p.seconds(), p.busyCores());
      out.flush();
      Run l = loupeRun(files, work.resolve("loupe-" + round));
      out.printf(Locale.ROOT, "  round %d Loupe:        %d articles in %.2f s (%.2f cores busy)%n",
          round, l.articles(), l.seconds(), l.busyCores());
      out.flush();
      roundRatios.add(p.seconds() / l.seconds());
      plain = plain == null || p.seconds() < plain.seconds() ? p : plain;
      loupe = loupe == null || l.seconds() < loupe.seconds() ? l : loupe;
      BenchInput.deleteTree(work.resolve("plain-" + round));
      BenchInput.deleteTree(work.resolve("loupe-" + round));
    }
    ResultTable table = new ResultTable(String.format(Locale.ROOT,
        "index: %,d articles, %.1f MB of JSON Lines, fastest of %d round(s)", loupe.articles(), bytes / 1e6, options.rounds()));
    table.row("articles/s", plain.articles() / plain.seconds(), loupe.articles() / loupe.seconds(), "%,.0f");
    table.row("MB/s", bytes / 1e6 / plain.seconds(), bytes / 1e6 / loupe.seconds(), "%.2f");
    table.row("wall time s", plain.seconds(), loupe.seconds(), "%.2f");
    table.row("cores busy", plain.busyCores(), loupe.busyCores(), "%.2f");
    table.row("index size MB", plain.indexBytes() / 1e6, loupe.indexBytes() / 1e6, "%.1f");
    if (options.stages()) {
      stages(files, work, options, table);
    }
    table.note(roundRatiosNote(roundRatios));
    table.note(String.format(Locale.ROOT, "Loupe's pipeline sizes its pool to the cores (%d); the baseline and the stages use --threads %d.",
        cores, options.threads()));
    table.print(out, options.commandLine());
    return 0;
  }

  /**
   * The fastest runs of each side may come from different moments of a shared machine; the two runs
   * of one round are back to back, so the median of the rounds' ratios is the steadier figure.
   * The first round, which also warms the JIT, counts only when it is the only one.
   */
  static String roundRatiosNote(List<Double> ratios) {
    List<Double> counted = new ArrayList<>(ratios.size() > 1 ? ratios.subList(1, ratios.size()) : ratios);
    Collections.sort(counted);
    int n = counted.size();
    double median = n % 2 == 1 ? counted.get(n / 2) : (counted.get(n / 2 - 1) + counted.get(n / 2)) / 2;
    StringBuilder each = new StringBuilder();
    for (double r : ratios) {
      each.append(String.format(Locale.ROOT, " %.2f", r));
    }
    return String.format(Locale.ROOT, "articles/s ratio of each round (plain, then Loupe right after):%s; median%s %.2f",
        each, ratios.size() > 1 ? " of rounds 2+" : "", median);
  }

  private static Run plainRun(List<Path> files, Path dir, Options options) throws IOException {
    long cpu = CpuClock.processNanos();
    PlainLuceneIndexer.Result r = PlainLuceneIndexer.index(files, dir, options.threads(), options.ramBufferMb());
    return new Run(r.articles(), r.seconds(), CpuClock.busyCores(cpu, CpuClock.processNanos(), r.seconds()), r.indexBytes());
  }

  private static Run loupeRun(List<Path> files, Path dir) throws IOException {
    long cpu = CpuClock.processNanos();
    long started = System.nanoTime();
    IngestReport report;
    try (Loupe loupe = Loupe.open(dir)) {
      report = loupe.indexFiles(files, IndexingProgress.NONE);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Run(report.indexed(), seconds, CpuClock.busyCores(cpu, CpuClock.processNanos(), seconds),
        BenchInput.directoryBytes(dir));
  }

  /** Times each stage alone: what the pipeline would take if nothing overlapped. */
  private static void stages(List<Path> files, Path work, Options options, ResultTable table) throws Exception {
    int threads = options.threads();
    // Read + parse, one thread on both sides: Loupe's pipeline reads on one thread.
    long t0 = System.nanoTime();
    List<JsonNode> nodes = new ArrayList<>();
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isBlank()) {
            nodes.add(JSON.readTree(line));
          }
        }
      }
    }
    double plainParse = seconds(t0);
    t0 = System.nanoTime();
    List<Article> articles = readArticles(files);
    double loupeParse = seconds(t0);
    table.single("stage read+parse s (1 thr)", plainParse, loupeParse, "%.2f");

    EntityExtractor extractor = Extractors.standard();
    t0 = System.nanoTime();
    List<ArticleEntities> entities = parallel(articles, threads, a -> extractor.extract(a.title(), a.body()));
    table.single("stage entities s", Double.NaN, seconds(t0), "%.2f");

    FacetsConfig facets = PlainLuceneIndexer.facetsConfig();
    Path plainDir = work.resolve("plain-stages");
    try (Directory directory = FSDirectory.open(plainDir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new FrenchAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(options.ramBufferMb()))) {
      t0 = System.nanoTime();
      parallel(nodes, threads, n -> {
        Document doc = PlainLuceneIndexer.toDocument(n, facets);
        if (doc != null) {
          writer.updateDocument(new Term(PlainLuceneIndexer.ID, doc.get(PlainLuceneIndexer.ID)), doc);
        }
        return null;
      });
      double plainIndex = seconds(t0);
      t0 = System.nanoTime();
      writer.commit();
      double plainCommit = seconds(t0);
      nodes = null;
      Path loupeDir = work.resolve("loupe-stages");
      try (ArticleIndexer indexer = ArticleIndexer.open(loupeDir)) {
        t0 = System.nanoTime();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
          positions.add(i);
        }
        List<Boolean> written = parallel(positions, threads, i -> {
          try {
            indexer.upsert(articles.get(i), entities.get(i));
            return true;
          } catch (IllegalArgumentException refused) {
            // The analyzer may refuse a text (bad offsets); the pipeline rejects such an article too.
            return false;
          }
        });
        double loupeIndex = seconds(t0);
        long refused = written.stream().filter(w -> !w).count();
        if (refused > 0) {
          table.note(refused + " article(s) refused by IndexWriter in the analyse+index stage (IllegalArgumentException).");
        }
        t0 = System.nanoTime();
        indexer.commit();
        double loupeCommit = seconds(t0);
        table.single("stage analyse+index s", plainIndex, loupeIndex, "%.2f");
        table.single("stage commit s", plainCommit, loupeCommit, "%.2f");
      }
    } finally {
      BenchInput.deleteTree(plainDir);
      BenchInput.deleteTree(work.resolve("loupe-stages"));
    }
    table.note("stages: each timed alone (read+parse on 1 thread, the others on --threads); their sum vs the wall time shows the overlap.");
  }

  /** Parses the files the way Loupe's pipeline does, with its own reader. */
  static List<Article> readArticles(List<Path> files) throws IOException {
    List<Article> articles = new ArrayList<>();
    IngestListener collect = new IngestListener() {
      @Override
      public void article(Article article, String location) {
        articles.add(article);
      }

      @Override
      public void rejected(Rejection rejection) {}
    };
    JsonLinesSource source = new JsonLinesSource();
    for (Path file : files) {
      source.read(file, file.getFileName().toString(), null, collect);
    }
    return articles;
  }

  interface Work<T, R> {
    R apply(T item) throws Exception;
  }

  /** Applies {@code work} to every item on {@code threads} threads; results keep the input order. */
  static <T, R> List<R> parallel(List<T> items, int threads, Work<T, R> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int chunk = Math.max(1, items.size() / (threads * 16));
      List<Future<List<R>>> parts = new ArrayList<>();
      for (int from = 0; from < items.size(); from += chunk) {
        List<T> slice = items.subList(from, Math.min(items.size(), from + chunk));
        parts.add(pool.submit(() -> {
          List<R> out = new ArrayList<>(slice.size());
          for (T item : slice) {
            out.add(work.apply(item));
          }
          return out;
        }));
      }
      List<R> all = new ArrayList<>(items.size());
      for (Future<List<R>> part : parts) {
        all.addAll(part.get());
      }
      return Collections.unmodifiableList(all);
    } finally {
      pool.shutdownNow();
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
