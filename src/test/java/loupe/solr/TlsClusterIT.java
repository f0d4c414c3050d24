package loupe.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loupe.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SolrCloud whose nodes speak https only (cluster property urlScheme=https, a self-signed
 * certificate): Loupe's command line, run as a user runs it in a JVM of its own, trusts the
 * certificate through the JDK's trust store properties and nothing else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsClusterIT {

  static final String COLLECTION = "tls";

  @TempDir static Path dir;
  static SolrTestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    // Two nodes: the replicas copy each other over https too, as in a production TLS cluster.
    cluster = SolrTestCluster.startTls(2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  record Run(int exit, String out, String err) {}

  /** {@code loupe ARGS} in a child JVM, as {@code LOUPE_JAVA_OPTS="-Djavax.net.ssl.trustStore=…" ./loupe ARGS} runs it. */
  static Run loupe(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
        "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "loupe.cli.LoupeCommand"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!child.waitFor(180, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      fail("loupe " + String.join(" ", args) + " did not finish within 180 s; stderr: " + Files.readString(err));
    }
    return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** What a user adds to trust the cluster's certificate: the JDK's own properties. */
  static List<String> trustingTheCluster() {
    return List.of("-Djavax.net.ssl.trustStore=" + cluster.trustStore(),
        "-Djavax.net.ssl.trustStorePassword=" + SolrTestCluster.TRUST_STORE_PASSWORD,
        "-Djavax.net.ssl.trustStoreType=JKS");
  }

  @Test
  @Order(1)
  void theNodesServeHttpsOnly() throws InterruptedException {
    assertNotNull(cluster.trustStore(), "the TLS cluster names its trust store");
    assertEquals(2, cluster.nodeUrls().size(), cluster.nodeUrls().toString());
    for (String url : cluster.nodeUrls()) {
      assertTrue(url.startsWith("https://127.0.0.1:"), url);
      // The same port in plain http answers nothing: a test that passes cannot have gone over http.
      String plain = "http://" + url.substring("https://".length()) + "/admin/info/system";
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> r = http.send(
            HttpRequest.newBuilder(URI.create(plain)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, r.statusCode(), plain + " answered " + r.body());
      } catch (IOException expected) {
        // the node closed the connection: it speaks TLS only
      }
    }
  }

  @Test
  @Order(2)
  void withTheTrustStoreLoupeSetsUpIndexesAndSearchesOverHttps() throws Exception {
    Run setup = loupe(trustingTheCluster(),
        "solr", "setup", "--solr", cluster.zk(), "--collection", COLLECTION, "--shards", "1", "--replicas", "2");
    assertEquals(0, setup.exit, setup.err);
    assertTrue(setup.out.contains("created collection tls (1 shards x 2 replicas)"), setup.out);

    Path articles = Fixtures.copy(Fixtures.ARTICLES, dir);
    Run index = loupe(trustingTheCluster(), "index", "--solr", cluster.zk(), "--collection", COLLECTION, articles.toString());
    assertEquals(0, index.exit, index.out + index.err);

    Run search = loupe(trustingTheCluster(),
        "search", "--solr", cluster.zk(), "--collection", COLLECTION, "--json", "électricité", "Allemagne");
    assertEquals(0, search.exit, search.err);
    assertTrue(search.out.contains("\"fx-5\""), search.out);
  }

  @Test
  @Order(3)
  void withoutTheTrustStoreLoupeRefusesTheCertificateAndSaysHowToTrustIt() throws Exception {
    Run search = loupe(List.of(), "search", "--solr", cluster.zk(), "--collection", COLLECTION, "--json", "électricité");
    assertEquals(1, search.exit, search.out);
    assertFalse(search.out.contains("\"fx-5\""), search.out);
    assertTrue(search.err.contains("SolrCloud's TLS certificate was refused"), search.err);
    assertTrue(search.err.contains("-Djavax.net.ssl.trustStore="), search.err);
  }
}
