package loupe.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.index.Fields;
import loupe.ingest.JsonLines;
import loupe.rank.LinearModel;
import loupe.rank.RankFeatures;
import loupe.search.InvalidRequestException;
import loupe.search.lucene.query.UserQueryParser;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code loupe eval train-ranker}: learns the weights of {@link RankFeatures} (issue 20) on the
 * training queries of {@link ValidationSplit} — PIAF's dev part and OrangeSum summaries of buckets
 * 2–15 as known-item queries — and prints MRR@10 on the training and dev sets; validation figures
 * only with {@code --validation}, once a model is chosen, since no choice may be made on them.
 *
 * <p>The method is coordinate ascent on MRR@10 (as RankLib's, for linear models), weights kept
 * non-negative so a recency multiplier keeps its meaning, the first stage's weight fixed at 1 (the
 * scale is free). The objective is the mean over the two corpora of the MRR@10 ratio to the first
 * stage, so the 3,000 summaries do not drown PIAF's questions.
 */
public final class RankerTraining {

  private static final int WINDOW = loupe.rank.Reranker.WINDOW;

  /** Candidate values of each weight during the ascent. */
  private static final float[] GRID = {0f, 0.02f, 0.05f, 0.1f, 0.15f, 0.2f, 0.3f, 0.4f, 0.5f, 0.7f, 1f, 1.5f, 2f, 3f};

  private RankerTraining() {}

  /** One query's window: its features and where its relevant article is (-1: not in the window). */
  record Example(float[][] rows, int relevant) {}

  /**
   * @param work a folder kept between runs for the two indexes (built when absent)
   * @param features the features the model may use (the others weigh 0); empty for all
   */
  public static int run(Path data, Path work, Path out, int trainSummaries, boolean validation,
      List<String> features, PrintStream log) throws IOException {
    Path piafDir = data.resolve("piaf-retrieval");
    Path osDir = data.resolve("orangesum-news");
    List<Path> articles = SearchEvaluation.orangeSumFiles(osDir);
    if (!Files.isRegularFile(piafDir.resolve("queries-dev.jsonl")) || articles.isEmpty()) {
      log.println("train-ranker: skipped: PIAF or OrangeSum data not found under " + data);
      return 0;
    }
    Path piafIndex = index(work.resolve("piaf"), List.of(piafDir.resolve("docs.jsonl")), log);
    Path osIndex = index(work.resolve("orangesum"), articles, log);

    List<Labelled> piaf = piafQueries(piafDir.resolve("queries-dev.jsonl"));
    Set<String> devArticles = new LinkedHashSet<>();
    List<Labelled> osDev = readQueries(osDir.resolve("known-item-queries-dev.jsonl"));
    osDev.forEach(q -> devArticles.add(q.relevant()));
    List<Labelled> osTrain = sample(summaries(articles, devArticles, ValidationSplit::orangeSumTraining), trainSummaries);
    List<Labelled> osWide = summaries(articles, devArticles, WideKnownItems::inSample);

    List<Labelled> piafDev = piaf.stream().filter(q -> !ValidationSplit.piafValidation(q.relevant())).toList();
    List<Labelled> piafVal = piaf.stream().filter(q -> ValidationSplit.piafValidation(q.relevant())).toList();
    long started = System.nanoTime();
    List<Example> piafTrainEx;
    List<Example> piafValEx = List.of();
    List<Example> osTrainEx;
    List<Example> osDevEx;
    List<Example> osWideEx;
    List<Example> osValEx = List.of();
    try (Windows p = new Windows(piafIndex)) {
      piafTrainEx = p.examples(piafDev);
      if (validation) {
        piafValEx = p.examples(piafVal);
      }
    }
    try (Windows o = new Windows(osIndex)) {
      osTrainEx = o.examples(osTrain);
      osDevEx = o.examples(osDev);
      osWideEx = o.examples(osWide);
      if (validation) {
        osValEx = o.examples(summaries(articles, devArticles, ValidationSplit::orangeSumValidation));
      }
    }
    log.printf(Locale.ROOT, "features of %d windows computed (%.0f s)%n",
        piafTrainEx.size() + piafValEx.size() + osTrainEx.size() + osDevEx.size() + osWideEx.size() + osValEx.size(),
        (System.nanoTime() - started) / 1e9);

    // Each group of signals alone beside the first stage, then all of them: the decision log's rows.
    Map<String, List<String>> ablations = new java.util.LinkedHashMap<>();
    ablations.put("structure (title, lead, cover)",
        List.of("titleBm25", "bodyBm25", "titleCover", "leadCover", "cover"));
    ablations.put("entities", List.of("entityMatch", "entityFocus"));
    ablations.put("dates named", List.of("weekdayMatch", "dayMatch"));
    ablations.put("chosen", features.isEmpty() ? RankFeatures.NAMES.subList(1, RankFeatures.NAMES.size()) : features);
    float[] w = null;
    for (Map.Entry<String, List<String>> ablation : ablations.entrySet()) {
      boolean[] free = new boolean[RankFeatures.NAMES.size()];
      for (int f = 1; f < free.length; f++) {
        free[f] = ablation.getValue().contains(RankFeatures.NAMES.get(f));
      }
      log.println();
      log.println("== first stage + " + ablation.getKey());
      w = fit(List.of(piafTrainEx, osTrainEx), free, log);
      log.println("weights: " + weights(w));
      report("PIAF dev (training)", piafTrainEx, w, log);
      report("OrangeSum training summaries", osTrainEx, w, log);
      report("OrangeSum dev", osDevEx, w, log);
      report("OrangeSum wide", osWideEx, w, log);
      if (validation) {
        report("[validation] PIAF", piafValEx, w, log);
        report("[validation] OrangeSum", osValEx, w, log);
      }
    }
    LinearModel model = new LinearModel("loupe-linear", w);
    if (out != null) {
      Files.writeString(out, model.toJson());
      log.println("model written to " + out);
    }
    return 0;
  }

