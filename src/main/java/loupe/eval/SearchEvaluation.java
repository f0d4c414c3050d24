package loupe.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.ingest.IngestReport;
import loupe.search.Hit;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.ingest.JsonLines;

/**
 * {@code loupe eval search}: how well Loupe ranks the labelled sets of shared/data, each figure
 * beside a plain Lucene baseline computed in the same run (issue 4).
 *
 * <p>Loupe is measured through {@link Loupe#search}, the call the CLI and the HTTP API make, so the
 * figures are those users get. Indexes live in a temporary folder, deleted at the end.
 */
public final class SearchEvaluation {

  /** Deepest rank any figure looks at (Recall@100); also Loupe's largest page. */
  private static final int DEPTH = SearchRequest.MAX_SIZE;


  private SearchEvaluation() {}

  /** One part of the evaluation: a labelled set, or why it is skipped. */
  private sealed interface Part permits LabelledSet, Skipped {}

  /** A document collection and its judged queries. */
  private record LabelledSet(String name, String queryKind, List<Path> documents, Path queries) implements Part {}

  private record Skipped(String message) implements Part {}

  private record LabelledQuery(String qid, String text, Set<String> relevant) {}

  /** Loupe's figures, and how often it relaxed a query to « any word » or refused it. */
  private record LoupeRun(RankingMetrics metrics, int relaxed, int refused) {}

  /**
   * Prints MRR@10, Recall@10 and Recall@100 for PIAF and OrangeSum known-item queries found under
   * {@code sharedData}; a set whose files are absent is skipped with a message.
   *
   * @return 0, or 1 when a set could not be evaluated (unreadable data, articles rejected)
   */
  public static int run(Path sharedData, PrintStream out) {
    out.println("Search relevance: MRR@10, Recall@10, Recall@100 (×: ratio to the plain Lucene baseline:");
    out.println("stock FrenchAnalyzer on title and body, BM25, any query word)");
    int status = 0;
    status = Math.max(status, evaluate(piaf(sharedData.resolve("piaf-retrieval")), out));
    status = Math.max(status, evaluate(orangeSum(sharedData.resolve("orangesum-news")), out));
    return status;
  }

  private static Part piaf(Path dir) {
    Path docs = dir.resolve("docs.jsonl");
    Path queries = dir.resolve("queries-dev.jsonl");
    for (Path needed : List.of(docs, queries)) {
      if (!Files.isRegularFile(needed)) {
        return new Skipped("PIAF: skipped: " + needed + " not found");
      }
    }
    return new LabelledSet("PIAF", "questions", List.of(docs), queries);
  }

