package loupe.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import loupe.solr.CollectionSetup;
import loupe.solr.SolrTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code loupe solr}: prepares a SolrCloud to keep Loupe's index. */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description = "Prepare a SolrCloud cluster for Loupe (see docs/scale-out.md).",
    subcommands = {SolrCommand.Setup.class, CommandLine.HelpCommand.class})
final class SolrCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code loupe solr setup}: uploads Loupe's configset and creates the collection; harmless to re-run. */
  @Command(
      name = "setup",
      mixinStandardHelpOptions = true,
      description = "Upload Loupe's configset and create the collection (nothing is changed when it exists).")
  static final class Setup implements Callable<Integer> {

    @Option(names = "--solr", required = true, paramLabel = "ZKHOST[,ZKHOST...][/chroot]",
        description = "The cluster's ZooKeeper. Credentials come from LOUPE_SOLR_CREDENTIALS or LOUPE_SOLR_CREDENTIALS_FILE.")
    String solr;

    @Option(names = "--collection", required = true, paramLabel = "NAME", description = "The collection to create.")
    String collection;

    @Option(names = "--shards", defaultValue = "1", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
        description = "Shards: split the index across nodes.")
    int shards;

    @Option(names = "--replicas", defaultValue = "1", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
        description = "Copies of each shard: availability and query throughput.")
    int replicas;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      SolrTarget target = SolrTarget.parse(solr, collection);
      CollectionSetup.Outcome outcome = CollectionSetup.run(target, shards, replicas);
      out.println(outcome.configsetUploaded()
          ? "uploaded configset " + CollectionSetup.CONFIGSET
          : "configset " + CollectionSetup.CONFIGSET + " already in the cluster");
      if (outcome.collectionCreated()) {
        out.printf("created collection %s (%d shards x %d replicas)%n", collection, shards, replicas);
      } else {
        out.printf("collection %s already exists: left as it is%n", collection);
      }
      if (outcome.olderConfigset().isPresent()) {
        spec.commandLine().getErr().printf(
            "loupe: collection %s uses configset %s, older than this Loupe's %s: re-index into a new collection"
                + " created by this version (its analysis or fields may differ)%n",
            collection, outcome.olderConfigset().get(), CollectionSetup.CONFIGSET);
        return CommandLine.ExitCode.SOFTWARE;
      }
      return CommandLine.ExitCode.OK;
    }
  }
}
