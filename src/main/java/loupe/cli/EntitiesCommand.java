package loupe.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import loupe.entities.ArticleEntities;
import loupe.entities.EntityExtractor;
import loupe.entities.Extractors;
import loupe.ingest.Article;
import loupe.ingest.IngestListener;
import loupe.ingest.JsonLinesSource;
import loupe.ingest.Rejection;
import loupe.server.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe entities}: the entities Loupe would index, one JSON line per article. */
@Command(name = "entities", mixinStandardHelpOptions = true,
    description = {
      "Extract persons, countries and organisations from article JSONL (stdin when no file) and print one line per article:",
      "{\"id\", \"mentions\": [{\"type\", \"text\", \"start\", \"end\", \"canonical\", \"code\"}], \"persons\", \"countries\", \"organizations\"}"
    })
final class EntitiesCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE.jsonl", description = "Article JSONL; stdin when absent.")
  Path file;

  @Option(names = "--lexicon", paramLabel = "FILE", description = "A user lexicon adding persons, countries and aliases.")
  Path lexicon;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EntityExtractor extractor = lexicon == null ? Extractors.standard() : Extractors.withUserLexicon(lexicon);
    int[] rejected = {0};
    IngestListener listener = new IngestListener() {
      @Override
      public void article(Article article, String location) {
        ArticleEntities entities = extractor.extract(article.title(), article.body());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", article.id());
        line.put("mentions", entities.mentions());
        line.put("persons", entities.persons());
        line.put("countries", entities.countries());
        line.put("organizations", entities.organizations());
        try {
          out.println(Json.MAPPER.writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void rejected(Rejection rejection) {
        rejected[0]++;
        err.println("rejected " + rejection);
      }
    };
    String name = file == null ? "stdin" : file.toString();
    try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
      new JsonLinesSource().read(in, name, listener);
    }
    out.flush();
    return rejected[0] > 0 ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
  }
}
