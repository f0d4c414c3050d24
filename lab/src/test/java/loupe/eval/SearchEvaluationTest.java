package loupe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loupe.cli.LoupeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eval search} without the labelled data, and its SolrCloud options. */
class SearchEvaluationTest {

  @TempDir Path dir;

  @Test
  void withoutTheDataEverySetIsSkippedWithTheFileItLacks() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path perQuery = dir.resolve("per-query.tsv");
    int status = SearchEvaluation.run(dir.resolve("absent"), List.of(), perQuery, null,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, out);
    assertTrue(out.contains("PIAF: skipped: ") && out.contains("docs.jsonl not found"), out);
    assertTrue(out.contains("OrangeSum known-item: skipped: "), out);
    assertEquals(List.of("set\tqid\tbaseline_rank\tedismax_rank\tloupe_rank\tloupe_total\trelaxed\tsolr_rank\tquery"),
        Files.readAllLines(perQuery));
  }

  @Test
  void solrWithoutACollectionIsAUsageError() {
    CommandLine cli = LoupeCommand.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("eval", "search", "--data", dir.toString(), "--solr", "127.0.0.1:2181"));
    assertTrue(err.toString().contains("--solr and --collection go together"), err.toString());
  }
}
