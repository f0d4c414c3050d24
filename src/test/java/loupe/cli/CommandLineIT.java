package loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loupe.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The {@code loupe} commands run in-process, as a user runs them, with output captured. */
class CommandLineIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = LoupeCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private Path indexFixtures() {
    Path index = dir.resolve("index");
    Run r = run("index", "--index", index.toString(), Fixtures.copy(Fixtures.ARTICLES, dir).toString());
    assertEquals(0, r.status(), r.err());
    return index;
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "index", "serve", "search", "entities"})
  void everyCommandPrintsHelp(String command) {
    Run r = run(command, "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("Usage: loupe " + command), r.out());
  }

  @Test
  void indexPrintsASummaryAndExitsZero() {
    Path index = dir.resolve("index");
    Run r = run("index", "--index", index.toString(), Fixtures.copy(Fixtures.ARTICLES, dir).toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("indexed 8 articles"), r.out());
    assertTrue(r.out().contains("8 new, 0 updated"), r.out());
  }

  @Test
  void badLinesAreReportedWithFileAndLineAndExitOne() {
    Path bad = Fixtures.copy(Fixtures.BAD, dir);
    Run r = run("index", "--index", dir.resolve("index").toString(), bad.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains(bad + ":2: not valid JSON"), r.err());
    assertTrue(r.err().contains(bad + ":3: missing required field 'id'"), r.err());
    assertTrue(r.err().contains(bad + ":4: missing required field 'body'"), r.err());
    assertTrue(r.err().contains(bad + ":5: field 'id' must be a string"), r.err());
    assertTrue(r.err().contains("warning " + bad + ":6: field 'date' is not a date"), r.err());
    assertTrue(r.err().contains("indexed without a date"), r.err());
    assertTrue(r.out().contains("indexed 3 articles"), "the article with an unreadable date is kept: " + r.out());
    assertTrue(r.out().contains("ok-1"), "the repeated id is named: " + r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void foldersOfTextMarkdownAndHtmlAreIndexedWithPathIds() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("articles/sub"));
    Files.writeString(folder.resolve("a.txt"), "Titre en texte\nLe corps parle de la Russie.");
    Files.writeString(folder.resolve("b.md"), "# Titre en Markdown\n\nLe corps parle du Japon.");
    Files.writeString(folder.resolve("c.html"), "<html><head><title>Titre HTML</title><script>var x = 'piège';</script></head>"
        + "<body><nav>menu</nav><article><h1>Titre HTML</h1><p>Le corps parle de l'Italie.</p></article></body></html>");
    Files.writeString(folder.resolve("ignored.csv"), "a,b");
    Path index = dir.resolve("index");
    Run r = run("index", "--index", index.toString(), dir.resolve("articles").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("indexed 3 articles"), r.out());

    Run search = run("search", "--index", index.toString(), "--json", "Italie");
    JsonNode hit = parse(search.out()).get("hits").get(0);
    assertEquals("sub/c.html", hit.get("id").asText());
    assertEquals("Titre HTML", hit.get("title").asText());
    assertEquals(0, parse(run("search", "--index", index.toString(), "--json", "piège").out()).get("total").asInt(),
        "script text is not indexed");
  }

  @Test
  void searchPrintsHitsAndJson() throws Exception {
    Path index = indexFixtures();
    Run text = run("search", "--index", index.toString(), "Poutine");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("fx-1"), text.out());

    Run json = run("search", "--index", index.toString(), "--country", "Russie", "--json", "Poutine");
    JsonNode body = parse(json.out());
    assertTrue(body.get("total").asInt() >= 1);
    body.get("hits").forEach(h -> assertTrue(h.get("countries").toString().contains("Russie")));
  }

  @Test
  void searchBadRequestExitsTwoWithAMessage() {
    Path index = indexFixtures();
    Run r = run("search", "--index", index.toString(), "--sort", "popularity", "Poutine");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("sort"), r.err());
  }

  @Test
  void searchOnAMissingIndexSaysHowToCreateOne() {
    Run r = run("search", "--index", dir.resolve("nothing").toString(), "Poutine");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("loupe index"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void batchQueriesWriteOneLinePerQueryInRankOrder() throws Exception {
    Path index = indexFixtures();
    Path queries = dir.resolve("queries.jsonl");
    Files.writeString(queries, "{\"qid\": \"q1\", \"query\": \"Poutine\"}\n{\"qid\": \"q2\", \"query\": \"électricité\"}\n");
    Run r = run("search", "--index", index.toString(), "--queries", queries.toString(), "--limit", "3");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size());
    JsonNode q1 = parse(lines.get(0));
    assertEquals("q1", q1.get("qid").asText());
    JsonNode hits = q1.get("hits");
    assertTrue(hits.size() >= 2 && hits.size() <= 3);
    assertTrue(hits.get(0).get("score").asDouble() >= hits.get(1).get("score").asDouble());
  }

  @Test
  void entitiesWritesTheContractLinePerArticle() throws Exception {
    Run r = run("entities", Fixtures.copy(Fixtures.ARTICLES, dir).toString());
    assertEquals(0, r.status(), r.err());
    JsonNode first = parse(r.out().lines().findFirst().orElseThrow());
    assertEquals("fx-1", first.get("id").asText());
    assertTrue(first.get("persons").toString().contains("Vladimir Poutine"), first.toString());
    assertTrue(first.get("countries").toString().contains("Corée du Nord"), first.toString());
  }

  @Test
  void aUserLexiconAddsPersonsAndCountriesAtIndexTime() throws Exception {
    Path lexicon = Files.writeString(dir.resolve("lexicon.tsv"),
        "person\tAlix Testeur\tTesteur\ncountry\tListenbourg\tXL\ncountry\tlistenbourgeois\tXL\tdemonym\n");
    Path articles = Files.writeString(dir.resolve("a.jsonl"),
        "{\"id\": \"x\", \"body\": \"Testeur a rencontré hier le gouvernement listenbourgeois.\"}\n");
    Path index = dir.resolve("index");
    Run r = run("index", "--index", index.toString(), "--lexicon", lexicon.toString(), articles.toString());
    assertEquals(0, r.status(), r.err());
    JsonNode hit = parse(run("search", "--index", index.toString(), "--json", "Testeur").out()).get("hits").get(0);
    assertEquals("[\"Alix Testeur\"]", hit.get("persons").toString());
    assertEquals("[\"Listenbourg\"]", hit.get("countries").toString());
  }

  @Test
  void secondWriterIsToldTheIndexIsLocked() throws Exception {
    Path index = indexFixtures();
    try (loupe.Loupe holder = loupe.Loupe.open(index)) {
      assertTrue(holder.writable(), "this process holds the write lock");
      Run r = run("index", "--index", index.toString(), Fixtures.copy(Fixtures.ARTICLES, dir).toString());
      assertEquals(1, r.status());
      assertTrue(r.err().contains("write.lock"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
  }

  private static JsonNode parse(String s) throws Exception {
    return JSON.readTree(s);
  }
}
