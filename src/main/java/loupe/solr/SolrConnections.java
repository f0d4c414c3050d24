package loupe.solr;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.cloud.DocCollection;

/**
 * Opens SolrJ's cloud client: it reads the cluster state (live nodes, shard leaders, replicas,
 * whether nodes speak https) from ZooKeeper and routes each request to a live replica.
 */
final class SolrConnections {

  /** How long a request may wait for a cluster; beyond it the server answers 503 instead of hanging. */
  static final int REQUEST_TIMEOUT_SECONDS = 30;
  static final int ZK_TIMEOUT_SECONDS = 10;

  private SolrConnections() {}

  /**
   * The JDK's HTTP client (not SolrJ's Jetty one): it shares no classes with the Jetty 12 that
   * serves Loupe's API. TLS follows the node URLs of the cluster state; the JDK's trust store
   * (javax.net.ssl.trustStore) decides which certificates are trusted.
   */
  static CloudSolrClient connect(SolrTarget target, Optional<SolrCredentials> credentials) throws IOException {
    HttpJdkSolrClient.Builder http = new HttpJdkSolrClient.Builder()
        .withConnectionTimeout(5, TimeUnit.SECONDS)
        .withRequestTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    credentials.ifPresent(c -> http.withBasicAuthCredentials(c.user(), c.password()));
    try {
      CloudSolrClient client = new CloudSolrClient.Builder(target.zkHosts(), target.chroot())
          .withHttpClientBuilder(http)
          // Per-shard sub-requests in the calling thread: with SolrJ's parallel updates, two threads
          // each sending a batch through the JDK client waited for each other for good (seen
          // 2026-12-07 on 3,235 articles). SolrBackend's own senders give the parallelism.
          .withParallelUpdates(false)
          .withZkConnectTimeout(ZK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .withZkClientTimeout(ZK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .build();
      try {
        client.connect(ZK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        client.close();
        throw e;
      }
      return client;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + target.zkAddress(), e);
    } catch (Exception e) {
      throw SolrFailures.io("no SolrCloud at " + target.zkAddress() + " (ZooKeeper)", e);
    }
  }

  /** Fails with the command that creates the collection when it does not exist. */
  static DocCollection requireCollection(CloudSolrClient client, SolrTarget target) throws IOException {
    DocCollection collection = collection(client, target.collection());
    if (collection == null) {
      throw new IOException("no collection '" + target.collection() + "' in the SolrCloud at " + target.zkAddress()
          + ": create it with ./loupe solr setup --solr " + target.zkAddress() + " --collection " + target.collection());
    }
    return collection;
  }

  static DocCollection collection(CloudSolrClient client, String name) throws IOException {
    try {
      return client.getClusterStateProvider().getCollection(name);
    } catch (RuntimeException e) {
      throw SolrFailures.io("reading the cluster state", e);
    }
  }
}
