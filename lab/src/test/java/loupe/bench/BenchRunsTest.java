package loupe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks run end to end on a tiny corpus and print sane tables; no timing is asserted. */
class BenchRunsTest {

  private static final String[] SENTENCES = {
    "Emmanuel Macron a reçu le président américain à l'Élysée.",
    "La Russie et la Chine ont signé un accord commercial à Pékin.",
    "Le Premier ministre Jean Castex annonce de nouvelles mesures sanitaires.",
    "Les Bleus ont battu l'Allemagne lors d'un match amical.",
    "Des inondations ont touché le sud-ouest de la France cette semaine.",
  };

  @TempDir Path data;

  private void writeCorpus(int articles) throws Exception {
    Path news = Files.createDirectories(data.resolve("orangesum-news"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      String body = SENTENCES[i % 5] + " " + SENTENCES[(i + 2) % 5] + " Article numéro " + i + ".";
      lines.add(String.format(Locale.ROOT,
          "{\"id\":\"t-%d\",\"title\":\"Titre %d %s\",\"body\":\"%s\",\"date\":\"2020-01-%02d\",\"category\":\"c%d\",\"summary\":\"ignored\"}",
          i, i, i % 2 == 0 ? "Macron" : "Russie", body, 1 + i % 28, i % 3));
    }
    Files.write(news.resolve("articles-00.jsonl"), lines, StandardCharsets.UTF_8);
    Path queries = Files.createDirectories(data.resolve("queries"));
    Files.write(queries.resolve("keyword-queries.jsonl"), List.of(
        "{\"qid\":\"kw-1-single\",\"query\":\"Macron\"}",
        "{\"qid\":\"kw-2-ngram\",\"query\":\"accord commercial\"}",
        "{\"qid\":\"kw-3-phrase\",\"query\":\"\\\"Jean Castex\\\"\"}"), StandardCharsets.UTF_8);
  }

  @Test
  void skipsWithAMessageWhenTheDataIsAbsent() throws Exception {
    StringWriter text = new StringWriter();
    int code = IndexBench.run(new IndexBench.Options(data.resolve("nowhere"), 1, 1, 16, false, null, 0, true), new PrintWriter(text));
    assertEquals(0, code);
    assertTrue(text.toString().startsWith("skipped: "), text.toString());
    assertTrue(text.toString().contains("not found"), text.toString());
  }

  @Test
  void indexBenchPrintsBothSidesTheirRatioAndTheCommand() throws Exception {
    writeCorpus(60);
    StringWriter text = new StringWriter();
    int code = IndexBench.run(new IndexBench.Options(data, 2, 1, 16, true, data.resolve("work"), 0, true), new PrintWriter(text));
    String out = text.toString();
    assertEquals(0, code, out);
    assertTrue(out.contains("plain Lucene") && out.contains("Loupe") && out.contains("ratio"), out);
    assertTrue(out.contains("60 articles in"), out);
    assertTrue(out.contains("articles/s") && out.contains("stage entities s"), out);
    assertTrue(out.contains("reproduce: ./loupe bench index --data " + data), out);
  }

  @Test
  void queryBenchAnswersEveryRequestWithoutErrors() throws Exception {
    writeCorpus(60);
    StringWriter text = new StringWriter();
    int code = QueryBench.run(new QueryBench.Options(data, 1, 2, 1, 4, 40, 60, List.of(), false, data.resolve("work")),
        new PrintWriter(text));
    String out = text.toString();
    assertEquals(0, code, out);
    assertTrue(out.contains("1 thread p50 ms") && out.contains("4 clients qps"), out);
    assertTrue(out.matches("(?s).*warm-up: [12] passes each.*"), out);
    assertTrue(out.matches("(?s).*4 clients errors\\s+0\\s+0.*"), out);
    assertTrue(out.contains("reproduce: ./loupe bench query"), out);
    // Issue 18: the as-you-type path, measured beside the whole query as a ratio.
    assertTrue(out.contains("typing: the same 3 queries as typed so far") && out.contains("typed, prefix"), out);
    assertTrue(out.matches("(?s).*typing:.*errors\\s+0\\s+0.*"), out);
    assertEquals("accord commer", HttpSearchClient.typedSoFar("accord commercial"));
    assertEquals("\"Jean Cast", HttpSearchClient.typedSoFar("\"Jean Castex\""));
    assertEquals("Macr", HttpSearchClient.typedSoFar("Macron"));
  }

  @Test
  void loadTestRunsOnTheDemoCorpusWithoutSharedDataAndCountsNoErrors() throws Exception {
    StringWriter text = new StringWriter();
    int code = LoadBench.run(new LoadBench.Options(data.resolve("nowhere"), 4, 2, 1), new PrintWriter(text));
    String out = text.toString();
    assertEquals(0, code, out);
    assertTrue(out.contains("built-in demo corpus"), out);
    assertTrue(out.contains("errors 0") && out.contains("p99"), out);
  }

  @Test
  void warmUpGoesOnUntilTheJitSettlesWithinItsLeastAndMostRounds() throws Exception {
    // A fake JIT clock: rounds of 20 ms in which the JIT compiles for 18, 12, 6, 4, then 0 ms.
    long[] compiling = {18, 12, 6, 4, 0, 0, 0};
    int[] round = {0};
    long[] compiledMs = {0};
    WarmUp.Round work = () -> {
      long until = System.nanoTime() + 20_000_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      compiledMs[0] += compiling[round[0]++];
    };
    WarmUp.Result settled = WarmUp.run(2, 7, work, () -> compiledMs[0]);
    assertEquals(5, settled.rounds());
    assertTrue(settled.settled());

    round[0] = 0;
    assertEquals(3, WarmUp.run(3, 7, () -> round[0]++, () -> 0).rounds(), "a quiet JIT stops at the least rounds");
    round[0] = 0;
    WarmUp.Result busy = WarmUp.run(1, 3, () -> round[0]++, () -> 1_000_000L * round[0]);
    assertEquals(3, busy.rounds(), "a JIT that never settles stops at the most rounds");
    assertTrue(!busy.settled());
    assertEquals(4, WarmUp.run(4, 9, () -> { }, null).rounds(), "without a JIT clock: the least rounds");
  }

  @Test
  void aWarmUpThatDidNotSettleSaysSo() {
    assertTrue(new WarmUp.Result(40, 90, 0.9, 0.12).describe()
        .endsWith("90% of the first pass's time and 12% of the last's, still over 5%: the figures include compilation"));
    assertTrue(new WarmUp.Result(14, 50, 0.9, 0.03).describe().endsWith("3% of the last's"));
    assertTrue(new WarmUp.Result(5, 20, Double.NaN, Double.NaN).describe().contains("does not report its JIT time"));
  }

  @Test
  void percentilesUseTheNearestRank() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1_000_000L;
    }
    Latencies l = Latencies.of(nanos, 0, 1.0);
    assertEquals(50.0, l.p50Ms(), 1e-9);
    assertEquals(99.0, l.p99Ms(), 1e-9);
    assertEquals(100.0, l.maxMs(), 1e-9);
    assertEquals(100.0, l.qps(), 1e-9);
  }

  @Test
  void theMedianOfTheRoundsLeavesOutTheWarmUpRound() {
    String note = IndexBench.roundRatiosNote(List.of(0.30, 0.62, 0.58, 0.70));
    assertTrue(note.endsWith("0.30 0.62 0.58 0.70; median of rounds 2+ 0.62"), note);
    assertTrue(IndexBench.roundRatiosNote(List.of(0.30, 0.60, 0.64)).endsWith("median of rounds 2+ 0.62"));
    assertTrue(IndexBench.roundRatiosNote(List.of(0.45)).endsWith("; median 0.45"));
  }
}
