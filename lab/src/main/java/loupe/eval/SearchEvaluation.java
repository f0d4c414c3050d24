package loupe.eval;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import loupe.ingest.JsonLines;
import loupe.search.Hit;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.solr.SolrTarget;

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

  /** Resamples of the bootstrap interval of each MRR@10 ratio; enough for two stable decimals. */
  private static final int BOOTSTRAP_DRAWS = 2_000;

  /** The query sets {@code --set} accepts, in the order they run. */
  public static final List<String> SET_NAMES =
      List.of("piaf", "orangesum-dev", "orangesum-wide", "orangesum-validation");

  private SearchEvaluation() {}

  /** One part of the evaluation: a collection with its query sets, or why it is skipped. */
  private sealed interface Part permits Collection, Skipped {}

  /** A document collection, indexed once, and the judged query sets run against it. */
  private record Collection(String name, List<Path> documents, List<QuerySet> querySets) implements Part {}

  private record Skipped(String message) implements Part {}

  /**
   * Queries of one kind; read lazily, as the wide set is drawn from the articles themselves.
   * {@code validation} marks the sets of {@link ValidationSplit}, on which no choice is made.
   */
  private record QuerySet(String name, String queryKind, boolean validation, QueryReader reader) {}

  /** One set's figures, kept for the closing table that puts dev and validation side by side. */
  private record Summary(String set, boolean validation, int queries, RankingMetrics baseline,
      RankingMetrics edismax, RankingMetrics loupe, RankingMetrics.Interval edismaxInterval,
      RankingMetrics.Interval loupeInterval, RankingMetrics solr, RankingMetrics.Interval solrInterval) {}

  @FunctionalInterface
  private interface QueryReader {
    List<LabelledQuery> read() throws IOException;
  }

  private record LabelledQuery(String qid, String text, Set<String> relevant) {}

  /**
   * Loupe's judged rankings, and how often it relaxed a query to « any word » or refused it; per
   * query its total (-1 when refused) and whether it was relaxed.
   */
  private record LoupeRun(List<RankingMetrics.Judged> judged, int relaxed, int refused, List<Long> totals,
      List<Boolean> relaxedEach) {}

  /** Queries whose first relevant article is at another rank in the two runs. */
  private static int differing(List<RankingMetrics.Judged> a, List<RankingMetrics.Judged> b) {
    int n = 0;
    for (int i = 0; i < a.size(); i++) {
      if (firstRelevant(a.get(i)) != firstRelevant(b.get(i))) {
        n++;
      }
    }
    return n;
  }

  /** The 1-based rank of the first relevant article, 0 when none is ranked. */
  private static int firstRelevant(RankingMetrics.Judged judged) {
    for (int i = 0; i < judged.ranked().size(); i++) {
      if (judged.relevant().contains(judged.ranked().get(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Prints MRR@10, Recall@10 and Recall@100 for PIAF and OrangeSum known-item queries found under
   * {@code sharedData}; a set whose files are absent is skipped with a message.
   *
   * @param sets the names of the query sets to run (see {@link #SET_NAMES}); empty for all
   * @return 0, or 1 when a set could not be evaluated (unreadable data, articles rejected)
   */
  public static int run(Path sharedData, List<String> sets, PrintStream out) {
    return run(sharedData, sets, null, null, out);
  }

  /**
   * The same, and with {@code perQuery} not null a tab-separated line per query written there: set,
   * query id, the rank of its first relevant article for the baseline, the edismax-like ranking and
   * Loupe (0 when not in the top {@value #DEPTH}), Loupe's total, whether it relaxed, Loupe's rank on
   * SolrCloud (empty without it), the query: the losses and gains behind a ratio. With {@code solr} not null, the same queries also run through
   * the SolrCloud backend (see {@link SolrCollections}), beside the embedded index.
   */
  public static int run(Path sharedData, List<String> sets, Path perQuery, SolrTarget solr, PrintStream out) {
    for (String set : sets) {
      if (!SET_NAMES.contains(set)) {
        throw new IllegalArgumentException("unknown query set '" + set + "', expected one of " + SET_NAMES);
      }
    }
    Set<String> chosen = new LinkedHashSet<>(sets.isEmpty() ? SET_NAMES : sets);
    out.println("Search relevance: MRR@10, Recall@10, Recall@100 (×: ratio to the plain Lucene baseline:");
    out.println("stock FrenchAnalyzer on title and body, BM25, any query word; the interval is the 95% range");
    out.println("of the MRR@10 ratio over " + BOOTSTRAP_DRAWS + " resamples of the queries)");
    out.println("Beside it, an edismax-like ranking (stock Solr's edismax, qf=title body: each word's best field,");
    out.println("tie 0, any word) on the baseline's index. Validation sets (docs/ranking.md) are never tuned on.");
    int status = 0;
    List<Summary> summaries = new ArrayList<>();
    try (PrintStream lines = perQuery == null ? null : new PrintStream(Files.newOutputStream(perQuery), true, UTF_8)) {
      if (lines != null) {
        lines.println("set\tqid\tbaseline_rank\tedismax_rank\tloupe_rank\tloupe_total\trelaxed\tsolr_rank\tquery");
      }
      if (chosen.contains("piaf")) {
        status = Math.max(status, evaluate(piaf(sharedData.resolve("piaf-retrieval")), summaries, lines, solr, out));
      }
      if (chosen.stream().anyMatch(set -> set.startsWith("orangesum"))) {
        status = Math.max(status,
            evaluate(orangeSum(sharedData.resolve("orangesum-news"), chosen), summaries, lines, solr, out));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + perQuery, e);
    }
    printSummary(summaries, out);
    return status;
  }

  private static void printSummary(List<Summary> summaries, PrintStream out) {
    if (summaries.isEmpty()) {
      return;
    }
    out.println();
    out.println("Summary: MRR@10 (ratio to the baseline, 95% interval) and Recall@100 ratio; dev and validation side by side");
    boolean solr = summaries.stream().anyMatch(s -> s.solr() != null);
    out.printf(Locale.ROOT, "  %-32s %6s  %7s  %-27s %-27s%s%n", "set", "queries", "base", "edismax-like", "Loupe",
        solr ? " Loupe on SolrCloud" : "");
    for (Summary s : summaries) {
      out.printf(Locale.ROOT, "  %-32s %6d  %7.4f  %-27s %-27s%s%n", (s.validation() ? "[validation] " : "[dev] ") + s.set(),
          s.queries(), s.baseline().mrrAt10(), cell(s.edismax(), s.baseline(), s.edismaxInterval()),
          cell(s.loupe(), s.baseline(), s.loupeInterval()),
          s.solr() == null ? "" : " " + cell(s.solr(), s.baseline(), s.solrInterval()));
    }
  }

  private static String cell(RankingMetrics m, RankingMetrics baseline, RankingMetrics.Interval interval) {
    return String.format(Locale.ROOT, "%.3f× [%.3f–%.3f] R %.3f×", m.mrrAt10() / baseline.mrrAt10(),
        interval.low(), interval.high(), m.recallAt100() / baseline.recallAt100());
  }

  private static Part piaf(Path dir) {
    Path docs = dir.resolve("docs.jsonl");
    Path queries = dir.resolve("queries-dev.jsonl");
    for (Path needed : List.of(docs, queries)) {
      if (!Files.isRegularFile(needed)) {
        return new Skipped("PIAF: skipped: " + needed + " not found");
      }
    }
    // The held-out PIAF questions are not distributed (SOURCE.md): only the dev ones can be run,
    // and their interval says how far they can be trusted.
    return new Collection("PIAF", List.of(docs), List.of(
        new QuerySet("PIAF dev (3 articles in 4 of the dev file)", "questions", false,
            () -> piafQueries(queries, false)),
        new QuerySet("PIAF validation (1 article in 4 of the dev file)", "questions", true,
            () -> piafQueries(queries, true))));
  }

  private static Part orangeSum(Path dir, Set<String> chosen) {
    Path devQueries = dir.resolve("known-item-queries-dev.jsonl");
    List<Path> articles = orangeSumFiles(dir);
    if (articles.isEmpty()) {
      return new Skipped("OrangeSum known-item: skipped: " + dir.resolve("articles-*.jsonl") + " not found");
    }
    if (!Files.isRegularFile(devQueries)) {
      return new Skipped("OrangeSum known-item: skipped: " + devQueries + " not found");
    }
    // Only title and body are indexed (Article has no summary): the queries are the summaries.
    List<QuerySet> sets = new ArrayList<>();
    if (chosen.contains("orangesum-dev")) {
      sets.add(new QuerySet("OrangeSum known-item dev", "summaries", false, () -> readQueries(devQueries)));
    }
    if (chosen.contains("orangesum-wide")) {
      sets.add(new QuerySet("OrangeSum known-item wide (summaries of 1 article in 16, dev left out)", "summaries",
          false, () -> wideQueries(articles, devQueries, WideKnownItems::inSample)));
    }
    if (chosen.contains("orangesum-validation")) {
      sets.add(new QuerySet("OrangeSum known-item validation (another 1 article in 16)", "summaries", true,
          () -> wideQueries(articles, devQueries, ValidationSplit::orangeSumValidation)));
    }
    return new Collection("OrangeSum", articles, sets);
  }

  /** The OrangeSum shards ({@code articles-*.jsonl}) in {@code dir}, in order; empty when there are none. */
  static List<Path> orangeSumFiles(Path dir) {
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
    return articles;
  }

  private static List<LabelledQuery> piafQueries(Path file, boolean validation) throws IOException {
    return readQueries(file).stream()
        .filter(q -> q.relevant().stream().anyMatch(id -> ValidationSplit.piafValidation(id) == validation))
        .toList();
  }

  private static List<LabelledQuery> wideQueries(List<Path> articles, Path devQueries,
      java.util.function.Predicate<String> bucket) throws IOException {
    Set<String> devArticles = new LinkedHashSet<>();
    readQueries(devQueries).forEach(q -> devArticles.addAll(q.relevant()));
    return WideKnownItems.select(articles, devArticles, bucket).stream()
        .map(item -> new LabelledQuery(item.id(), item.summary(), Set.of(item.id())))
        .toList();
  }

  private static int evaluate(Part part, List<Summary> summaries, PrintStream perQuery, SolrTarget solrTarget,
      PrintStream out) {
    out.println();
    if (part instanceof Skipped skipped) {
      out.println(skipped.message());
      return 0;
    }
    Collection collection = (Collection) part;
    Path temp = null;
    try {
      temp = Files.createTempDirectory("loupe-eval-search-");
      long started = System.nanoTime();
      IngestReport report;
      try (PlainLuceneBaseline lucene = PlainLuceneBaseline.build(temp.resolve("baseline"), collection.documents());
          Loupe index = Loupe.open(temp.resolve("loupe"))) {
        report = index.indexFiles(collection.documents(), IndexingProgress.NONE);
        out.printf(Locale.ROOT, "%s: %d articles indexed by Loupe, %d by the baseline (%.0f s)%n", collection.name(),
            report.indexed(), lucene.documents(), seconds(started));
        try (Loupe solr = solrTarget == null ? null
            : SolrCollections.indexed(solrTarget, collection.name(), collection.documents(), report.indexed(), out)) {
          for (QuerySet set : collection.querySets()) {
            summaries.add(evaluate(set, lucene, index, solr, perQuery, out));
          }
        }
      }
      if (report.partial()) {
        out.printf(Locale.ROOT, "  %d articles rejected, first: %s%n", report.rejected(), report.rejections().get(0));
        return 1;
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      // One set failing (unreadable data, an indexing bug) must not hide the other set's figures.
      out.println(collection.name() + ": failed: " + e);
      return 1;
    } finally {
      deleteQuietly(temp, out);
    }
  }

  private static Summary evaluate(QuerySet set, PlainLuceneBaseline lucene, Loupe loupe, Loupe solr,
      PrintStream perQuery, PrintStream out) throws IOException {
    List<LabelledQuery> queries = set.reader().read();
    long started = System.nanoTime();
    List<RankingMetrics.Judged> baselineJudged = new ArrayList<>();
    for (LabelledQuery q : queries) {
      baselineJudged.add(new RankingMetrics.Judged(lucene.rank(q.text(), DEPTH), q.relevant()));
    }
    double baselineSeconds = seconds(started);
    started = System.nanoTime();
    List<RankingMetrics.Judged> edismaxJudged = new ArrayList<>();
    for (LabelledQuery q : queries) {
      edismaxJudged.add(new RankingMetrics.Judged(lucene.rankEdismax(q.text(), DEPTH), q.relevant()));
    }
    double edismaxSeconds = seconds(started);
    started = System.nanoTime();
    LoupeRun run = rank(loupe, queries);
    double loupeSeconds = seconds(started);
    started = System.nanoTime();
    LoupeRun solrRun = solr == null ? null : rank(solr, queries);
    double solrSeconds = seconds(started);
    if (perQuery != null) {
      String name = set.name().replaceFirst(" \\(.*", "");
      for (int i = 0; i < queries.size(); i++) {
        perQuery.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%b\t%s\t%s%n", name, queries.get(i).qid(),
            firstRelevant(baselineJudged.get(i)), firstRelevant(edismaxJudged.get(i)), firstRelevant(run.judged().get(i)),
            run.totals().get(i), run.relaxedEach().get(i),
            solrRun == null ? "" : String.valueOf(firstRelevant(solrRun.judged().get(i))),
            queries.get(i).text().replaceAll("\\s+", " "));
      }
    }

    RankingMetrics baseline = RankingMetrics.of(baselineJudged);
    RankingMetrics m = RankingMetrics.of(run.judged());
    RankingMetrics edismax = RankingMetrics.of(edismaxJudged);
    RankingMetrics.Interval interval =
        RankingMetrics.mrrRatioInterval(run.judged(), baselineJudged, BOOTSTRAP_DRAWS, 4L);
    RankingMetrics.Interval edismaxInterval =
        RankingMetrics.mrrRatioInterval(edismaxJudged, baselineJudged, BOOTSTRAP_DRAWS, 4L);
    out.println();
    out.printf(Locale.ROOT, "%s: %d %s%n", set.name(), baseline.queries(), set.queryKind());
    out.printf(Locale.ROOT, "  %-10s %8s %18s %18s%n", "", "MRR@10", "Recall@10", "Recall@100");
    out.printf(Locale.ROOT, "  %-10s %8.4f %18.4f %18.4f   (%.0f s)%n", "baseline",
        baseline.mrrAt10(), baseline.recallAt10(), baseline.recallAt100(), baselineSeconds);
    row(out, "edismax", edismax, baseline, edismaxSeconds);
    row(out, "Loupe", m, baseline, loupeSeconds);
    RankingMetrics onSolr = solrRun == null ? null : RankingMetrics.of(solrRun.judged());
    RankingMetrics.Interval solrInterval = solrRun == null ? null
        : RankingMetrics.mrrRatioInterval(solrRun.judged(), baselineJudged, BOOTSTRAP_DRAWS, 4L);
    if (onSolr != null) {
      row(out, "Loupe Solr", onSolr, baseline, solrSeconds);
      out.printf(Locale.ROOT, "  SolrCloud against the embedded index: MRR@10 %+.4f, Recall@100 %+.4f; %d of %d queries"
          + " rank their first relevant article elsewhere%n", onSolr.mrrAt10() - m.mrrAt10(),
          onSolr.recallAt100() - m.recallAt100(), differing(run.judged(), solrRun.judged()), queries.size());
    }
    out.printf(Locale.ROOT, "  MRR@10 ratio, 95%% interval: Loupe %.3f to %.3f, edismax-like %.3f to %.3f%s%n",
        interval.low(), interval.high(), edismaxInterval.low(), edismaxInterval.high(),
        solrInterval == null ? "" : String.format(Locale.ROOT, ", Loupe on SolrCloud %.3f to %.3f",
            solrInterval.low(), solrInterval.high()));
    out.printf(Locale.ROOT, "  Loupe relaxed %d of %d queries to any word (nothing matched as read)%s%n",
        run.relaxed(), queries.size(),
        run.refused() == 0 ? "" : "; it refused " + run.refused() + " (counted as finding nothing)");
    return new Summary(set.name().replaceFirst(" \\(.*", ""), set.validation(), baseline.queries(), baseline,
        edismax, m, edismaxInterval, interval, onSolr, solrInterval);
  }

  private static void row(PrintStream out, String name, RankingMetrics m, RankingMetrics baseline, double seconds) {
    out.printf(Locale.ROOT, "  %-10s %8.4f %-9s %8.4f %-9s %8.4f %-9s (%.0f s)%n", name,
        m.mrrAt10(), ratio(m.mrrAt10(), baseline.mrrAt10()),
        m.recallAt10(), ratio(m.recallAt10(), baseline.recallAt10()),
        m.recallAt100(), ratio(m.recallAt100(), baseline.recallAt100()), seconds);
  }

  /**
   * Runs every query as a user's search, first page of {@link #DEPTH} hits, without facets or
   * snippets, which change nothing in the ranking (as ./loupe search --queries runs them).
   */
  private static LoupeRun rank(Loupe loupe, List<LabelledQuery> queries) throws IOException {
    List<RankingMetrics.Judged> judged = new ArrayList<>();
    int relaxed = 0;
    int refused = 0;
    List<Long> totals = new ArrayList<>();
    List<Boolean> relaxedEach = new ArrayList<>();
    for (LabelledQuery q : queries) {
      List<String> ids = new ArrayList<>();
      long total = -1;
      boolean wasRelaxed = false;
      try {
        SearchResponse response = loupe.search(
            SearchRequest.builder().query(q.text()).size(DEPTH).facetSize(0).snippets(false).build());
        for (Hit hit : response.hits()) {
          ids.add(hit.id());
        }
        if (response.relaxed()) {
          relaxed++;
        }
        total = response.total();
        wasRelaxed = response.relaxed();
      } catch (InvalidRequestException e) {
        refused++;
      }
      judged.add(new RankingMetrics.Judged(ids, q.relevant()));
      totals.add(total);
      relaxedEach.add(wasRelaxed);
    }
    return new LoupeRun(judged, relaxed, refused, totals, relaxedEach);
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

  static void deleteQuietly(Path dir, PrintStream out) {
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
