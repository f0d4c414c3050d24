package loupe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-facing benchmarks (one-shot indexing in fresh JVMs, search over HTTP on both sides) run
 * end to end on a tiny corpus, with real child JVMs, a real wrk and real servers; no timing is asserted.
 */
class UserFacingBenchTest {

  @TempDir Path data;

  private void writeCorpus(int articles) throws Exception {
    Path news = Files.createDirectories(data.resolve("orangesum-news"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      lines.add(String.format(Locale.ROOT,
          "{\"id\":\"t-%d\",\"title\":\"Titre %d %s\",\"body\":\"Emmanuel Macron a reçu le président à Pékin. Article %d.\","
              + "\"date\":\"2020-01-%02d\",\"category\":\"c%d\"}",
          i, i, i % 2 == 0 ? "Macron" : "Russie", i, 1 + i % 28, i % 3));
    }
    Files.write(news.resolve("articles-00.jsonl"), lines, StandardCharsets.UTF_8);
    Path queries = Files.createDirectories(data.resolve("queries"));
    Files.write(queries.resolve("keyword-queries.jsonl"), List.of(
        "{\"qid\":\"kw-1\",\"query\":\"Macron\"}", "{\"qid\":\"kw-2\",\"query\":\"président Pékin\"}"), StandardCharsets.UTF_8);
  }

  @Test
  void coldIndexingRunsBothSidesInFreshJvmsBeforeTheWarmFigure() throws Exception {
    writeCorpus(40);
    String out = withoutLauncher(() -> {
      StringWriter text = new StringWriter();
      int code = IndexBench.run(new IndexBench.Options(data, 1, 1, 16, false, data.resolve("work"), 2, false), new PrintWriter(text));
      assertEquals(0, code, text.toString());
      return text.toString();
    });
    assertTrue(out.contains("cold run 2 plain Lucene") && out.contains("cold run 2 Loupe"), out);
    assertTrue(out.contains("one-shot wall s, best") && out.contains("one-shot wall s, median"), out);
    assertTrue(!out.contains("round 1 plain Lucene"), "--no-warm skips the warm rounds: " + out);
  }

  @Test
  void httpBenchDrivesBothServersWithWrkWithoutErrors() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed");
    writeCorpus(40);
    String out = withoutLauncher(() -> {
      StringWriter text = new StringWriter();
      int code = HttpBench.run(new HttpBench.Options(data, 0, 1, 4, 128, data.resolve("work"), "wrk"), new PrintWriter(text));
      assertEquals(0, code, text.toString());
      return text.toString();
    });
    assertTrue(out.matches("(?s).*search, 1 conn errors\\s+0\\s+0.*"), out);
    assertTrue(out.matches("(?s).*search, 4 conn errors\\s+0\\s+0.*"), out);
    assertTrue(out.contains("floor, 1 conn p99 ms") && out.contains("KB allocated per search") && out.contains("server CPU ms per search"), out);
  }

  @Test
  void httpBenchRunsWithTheOpenLoopGeneratorWhereWrkIsAbsent() throws Exception {
    writeCorpus(40);
    String out = withoutLauncher(() -> {
      StringWriter text = new StringWriter();
      int code = HttpBench.run(new HttpBench.Options(data, 1, 1, 2, 128, data.resolve("work"), "java"), new PrintWriter(text));
      assertEquals(0, code, text.toString());
      return text.toString();
    });
    assertTrue(out.contains("open-loop Java generator") && out.contains("open loop at"), out);
    assertTrue(out.matches("(?s).*search, 2 conn errors\\s+0\\s+0.*"), out);
    assertTrue(out.contains("search, 2 conn capacity q/s (closed loop)"), out);
    // Each slice of the warm-up is shown, both servers side by side, so a reader sees when they stop speeding up.
    assertTrue(out.matches("(?s).*warm-up 0-1 s at 2 connections: plain \\d+ q/s, Loupe \\d+ q/s.*"), out);
  }

  /**
   * Runs a bench with loupe.home on the data folder, which has no launcher: Loupe's children then
   * start the CLI class on the test classpath instead of a launcher that might rebuild the jar.
   */
  private String withoutLauncher(Callable<String> bench) throws Exception {
    String home = System.getProperty("loupe.home");
    System.setProperty("loupe.home", data.toString());
    try {
      return bench.call();
    } finally {
      if (home == null) {
        System.clearProperty("loupe.home");
      } else {
        System.setProperty("loupe.home", home);
      }
    }
  }

  @Test
  void readsWrksResultLineAndTimesCpu() {
    Wrk.Result r = Wrk.parse("WRK requests=1500 duration_us=3000000 socket_errors=1 status_errors=2 p50=1250 p90=2000 p99=9500 max=20000");
    assertEquals(500.0, r.qps(), 1e-9);
    assertEquals(3, r.errors());
    assertEquals(1.25, r.p50(), 1e-9);
    assertEquals(9.5, r.p99(), 1e-9);
    assertEquals(20.0, r.max(), 1e-9);
    assertEquals(12.5, ColdIndexBench.cpuSeconds("CPU 11.25 1.25"), 1e-9);
    assertTrue(Double.isNaN(ColdIndexBench.cpuSeconds("indexed 40")));
  }

  @Test
  void aStartUpCacheOlderThanItsJarIsNotCountedAsPresent(@TempDir Path target) throws Exception {
    Path jar = Files.writeString(target.resolve("loupe-1.0-all.jar"), "jar");
    Path cache = Files.writeString(target.resolve("loupe-1.0-all-serve.aot"), "cache");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
    Files.setLastModifiedTime(cache, FileTime.fromMillis(1_000_000));
    // The launcher deletes such a cache and the next serve runs in training mode: measuring it
    // would measure the recording, so the bench must record first.
    assertFalse(ColdIndexBench.startupCacheExists(target, "serve"));
    Files.setLastModifiedTime(cache, FileTime.fromMillis(3_000_000));
    assertTrue(ColdIndexBench.startupCacheExists(target, "serve"));
    assertFalse(ColdIndexBench.startupCacheExists(target, "index"));
  }
}
