package loupe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messy real-world input: good records are indexed, each bad one is reported, the index stays consistent. */
class BadInputIT {

  @TempDir Path dir;

  private IngestReport index(Path... paths) throws IOException {
    try (Loupe loupe = Loupe.open(dir.resolve("index"))) {
      return loupe.indexFiles(List.of(paths), IndexingProgress.NONE);
    }
  }

  private long count() throws IOException {
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      return loupe.count();
    }
  }

  private static boolean rejects(IngestReport report, long line, String reason) {
    return report.rejections().stream().anyMatch(r -> r.line() == line && r.reason().contains(reason));
  }

  @Test
  void invalidUtf8AndNulBytesAreHandledPerLine() throws IOException {
    Path file = dir.resolve("bytes.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("{\"id\": \"a\", \"body\": \"premier\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
      out.write("{\"id\": \"nul\", \"body\": \"avec\\u0000nul\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    IngestReport report = index(file);
    assertEquals(2, report.indexed());
    assertTrue(rejects(report, 2, "not valid UTF-8"), report.rejections().toString());
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      assertEquals("avecnul", loupe.find("nul").orElseThrow().article().body());
    }
  }

  @Test
  void emptyAndBlankIdsAndBodiesAreRejected() throws IOException {
    Path file = dir.resolve("empty-fields.jsonl");
    Files.writeString(file, """
        {"id": "", "body": "x"}
        {"id": "   ", "body": "x"}
        {"id": "b", "body": ""}
        {"id": "c", "body": 42}
        {"id": "d", "body": "ok", "date": 20240101}
        [1, 2]
        {"id": "e", "body": "bon", "date": "2024-06-19T08:00:00+02:00"}
        """);
    IngestReport report = index(file);
    assertEquals(2, report.indexed(), "a date that cannot be read drops only the date");
    assertEquals(5, report.rejected());
    assertTrue(rejects(report, 1, "'id' is empty"));
    assertTrue(rejects(report, 3, "'body'"));
    assertTrue(rejects(report, 4, "'body' must be a string"));
    assertEquals(5, report.warnings().get(0).line());
    assertTrue(report.warnings().get(0).reason().contains("'date' must be an ISO-8601 string"), report.warnings().toString());
    assertTrue(rejects(report, 6, "expected a JSON object"));
  }

  @Test
  void duplicateIdsInOneFileKeepTheLastAndAreReported() throws IOException {
    Path file = dir.resolve("dups.jsonl");
    Files.writeString(file, """
        {"id": "x", "body": "version un"}
        {"id": "x", "body": "version deux"}
        {"id": "x", "body": "version trois"}
        """);
    IngestReport report = index(file);
    assertEquals(1, report.indexed());
    assertEquals(2, report.duplicates());
    assertEquals(List.of("x"), report.duplicateIds());
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      assertEquals("version trois", loupe.find("x").orElseThrow().article().body());
    }
  }

  @Test
  void aLongFileKeepsItsLastVersionsAndReportsBadLinesAcrossWriterTasks() throws IOException {
    // Several writer tasks' worth of articles: an id repeated far apart, bad lines in between.
    StringBuilder lines = new StringBuilder();
    int articles = 5 * 64 + 7;
    for (int i = 1; i <= articles; i++) {
      String id = i == articles ? "a3" : "a" + i;
      String body = i == 100 || i == 250 ? "" : "version " + i + " de l'article " + id;
      lines.append("{\"id\": \"").append(id).append("\", \"body\": \"").append(body).append("\"}\n");
    }
    Path file = Files.writeString(dir.resolve("long.jsonl"), lines);
    IngestReport report = index(file);
    assertEquals(articles - 1 - 2, report.indexed(), report.rejections().toString());
    assertEquals(List.of("a3"), report.duplicateIds());
    assertTrue(rejects(report, 100, "'body'") && rejects(report, 250, "'body'"), report.rejections().toString());
    assertEquals(articles - 1 - 2, count());
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      assertEquals("version " + articles + " de l'article a3", loupe.find("a3").orElseThrow().article().body());
      assertTrue(loupe.find("a" + (articles - 1)).isPresent());
    }
  }

  @Test
  void tenMegabyteBodyIsIndexedAndSearchable() throws IOException {
    Path file = dir.resolve("big.jsonl");
    String body = "Le climat change. ".repeat(600_000) + "Mot final introuvable ailleurs.";
    Files.writeString(file, "{\"id\": \"big\", \"body\": \"" + body + "\"}\n");
    IngestReport report = index(file);
    assertEquals(1, report.indexed(), report.rejections().toString());
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      assertEquals(1, loupe.search(SearchRequest.of("climat")).total());
    }
  }

  @Test
  void emptyFilesAreReportedNotFatal() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("empty.jsonl"), "");
    Path json = Files.writeString(dir.resolve("empty.json"), "");
    Path txt = Files.writeString(dir.resolve("empty.txt"), "   \n");
    IngestReport report = index(jsonl, json, txt);
    assertEquals(0, report.indexed());
    assertEquals(2, report.rejected(), report.rejections().toString());
  }

  @Test
  void jsonArraysAndSingleObjectsAreRead() throws IOException {
    Path array = Files.writeString(dir.resolve("many.json"),
        "[{\"id\": \"j1\", \"body\": \"un\"},\n {\"id\": \"j2\"},\n {\"id\": \"j3\", \"body\": \"trois\"}]");
    Path single = Files.writeString(dir.resolve("one.json"), "{\"title\": \"Sans id\", \"body\": \"Le chemin sert d’id.\"}");
    IngestReport report = index(array, single);
    assertEquals(3, report.indexed(), report.rejections().toString());
    assertTrue(rejects(report, 2, "'body'"), report.rejections().toString());
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      assertTrue(loupe.find("one.json").isPresent());
    }
  }

  @Test
  void symlinkLoopsAreSkippedWithAReason() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("tree/sub"));
    Files.writeString(folder.resolve("good.txt"), "Titre\nUn texte lisible.");
    Files.createSymbolicLink(folder.resolve("loop"), dir.resolve("tree"));
    IngestReport report = index(dir.resolve("tree"));
    assertEquals(1, report.indexed(), report.toString());
    assertTrue(report.rejections().stream().anyMatch(r -> r.reason().contains("loop")), report.rejections().toString());
  }

  @Test
  void htmlScriptsAndBrokenTagsNeverReachTheIndex() throws IOException {
    Path page = Files.writeString(dir.resolve("page.html"), """
        <html><head><title>Page cassée</title><style>.x{}</style></head>
        <body><script>alert('piège')</script><article><p>Le texte <b>utile <i>sur la Grèce</p>
        <p onclick="evil()">Deuxième paragraphe</article><footer>pied de page</footer>""");
    IngestReport report = index(page);
    assertEquals(1, report.indexed());
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      String body = loupe.find("page.html").orElseThrow().article().body();
      assertTrue(body.contains("utile sur la Grèce"), body);
      assertTrue(!body.contains("alert") && !body.contains("pied de page") && !body.contains("<"), body);
    }
  }

  @Test
  void nonFrenchTextIsIndexedAndFoundAsWritten() throws IOException {
    Path file = Files.writeString(dir.resolve("world.jsonl"), """
        {"id": "en", "title": "Elections in the United Kingdom", "body": "Voters went to the polls on Thursday."}
        {"id": "zh", "title": "北京新闻", "body": "今天北京天气很好。"}
        {"id": "ru", "title": "Новости", "body": "Москва и Киев ведут переговоры."}
        """);
    IngestReport report = index(file);
    assertEquals(3, report.indexed(), report.rejections().toString());
    try (Loupe loupe = Loupe.openReadOnly(dir.resolve("index"))) {
      assertEquals(List.of("en"), loupe.search(SearchRequest.of("voters")).hits().stream().map(h -> h.id()).toList());
      assertEquals(List.of("ru"), loupe.search(SearchRequest.of("Москва")).hits().stream().map(h -> h.id()).toList());
      assertEquals(1, loupe.search(SearchRequest.of("北京")).total());
    }
  }

  @Test
  void aFileLargerThanTheHeapIsIndexedInBoundedMemory() throws Exception {
    Path file = dir.resolve("larger-than-heap.jsonl");
    String filler = " Le gouvernement a présenté un plan pour l’énergie, le climat et l’industrie.".repeat(12);
    try (var w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < 110_000; i++) {
        w.write("{\"id\": \"h" + i + "\", \"body\": \"Article " + i + "." + filler + "\"}\n");
      }
    }
    assertTrue(Files.size(file) > 100L * 1024 * 1024, "the input is larger than the child's 96 MB heap");
    String javaBinary = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(javaBinary, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
        "loupe.cli.LoupeCommand", "index", "--index", dir.resolve("index").toString(), file.toString())
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.waitFor(), output);
    assertEquals(110_000, count(), output);
  }

  @Test
  void aLargeFileIsStreamedNotLoaded() throws IOException {
    Path file = dir.resolve("many.jsonl");
    try (var w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < 20_000; i++) {
        w.write("{\"id\": \"m" + i + "\", \"body\": \"Article numéro " + i + " sur l’économie.\"}\n");
      }
    }
    IngestReport report = index(file);
    assertEquals(20_000, report.indexed());
    assertEquals(20_000, count());
  }
}
