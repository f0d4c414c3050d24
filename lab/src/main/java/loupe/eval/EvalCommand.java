package loupe.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import loupe.cli.ExternalCommand;
import loupe.cli.LoupeCommand;
import loupe.solr.SolrTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code loupe eval}: quality figures computed from the labelled data in ../shared/data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure result quality on labelled data (skipped with a message when the data is absent).",
    subcommands = {EvalCommand.Entities.class, EvalCommand.Search.class, EvalCommand.Spelling.class,
        EvalCommand.TrainRanker.class})
public final class EvalCommand implements Runnable, ExternalCommand {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path defaultData() {
    return LoupeCommand.home().resolve("..").resolve("shared").resolve("data").normalize();
  }

  /** {@code loupe eval search}: MRR@10 and recall of the ranking users get, beside a plain-Lucene baseline. */
  @Command(name = "search", mixinStandardHelpOptions = true,
      description = "Retrieval quality on PIAF questions and OrangeSum known-item queries (the dev file and a wider "
          + "set drawn from the articles' summaries): MRR@10, Recall@10, Recall@100 of Loupe's ranking and of "
          + "plain Lucene (FrenchAnalyzer, BM25, OR), with their ratio.")
  static final class Search implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The labelled data folder (default: ../shared/data).")
    Path data;

    @Option(names = "--set", paramLabel = "NAME", split = ",",
        description = "Query sets to run, among piaf (dev and validation), orangesum-dev, orangesum-wide, orangesum-validation (default: all).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--per-query", paramLabel = "FILE",
        description = "Also write one tab-separated line per query: the rank of its first relevant article for the "
            + "baseline, the edismax-like ranking and Loupe (0: not in the top 100), Loupe's total, the query.")
    Path perQuery;

    @Option(names = "--solr", paramLabel = "ZK",
        description = "Also run every query through the SolrCloud backend (ZooKeeper host:port[/chroot]); each corpus "
            + "is indexed once into the collection named by --collection and the corpus (e.g. C-piaf), then reused.")
    String solr;

    @Option(names = "--collection", paramLabel = "NAME", description = "The collections' prefix, with --solr.")
    String collection;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      for (String set : sets) {
        if (!SearchEvaluation.SET_NAMES.contains(set)) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "Unknown query set '" + set + "', expected one of " + String.join(", ", SearchEvaluation.SET_NAMES));
        }
      }
      if ((solr == null) != (collection == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--solr and --collection go together");
      }
      SolrTarget target = solr == null ? null : SolrTarget.parse(solr, collection);
      return SearchEvaluation.run(data != null ? data : defaultData(), sets, perQuery, target, stdout());
    }
  }

  /** {@code loupe eval train-ranker}: learns the second stage's weights on the training split (issue 20). */
  @Command(name = "train-ranker", mixinStandardHelpOptions = true,
      description = "Learn the reranker's weights on PIAF's dev part and OrangeSum training summaries "
          + "(docs/ranking.md); prints MRR@10 on training and dev sets, validation with --validation.")
  static final class TrainRanker implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The labelled data folder (default: ../shared/data).")
    Path data;

    @Option(names = "--work", paramLabel = "DIR", required = true,
        description = "A folder for the two indexes, kept between runs (built when absent).")
    Path work;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (Solr LTR LinearModel JSON).")
    Path out;

    @Option(names = "--train", paramLabel = "N", defaultValue = "3000",
        description = "OrangeSum training summaries to use (default: ${DEFAULT-VALUE}).")
    int train;

    @Option(names = "--features", paramLabel = "NAME", split = ",",
        description = "Only these features may weigh in the last model (default: all).")
    List<String> features = new ArrayList<>();

    @Option(names = "--validation", description = "Also print the validation figures (never choose on them).")
    boolean validation;

    @Override
    public Integer call() throws java.io.IOException {
      return RankerTraining.run(data != null ? data : defaultData(), work, out, train, validation, features, stdout());
    }
  }

  /** UTF-8 standard output, whatever the platform's default charset. */
  static java.io.PrintStream stdout() {
    return new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code loupe eval entities}: person and country precision, recall and F1. */
  @Command(name = "entities", mixinStandardHelpOptions = true,
      description = "Entity facets on dev (facets-gold) and validation (lab/data/entities-validation), facets as readers "
          + "see them in an index of the whole OrangeSum corpus, PER mentions (ner-fr-news) and extraction speed.")
  static final class Entities implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The labelled data folder (default: ../shared/data).")
    Path data;

    @Option(names = "--audit", description = "Audit the facets of the index given with --index instead: top values, "
        + "accent/case/hyphen twins, one-word persons, countries from a single mention.")
    boolean audit;

    @Option(names = "--index", paramLabel = "DIR", description = "The index to audit (with --audit).")
    Path index;

    @Option(names = "--top", paramLabel = "N", defaultValue = "40", description = "Rows per audit list (default: 40).")
    int top;

    @Option(names = "--validation", paramLabel = "DIR",
        description = "The validation labels (default: lab/data/entities-validation in the Loupe folder).")
    Path validation;

    @Option(names = "--readers-index", paramLabel = "DIR", description = "Where to index the whole OrangeSum corpus to "
        + "score facets as readers see them; an index already there is reused (default: a temporary folder).")
    Path readersIndex;

    @Option(names = "--no-readers", description = "Skip indexing the whole corpus (facets as readers see them).")
    boolean noReaders;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
      if (audit) {
        if (index == null) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--audit needs --index DIR");
        }
        return EntityAudit.run(index, top, stdout());
      }
      Path validationDir = validation != null ? validation : LoupeCommand.home().resolve("lab").resolve("data").resolve("entities-validation");
      if (noReaders) {
        return EntityEvaluation.run(data != null ? data : defaultData(), validationDir, null, stdout());
      }
      Path index = readersIndex;
      try {
        if (index == null) {
          index = java.nio.file.Files.createTempDirectory("loupe-eval-entities");
        }
        return EntityEvaluation.run(data != null ? data : defaultData(), validationDir, index, stdout());
      } finally {
        if (readersIndex == null && index != null) {
          deleteTree(index);
        }
      }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
      try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.deleteIfExists(p);
        }
      }
    }
  }

  /** {@code loupe eval spelling}: how well « did you mean » gives back misspelt words of the corpus. */
  @Command(name = "spelling", mixinStandardHelpOptions = true,
      description = "Did-you-mean on OrangeSum (orangesum-news): words of titles, leads and the rest of bodies with a "
          + "letter dropped, how often the correction gives them back, and how often a correct word is rewritten.")
  static final class Spelling implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The labelled data folder (default: ../shared/data).")
    Path data;

    @Override
    public Integer call() {
      return SpellingEvaluation.run(data != null ? data : defaultData(), stdout());
    }
  }
}