  private static String weights(float[] w) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      s.append(String.format(Locale.ROOT, "%s=%.2f ", RankFeatures.NAMES.get(i), w[i]));
    }
    return s.toString().strip();
  }

  private static void report(String name, List<Example> examples, float[] w, PrintStream log) {
    float[] first = new float[w.length];
    first[0] = 1;
    double base = mrr(examples, first);
    double model = mrr(examples, w);
    log.printf(Locale.ROOT, "  %-32s %5d queries  MRR@10 first stage %.4f, model %.4f (%.3f×)%n", name,
        examples.size(), base, model, base == 0 ? Double.NaN : model / base);
  }

  /** Coordinate ascent from the first stage alone; a few rounds settle it on 8 features. */
  static float[] fit(List<List<Example>> corpora, boolean[] free, PrintStream log) {
    float[] w = new float[RankFeatures.NAMES.size()];
    w[0] = 1;
    double[] base = new double[corpora.size()];
    for (int c = 0; c < base.length; c++) {
      base[c] = mrr(corpora.get(c), w);
    }
    double best = objective(corpora, base, w);
    for (int round = 0; round < 4; round++) {
      boolean moved = false;
      for (int f = 1; f < w.length; f++) {
        if (!free[f]) {
          continue;
        }
        float keep = w[f];
        float chosen = keep;
        for (float v : GRID) {
          w[f] = v;
          double value = objective(corpora, base, w);
          if (value > best + 1e-6) {
            best = value;
            chosen = v;
          }
        }
        w[f] = chosen;
        moved |= chosen != keep;
      }
      log.printf(Locale.ROOT, "  round %d: objective %.4f, %s%n", round + 1, best, weights(w));
      if (!moved) {
        break;
      }
    }
    return w;
  }

  private static double objective(List<List<Example>> corpora, double[] base, float[] w) {
    double sum = 0;
    for (int c = 0; c < corpora.size(); c++) {
      sum += mrr(corpora.get(c), w) / base[c];
    }
    return sum / corpora.size();
  }

  static double mrr(List<Example> examples, float[] w) {
    double sum = 0;
    for (Example e : examples) {
      if (e.relevant() < 0) {
        continue;
      }
      float target = score(e.rows()[e.relevant()], w);
      int rank = 1;
      for (int i = 0; i < e.rows().length && rank <= 10; i++) {
        float s = score(e.rows()[i], w);
        // Ties keep the first stage's order, as the reranker's stable sort does.
        if (s > target || (s == target && i < e.relevant())) {
          rank++;
        }
      }
      sum += rank <= 10 ? 1.0 / rank : 0;
    }
    return examples.isEmpty() ? 0 : sum / examples.size();
  }

  private static float score(float[] row, float[] w) {
    float s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * row[i];
    }
    return s;
  }

  /** A query and its one relevant article (both sets have one per query). */
  record Labelled(String text, String relevant) {}

  private static List<Labelled> piafQueries(Path file) throws IOException {
    return readQueries(file);
  }

  private static List<Labelled> readQueries(Path file) throws IOException {
    List<Labelled> queries = new ArrayList<>();
    JsonLines.forEach(file, node -> queries.add(
        new Labelled(node.path("query").asText(""), node.path("relevant_ids").path(0).asText(""))));
    return queries;
  }

  private static List<Labelled> summaries(List<Path> articles, Set<String> dev,
      java.util.function.Predicate<String> bucket) throws IOException {
    return WideKnownItems.select(articles, dev, bucket).stream()
        .map(k -> new Labelled(k.summary(), k.id())).toList();
  }

  /** Every k-th query, so the sample spreads over the years the shards are sorted by. */
  private static List<Labelled> sample(List<Labelled> all, int size) {
    if (all.size() <= size) {
      return all;
    }
    List<Labelled> out = new ArrayList<>();
    double step = (double) all.size() / size;
    for (int i = 0; i < size; i++) {
      out.add(all.get((int) (i * step)));
    }
    return out;
  }

  private static Path index(Path dir, List<Path> files, PrintStream log) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    long started = System.nanoTime();
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.indexFiles(files, IndexingProgress.NONE);
    }
    log.printf(Locale.ROOT, "indexed %s (%.0f s)%n", dir, (System.nanoTime() - started) / 1e9);
    return dir;
  }

  /**
   * The first stage as users get it, without facets: the parser's strict query, its relaxed form when
   * the strict one finds nothing; then the features of the best {@link #WINDOW}.
   */
  private static final class Windows implements AutoCloseable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final UserQueryParser parser =
        new UserQueryParser(new FrenchNewsAnalyzer(), Map.of(Fields.TITLE, 1f, Fields.BODY, 1f), Fields.BODY);

    Windows(Path index) throws IOException {
      directory = FSDirectory.open(index);
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    }

    List<Example> examples(List<Labelled> queries) throws IOException {
      List<Example> out = new ArrayList<>();
      var ids = searcher.storedFields();
      for (Labelled q : queries) {
        UserQueryParser.Parsed parsed;
        try {
          parsed = parser.parse(q.text());
        } catch (InvalidRequestException e) {
          out.add(new Example(new float[0][], -1));
          continue;
        }
        if (parsed.matchAll()) {
          out.add(new Example(new float[0][], -1));
          continue;
        }
        Query query = parsed.strict();
        TopDocs top = searcher.search(query, WINDOW);
        if (top.scoreDocs.length == 0 && parsed.canRelax()) {
          query = parsed.relaxed();
          top = searcher.search(query, WINDOW);
        }
        ScoreDoc[] window = top.scoreDocs;
        int relevant = -1;
        for (int i = 0; i < window.length; i++) {
          if (q.relevant().equals(ids.document(window[i].doc, Set.of(Fields.ID)).get(Fields.ID))) {
            relevant = i;
            break;
          }
        }
        out.add(new Example(RankFeatures.compute(searcher, query, q.text(), window), relevant));
      }
      return out;
    }

    @Override
    public void close() throws IOException {
      org.apache.lucene.util.IOUtils.close(reader, directory);
    }
  }
}
