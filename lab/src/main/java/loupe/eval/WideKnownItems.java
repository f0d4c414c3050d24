package loupe.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loupe.ingest.JsonLines;

/**
 * The wider OrangeSum known-item set of {@code loupe eval search}: the summaries of a fixed
 * sixteenth of the articles, so the method is checked on many more queries than the 100 of the
 * dev file, none of which was looked at while tuning.
 *
 * <p>An article's summary is a query, and the article its only relevant one, when: the article's
 * bucket {@code floorMod(id.hashCode() * 31 + 7, 16)} is 0 (Java's {@link String#hashCode}, so
 * the selection is the same on every machine); the summary has at least {@value #MIN_CHARS}
 * characters once stripped (shorter ones are site rubrics such as « VIDÉO »); no other article has
 * the same summary (it would be as right an answer); and the article is not a dev query's. The
 * summary is never indexed: Loupe, like the baseline, indexes title and body only.
 */
final class WideKnownItems {

  /** Summaries shorter than this are rubrics or empty (about a fifth of the corpus). */
  static final int MIN_CHARS = 40;

  private static final int BUCKETS = 16;

  private WideKnownItems() {}

  /** One query: the article's id (also the query id) and its summary. */
  record KnownItem(String id, String summary) {}

  /** Reads the articles in {@code files} and returns the selected summaries, in file order. */
  static List<KnownItem> select(List<Path> files, Set<String> devArticles) throws IOException {
    return select(files, devArticles, WideKnownItems::inSample);
  }

  /** The same selection over the articles that {@code bucket} accepts (validation, training). */
  static List<KnownItem> select(List<Path> files, Set<String> devArticles, java.util.function.Predicate<String> bucket)
      throws IOException {
    List<KnownItem> candidates = new ArrayList<>();
    Map<String, Integer> summaryCounts = new HashMap<>();
    for (Path file : files) {
      JsonLines.forEach(file, node -> {
        String summary = node.path("summary").asText("").strip();
        if (summary.length() < MIN_CHARS) {
          return;
        }
        summaryCounts.merge(summary, 1, Integer::sum);
        String id = node.path("id").asText("");
        if (bucket.test(id) && !devArticles.contains(id)) {
          candidates.add(new KnownItem(id, summary));
        }
      });
    }
    return candidates.stream().filter(item -> summaryCounts.get(item.summary()) == 1).toList();
  }

  /** Whether the article falls in the sampled bucket: about one article in sixteen. */
  static boolean inSample(String id) {
    return bucket(id) == 0;
  }

  /** The article's bucket, 0 to 15 (see {@link ValidationSplit} for the others' use). */
  static int bucket(String id) {
    return Math.floorMod(id.hashCode() * 31 + 7, BUCKETS);
  }
}
