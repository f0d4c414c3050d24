package loupe.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud (solr-test-cluster: Solr 9.10 nodes and an embedded ZooKeeper on loopback) in a
 * child JVM with its own classpath, since its Lucene 9 cannot share Loupe's JVM. Started once per
 * test class; closing it ends the child.
 */
final class SolrTestCluster implements AutoCloseable {

  private static final Path MODULE = Path.of("solr-test-cluster");
  /** solr-test-framework's fixed password for its test keystore. */
  static final String TRUST_STORE_PASSWORD = "secret";

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final String zk;
  private final List<String> nodes;
  private final Path trustStore;
  private final Path log;

  private SolrTestCluster(Process process, String zk, List<String> nodes, Path trustStore, Path log) {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.zk = zk;
    this.nodes = nodes;
    this.trustStore = trustStore;
    this.log = log;
  }

  /** Starts {@code nodes} Solr nodes, optionally with a security.json (Basic authentication). */
  static SolrTestCluster start(int nodes, Path securityJson) throws IOException, InterruptedException {
    return start(nodes, securityJson, false);
  }

  /**
   * Starts {@code nodes} Solr nodes that serve https only, with a self-signed certificate for
   * 127.0.0.1 that clients must be told to trust: {@link #trustStore()}.
   */
  static SolrTestCluster startTls(int nodes) throws IOException, InterruptedException {
    return start(nodes, null, true);
  }

  private static SolrTestCluster start(int nodes, Path securityJson, boolean tls) throws IOException, InterruptedException {
    Path classpathFile = MODULE.resolve("target/classpath.txt");
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException("the SolrCloud test cluster is not built: run ./mvnw -f solr-test-cluster/pom.xml package"
          + " (./mvnw verify does it before the integration tests)");
    }
    String classpath = MODULE.resolve("target/classes").toAbsolutePath() + java.io.File.pathSeparator
        + Files.readString(classpathFile).strip();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = Files.createTempFile("solr-test-cluster", ".log");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
        "-Djava.security.egd=file:/dev/./urandom", "-Dsolr.log.dir=" + log.getParent(),
        "-cp", classpath, "loupe.solr.testcluster.TestCluster", "--nodes", String.valueOf(nodes)));
    if (securityJson != null) {
      command.addAll(List.of("--security-json", securityJson.toString()));
    }
    if (tls) {
      command.add("--tls");
    }
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String zk = null;
    List<String> urls = new ArrayList<>();
    Path trustStore = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("zk=")) {
        zk = line.substring(3);
      } else if (line.startsWith("node=")) {
        urls.add(line.substring(5));
      } else if (line.startsWith("truststore=")) {
        trustStore = Path.of(line.substring("truststore=".length()));
      } else if (line.equals("ready")) {
        break;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    if (zk == null || line == null || !line.equals("ready")) {
      process.destroyForcibly();
      throw new IllegalStateException("the SolrCloud test cluster did not start; its log: " + log);
    }
    SolrTestCluster cluster = new SolrTestCluster(process, zk, urls, trustStore, log);
    Thread reader = new Thread(() -> {
      try {
        String l;
        while ((l = out.readLine()) != null) {
          cluster.lines.add(l);
        }
      } catch (IOException ignored) {
        // the child ended
      }
    }, "solr-test-cluster-out");
    reader.setDaemon(true);
    reader.start();
    return cluster;
  }

  /** ZooKeeper address with chroot, as {@code --solr} takes it. */
  String zk() {
    return zk;
  }

  List<String> nodeUrls() {
    return nodes;
  }

  /**
   * With TLS, the JKS file (password {@link #TRUST_STORE_PASSWORD}) holding the nodes' certificate,
   * for {@code -Djavax.net.ssl.trustStore}; null without TLS.
   */
  Path trustStore() {
    return trustStore;
  }

  /** Sends a command ({@code stop-node 1}, {@code start-node 1}, {@code stop-zk}, {@code start-zk}) and waits for it. */
  void command(String command) throws IOException, InterruptedException {
    commands.write(command + "\n");
    commands.flush();
    // Stopping the last node of a cluster whose other node is down sometimes waits for Solr's update
    // executor to give up on its peer ("did not forcefully stop" in the log), past a 90 s wait in CI:
    // a command gets three minutes.
    String answer = lines.poll(180, TimeUnit.SECONDS);
    if (!"ok".equals(answer)) {
      throw new IllegalStateException(command + ": " + (answer == null ? "no answer in 180 s" : answer)
          + "; the cluster's log: " + log);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      commands.close(); // end of stdin: the cluster shuts down
    } catch (IOException ignored) {
      // already gone
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
