package loupe.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import loupe.eval.EntityEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe eval}: quality figures computed from the labelled data in ../shared/data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure result quality on labelled data (skipped with a message when the data is absent).",
    subcommands = {EvalCommand.Entities.class})
final class EvalCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path defaultData() {
    return LoupeCommand.home().resolve("..").resolve("shared").resolve("data").normalize();
  }

  /** {@code loupe eval entities}: person and country precision, recall and F1. */
  @Command(name = "entities", mixinStandardHelpOptions = true,
      description = "Entity facets (facets-gold), PER mentions (ner-fr-news) and extraction speed (orangesum-news).")
  static final class Entities implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The labelled data folder (default: ../shared/data).")
    Path data;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, java.nio.charset.StandardCharsets.UTF_8);
      return EntityEvaluation.run(data != null ? data : defaultData(), out);
    }
  }
}