  private static Part orangeSum(Path dir) {
    Path queries = dir.resolve("known-item-queries-dev.jsonl");
    List<Path> articles = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().matches("articles-.*\\.jsonl"))
            .sorted()
            .forEach(articles::add);
      } catch (IOException e) {
        throw new UncheckedIOException("listing " + dir, e);
      }
    }
    if (articles.isEmpty()) {
      return new Skipped("OrangeSum known-item: skipped: " + dir.resolve("articles-*.jsonl") + " not found");
    }
    if (!Files.isRegularFile(queries)) {
      return new Skipped("OrangeSum known-item: skipped: " + queries + " not found");
    }
    // Only title and body are indexed (Article has no summary): the queries are the summaries.
    return new LabelledSet("OrangeSum known-item", "summaries", articles, queries);
  }

  private static int evaluate(Part part, PrintStream out) {
    out.println();
    if (part instanceof Skipped skipped) {
      out.println(skipped.message());
      return 0;
    }
    LabelledSet labelled = (LabelledSet) part;
    Path temp = null;
    try {
      temp = Files.createTempDirectory("loupe-eval-search-");
      List<LabelledQuery> queries = readQueries(labelled.queries());

      long started = System.nanoTime();
      RankingMetrics baseline;
      int baselineDocs;
      try (PlainLuceneBaseline lucene = PlainLuceneBaseline.build(temp.resolve("baseline"), labelled.documents())) {
        baselineDocs = lucene.documents();
        List<RankingMetrics.Judged> judged = new ArrayList<>();
        for (LabelledQuery q : queries) {
          judged.add(new RankingMetrics.Judged(lucene.rank(q.text(), DEPTH), q.relevant()));
        }
        baseline = RankingMetrics.of(judged);
      }
      double baselineSeconds = seconds(started);

      started = System.nanoTime();
      LoupeRun loupe;
      IngestReport report;
      try (Loupe index = Loupe.open(temp.resolve("loupe"))) {
        report = index.indexFiles(labelled.documents(), IndexingProgress.NONE);
        loupe = rank(index, queries);
      }
      double loupeSeconds = seconds(started);

      out.printf(Locale.ROOT, "%s: %d %s over %d articles (baseline %d)%n", labelled.name(),
          baseline.queries(), labelled.queryKind(), report.indexed(), baselineDocs);
      out.printf(Locale.ROOT, "  %-10s %8s %18s %18s%n", "", "MRR@10", "Recall@10", "Recall@100");
      out.printf(Locale.ROOT, "  %-10s %8.4f %18.4f %18.4f   (%.0f s)%n", "baseline",
          baseline.mrrAt10(), baseline.recallAt10(), baseline.recallAt100(), baselineSeconds);
      RankingMetrics m = loupe.metrics();
      out.printf(Locale.ROOT, "  %-10s %8.4f %-9s %8.4f %-9s %8.4f %-9s (%.0f s)%n", "Loupe",
          m.mrrAt10(), ratio(m.mrrAt10(), baseline.mrrAt10()),
          m.recallAt10(), ratio(m.recallAt10(), baseline.recallAt10()),
          m.recallAt100(), ratio(m.recallAt100(), baseline.recallAt100()), loupeSeconds);
      out.printf(Locale.ROOT, "  Loupe relaxed %d of %d queries to any word (nothing matched as read)%s%n",
          loupe.relaxed(), queries.size(),
          loupe.refused() == 0 ? "" : "; it refused " + loupe.refused() + " (counted as finding nothing)");
      if (report.partial()) {
        out.printf(Locale.ROOT, "  %d articles rejected, first: %s%n", report.rejected(), report.rejections().get(0));
        return 1;
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      // One set failing (unreadable data, an indexing bug) must not hide the other set's figures.
      out.println(labelled.name() + ": failed: " + e);
      return 1;
    } finally {
      deleteQuietly(temp, out);
    }
  }

  /** Runs every query as a user's search, first page of {@link #DEPTH} hits, no facets. */
  private static LoupeRun rank(Loupe loupe, List<LabelledQuery> queries) throws IOException {
    List<RankingMetrics.Judged> judged = new ArrayList<>();
    int relaxed = 0;
    int refused = 0;
    for (LabelledQuery q : queries) {
      List<String> ids = new ArrayList<>();
      try {
        SearchResponse response = loupe.search(
            SearchRequest.builder().query(q.text()).size(DEPTH).facetSize(0).build());
        for (Hit hit : response.hits()) {
          ids.add(hit.id());
        }
        if (response.relaxed()) {
          relaxed++;
        }
      } catch (InvalidRequestException e) {
        refused++;
      }
      judged.add(new RankingMetrics.Judged(ids, q.relevant()));
    }
    return new LoupeRun(RankingMetrics.of(judged), relaxed, refused);
  }

  private static List<LabelledQuery> readQueries(Path file) throws IOException {
    List<LabelledQuery> queries = new ArrayList<>();
    JsonLines.forEach(file, node -> {
      Set<String> relevant = new LinkedHashSet<>();
      node.path("relevant_ids").forEach(id -> relevant.add(id.asText()));
      queries.add(new LabelledQuery(node.path("qid").asText(), node.path("query").asText(""), relevant));
    });
    return queries;
  }

  private static String ratio(double value, double baseline) {
    return baseline == 0 ? "(n/a)" : String.format(Locale.ROOT, "(%.3f×)", value / baseline);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void deleteQuietly(Path dir, PrintStream out) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      out.println("  (could not delete the temporary index " + dir + ": " + e.getMessage() + ")");
    }
  }
}
