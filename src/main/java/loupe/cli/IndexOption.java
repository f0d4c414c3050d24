package loupe.cli;

import java.io.IOException;
import java.nio.file.Path;
import loupe.Loupe;
import loupe.entities.EntityExtractor;
import loupe.entities.Extractors;
import loupe.search.InvalidRequestException;
import loupe.solr.SolrTarget;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every command that touches an index shares. */
final class IndexOption {

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index directory (default: index/ in the Loupe folder).")
  Path dir;

  @Option(names = "--solr", paramLabel = "ZKHOST[,ZKHOST...][/chroot]",
      description = "Keep the index in a SolrCloud collection instead of a directory: the cluster's ZooKeeper."
          + " Solr credentials come from LOUPE_SOLR_CREDENTIALS or LOUPE_SOLR_CREDENTIALS_FILE.")
  String solr;

  @Option(names = "--collection", paramLabel = "NAME", description = "The SolrCloud collection (with --solr).")
  String collection;

  Path dir() {
    return dir != null ? dir : LoupeCommand.home().resolve("index");
  }

  /** Where the articles are kept, for messages: the directory, or the collection and its cluster. */
  String where() {
    return solr == null ? dir().toString() : "collection " + collection + " at " + solr;
  }

  /** Opens the index (directory or SolrCloud collection) for searching and writing. */
  Loupe open(EntityExtractor extractor) throws IOException {
    return solr == null ? Loupe.open(dir(), extractor) : Loupe.openSolrCloud(solrTarget(), extractor);
  }

  /** Opens the index for searching only (a SolrCloud collection is always shared). */
  Loupe openReadOnly() throws IOException {
    return solr == null ? Loupe.openReadOnly(dir()) : Loupe.openSolrCloud(solrTarget(), Extractors.standardOnFirstUse());
  }

  SolrTarget solrTarget() {
    if (dir != null) {
      throw new InvalidRequestException("--solr", "give either --index or --solr, not both");
    }
    if (collection == null) {
      throw new InvalidRequestException("--collection", "--solr needs --collection NAME");
    }
    return SolrTarget.parse(solr, collection);
  }
}
