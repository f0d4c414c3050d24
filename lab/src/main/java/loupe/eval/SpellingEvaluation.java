package loupe.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.index.Fields;
import loupe.ingest.JsonLines;
import loupe.search.Correction;
import loupe.search.SearchRequest;

/**
 * {@code loupe eval spelling}: how often « did you mean » gives a word back when a letter was
 * dropped from it, and how often it rewrites a word that was typed right, for words of titles,
 * of leads and of the rest of bodies. The spelling vocabulary reads titles and leads only (see
 * {@link Fields#SPELL}), so the three regions show what that choice costs.
 *
 * <p>The words come from the OrangeSum articles themselves: one article in {@value #SAMPLE}, chosen
 * by its id's hash so every machine draws the same, gives one word of {@value #MIN_LETTERS} letters
 * or more from each region.
 */
public final class SpellingEvaluation {

  /** One article in this many gives its words. */
  static final int SAMPLE = 40;
  /** Shorter words have too many neighbours one letter away to call a correction right or wrong. */
  static final int MIN_LETTERS = 7;

  private static final Pattern WORD = Pattern.compile("\\p{L}{" + MIN_LETTERS + ",}");

  private SpellingEvaluation() {}

  /** A word to misspell, and where in its article it was found. */
  record Probe(String region, String word) {}

  /**
   * Indexes the OrangeSum articles under {@code sharedData} into a temporary index and prints the
   * figures; skips with a message when they are absent.
   *
   * @return 0, or 1 when the evaluation failed
   */
  public static int run(Path sharedData, PrintStream out) {
    Path dir = sharedData.resolve("orangesum-news");
    List<Path> files = SearchEvaluation.orangeSumFiles(dir);
    if (files.isEmpty()) {
      out.println("Spelling: skipped: " + dir.resolve("articles-*.jsonl") + " not found");
      return 0;
    }
    Path temp = null;
    try {
      List<Probe> probes = new ArrayList<>();
      for (Path file : files) {
        JsonLines.forEach(file, node -> probes.addAll(
            probes(node.path("id").asText(""), node.path("title").asText(""), node.path("body").asText(""))));
      }
      temp = Files.createTempDirectory("loupe-eval-spelling-");
      try (Loupe loupe = Loupe.open(temp)) {
        long indexed = loupe.indexFiles(files, IndexingProgress.NONE).indexed();
        out.printf(Locale.ROOT, "Spelling: a letter dropped from the middle of %,d words of %d+ letters "
            + "(1 article in %d of %,d)%n", probes.size(), MIN_LETTERS, SAMPLE, indexed);
        print(measure(loupe, probes), out);
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println("Spelling: failed: " + e);
      return 1;
    } finally {
      SearchEvaluation.deleteQuietly(temp, out);
    }
  }

  /** The words an article gives, one per region, when it is in the sample; none otherwise. */
  static List<Probe> probes(String id, String title, String body) {
    if (Math.floorMod(id.hashCode() * 31 + 11, SAMPLE) != 0) {
      return List.of();
    }
    int lead = Math.min(body.length(), Fields.SPELLING_LEAD_CHARS);
    // « Deep » starts well after the lead, so no word of it is half in the lead.
    int deep = Math.min(body.length(), 2 * Fields.SPELLING_LEAD_CHARS);
    Map<String, String> regions = new LinkedHashMap<>();
    regions.put("title", title);
    regions.put("lead", body.substring(0, lead));
    regions.put("deep", body.substring(deep));
    List<Probe> probes = new ArrayList<>();
    regions.forEach((region, text) -> {
      List<String> words = new ArrayList<>();
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        words.add(m.group());
      }
      if (!words.isEmpty()) {
        probes.add(new Probe(region, words.get(Math.floorMod(id.hashCode(), words.size()))));
      }
    });
    return probes;
  }

  /** The word with its middle letter dropped: « présidentielle » → « présidetielle ». */
  static String typo(String word) {
    int middle = word.length() / 2;
    return word.substring(0, middle) + word.substring(middle + 1);
  }

  /** Per region: words, typos given back, correct words rewritten. */
  private record Tally(int words, int fixed, int rewritten) {}

  private static Map<String, Tally> measure(Loupe loupe, List<Probe> probes) throws IOException {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Probe probe : probes) {
      Correction ofTypo = correction(loupe, typo(probe.word()));
      boolean fixed = ofTypo != null && EntityEvaluation.fold(ofTypo.corrected()).equals(EntityEvaluation.fold(probe.word()));
      boolean rewritten = correction(loupe, probe.word()) != null;
      tallies.merge(probe.region(), new Tally(1, fixed ? 1 : 0, rewritten ? 1 : 0),
          (a, b) -> new Tally(a.words() + b.words(), a.fixed() + b.fixed(), a.rewritten() + b.rewritten()));
    }
    return tallies;
  }

  private static Correction correction(Loupe loupe, String query) throws IOException {
    return loupe.search(SearchRequest.builder().query(query).size(1).facetSize(0).snippets(false).build()).correction();
  }

  private static void print(Map<String, Tally> tallies, PrintStream out) {
    out.printf(Locale.ROOT, "  %-6s %7s %16s %24s%n", "region", "words", "typo given back", "correct word rewritten");
    tallies.forEach((region, t) -> out.printf(Locale.ROOT, "  %-6s %7d %16.3f %24.3f%n",
        region, t.words(), t.fixed() / (double) t.words(), t.rewritten() / (double) t.words()));
    out.printf(Locale.ROOT, "  (title: the title; lead: the body's first %d characters, which the spelling vocabulary "
        + "reads too; deep: the body after %d characters)%n", Fields.SPELLING_LEAD_CHARS, 2 * Fields.SPELLING_LEAD_CHARS);
  }
}
