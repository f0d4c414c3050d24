package loupe.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import loupe.Loupe;
import loupe.ingest.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code loupe demo}: indexes the built-in demo corpus and serves it, the quickest way to try Loupe. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Index the built-in demo corpus (45 French news articles) into its own index (index/demo/ unless"
        + " --index says otherwise) and serve it.")
final class DemoCommand implements Callable<Integer> {

  /** The demo corpus inside the jar. */
  static final String CORPUS = "/loupe/demo/articles.jsonl";

  @Mixin IndexOption index;
  @Mixin LexiconOption lexicon;
  @Mixin ServeCommand.ServerOptions server;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (index.dir == null) {
      // Its own folder: the demo articles must not mix with the user's own index in index/.
      index.dir = LoupeCommand.home().resolve("index").resolve("demo");
    }
    try (Loupe loupe = lexicon.open(index)) {
      IngestReport report;
      try (InputStream corpus = DemoCommand.class.getResourceAsStream(CORPUS)) {
        if (corpus == null) {
          throw new IllegalStateException("the demo corpus is missing from the jar");
        }
        report = loupe.indexJsonLines(corpus, "demo corpus");
      }
      out.printf("indexed the demo corpus: %d articles into %s%n", report.indexed(), index.where());
      out.printf("open http://%s:%d/ in a browser%n", server.host, server.port);
      return server.serve(loupe, out);
    }
  }
}
