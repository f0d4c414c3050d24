package loupe.solr.testcluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.impl.HttpClientUtil;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.util.SSLTestConfig;

/**
 * Makes the test cluster's nodes speak https only, as a TLS production cluster does, so that Loupe's
 * client can be tested against one: the same set-up as Solr's own SolrTestCaseJ4 in SSL mode.
 */
final class Tls {

  /** solr-test-framework's keystore whose certificate names 127.0.0.1 (SAN), the nodes' host. */
  private static final String KEYSTORE_RESOURCE = "/SSLTestConfig.testing.keystore";

  private Tls() {}

  /**
   * Sets the nodes' server and inter-node client TLS, and returns a copy of the keystore as a file:
   * the self-signed certificate it holds is what a client must trust.
   */
  static Path configure(MiniSolrCloudCluster.Builder builder, Path dir) throws IOException {
    // checkPeerName=true picks the keystore for 127.0.0.1, so that clients which verify host names
    // (the JDK's HTTP client does) accept it; the other keystore names a bogus host.
    SSLTestConfig ssl = new SSLTestConfig(true, false, true);
    // The nodes talk to each other (replication, distributed search) through these static clients.
    HttpClientUtil.setSocketFactoryRegistryProvider(ssl.buildClientSocketFactoryRegistryProvider());
    Http2SolrClient.setDefaultSSLConfig(ssl.buildClientSSLConfig());
    System.setProperty("urlScheme", "https");
    // JettySolrRunner reads the Jetty config's SSL only in test mode (SolrTestCaseJ4 sets it too).
    System.setProperty("jetty.testMode", "true");
    // MiniSolrCloudCluster writes the cluster property urlScheme=https when the Jetty config has SSL.
    builder.withJettyConfig(jetty -> jetty.withSSLConfig(ssl.buildServerSSLConfig()));
    Path trustStore = Files.createDirectories(dir).resolve("truststore.jks");
    try (InputStream in = Tls.class.getResourceAsStream(KEYSTORE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + KEYSTORE_RESOURCE + " in solr-test-framework");
      }
      Files.copy(in, trustStore, StandardCopyOption.REPLACE_EXISTING);
    }
    return trustStore;
  }
}
