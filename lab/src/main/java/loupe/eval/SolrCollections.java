package loupe.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.entities.Extractors;
import loupe.ingest.IngestReport;
import loupe.solr.CollectionSetup;
import loupe.solr.SolrTarget;

/**
 * The evaluation's corpora in SolrCloud, so that {@code eval search --solr} measures the ranking
 * users of the SolrCloud backend get: one collection per corpus (the name given, then the
 * corpus's), created and indexed on the first run, reused as long as it holds the corpus.
 */
final class SolrCollections {

  /** Two shards, so that scores depend on the cluster's distributed statistics as they would in use. */
  static final int SHARDS = 2;

  private SolrCollections() {}

  /**
   * The collection of one corpus, ready to search.
   *
   * @param articles how many articles the corpus has (as the embedded index counted them)
   */
  static Loupe indexed(SolrTarget base, String corpus, List<Path> documents, long articles, PrintStream out)
      throws IOException {
    SolrTarget target = new SolrTarget(base.zkHosts(), base.chroot(),
        base.collection() + "-" + corpus.toLowerCase(Locale.ROOT));
    CollectionSetup.run(target, SHARDS, 1);
    Loupe loupe = Loupe.openSolrCloud(target, Extractors.standardOnFirstUse());
    try {
      long count = loupe.count();
      if (count == 0) {
        long started = System.nanoTime();
        IngestReport report = loupe.indexFiles(documents, IndexingProgress.NONE);
        out.printf(Locale.ROOT, "%s: %d articles indexed in SolrCloud collection %s (%.0f s)%n", corpus,
            report.indexed(), target.collection(), (System.nanoTime() - started) / 1e9);
      } else if (count == articles) {
        out.printf(Locale.ROOT, "%s: SolrCloud collection %s already holds its %d articles%n", corpus,
            target.collection(), count);
      } else {
        throw new IOException("SolrCloud collection " + target.collection() + " holds " + count + " articles, "
            + corpus + " has " + articles + ": delete the collection or give another --collection");
      }
      return loupe;
    } catch (IOException | RuntimeException e) {
      loupe.close();
      throw e;
    }
  }
}
