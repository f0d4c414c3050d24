package loupe.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import loupe.search.InvalidRequestException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Prepares a SolrCloud for Loupe: uploads the configset shipped in Loupe's jar and creates the
 * collection. Harmless to re-run; tells when the collection uses an older configset.
 *
 * <p>The configset's name carries its version ({@value #CONFIGSET}): a collection's configset name,
 * in the cluster state, says which schema it was created with.
 */
public final class CollectionSetup {

  /** Bump the number whenever a file of the configset changes. */
  public static final String CONFIGSET = "loupe-7";
  static final String CONFIGSET_PREFIX = "loupe-";

  /** The first configset whose query analyzer stacks « a|b » ({@link loupe.analysis.StackedTermsFilter}). */
  static final int STACKED_TERMS_SINCE = 7;
  private static final String RESOURCES = "/loupe/solr/configset/";
  private static final List<String> FILES =
      List.of("schema.xml", "solrconfig.xml", "position-gaps.txt", "lang/contractions_fr.txt");

  /** What a run did, for the command's output. */
  public record Outcome(boolean configsetUploaded, boolean collectionCreated, Optional<String> olderConfigset) {}

  private CollectionSetup() {}

  /** The version a configset name carries ({@code loupe-7} → 7), or 0 for a name Loupe did not give. */
  static int version(String configset) {
    if (configset == null || !configset.startsWith(CONFIGSET_PREFIX)) {
      return 0;
    }
    try {
      return Integer.parseInt(configset.substring(CONFIGSET_PREFIX.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Uploads the configset if missing and creates the collection if missing. */
  public static Outcome run(SolrTarget target, int shards, int replicas) throws IOException {
    return run(target, shards, replicas, SolrCredentials.fromEnvironment());
  }

  static Outcome run(SolrTarget target, int shards, int replicas, Optional<SolrCredentials> credentials)
      throws IOException {
    if (shards < 1 || replicas < 1) {
      throw new InvalidRequestException(shards < 1 ? "--shards" : "--replicas", "must be at least 1");
    }
    try (CloudSolrClient client = SolrConnections.connect(target, credentials)) {
      boolean uploaded = false;
      List<String> configsets = new ConfigSetAdminRequest.List().process(client).getConfigSets();
      if (!configsets.contains(CONFIGSET)) {
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
        upload.setConfigSetName(CONFIGSET);
        upload.setUploadStream(new ContentStreamBase.ByteArrayStream(zip(), CONFIGSET + ".zip", "application/zip"));
        upload.process(client);
        uploaded = true;
      }
      DocCollection existing = SolrConnections.collection(client, target.collection());
      if (existing != null) {
        String used = existing.getConfigName();
        Optional<String> older = used != null && !used.equals(CONFIGSET) ? Optional.of(used) : Optional.empty();
        return new Outcome(uploaded, false, older);
      }
      CollectionAdminRequest.createCollection(target.collection(), CONFIGSET, shards, replicas).process(client);
      awaitActive(client, target.collection(), shards, TimeUnit.SECONDS.toNanos(60));
      return new Outcome(uploaded, true, Optional.empty());
    } catch (SolrServerException e) {
      throw SolrFailures.io("setting up collection " + target.collection(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for collection " + target.collection(), e);
    }
  }

  /** Waits until every shard has a leader and every replica is active, as the create request does not. */
  private static void awaitActive(CloudSolrClient client, String name, int shards, long timeoutNanos)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      Set<String> live = client.getClusterStateProvider().getLiveNodes();
      DocCollection state = SolrConnections.collection(client, name);
      if (state != null && state.getActiveSlices().size() == shards
          && state.getReplicas().stream().allMatch(r -> r.isActive(live))) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("collection " + name + " created, but not all its replicas are active after 60 s");
      }
      Thread.sleep(200);
    }
  }

  /** The configset as Solr's upload API takes it: a zip of the files shipped under {@value #RESOURCES}. */
  static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String file : FILES) {
        try (InputStream in = CollectionSetup.class.getResourceAsStream(RESOURCES + file)) {
          if (in == null) {
            throw new IllegalStateException("configset file missing from the jar: " + file);
          }
          zip.putNextEntry(new ZipEntry(file));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
