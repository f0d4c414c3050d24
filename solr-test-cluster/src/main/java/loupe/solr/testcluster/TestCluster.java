package loupe.solr.testcluster;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud (Solr nodes on Jetty and an embedded ZooKeeper, all on loopback) in a JVM of
 * its own, so Loupe's tests and users can try the SolrCloud backend without installing Solr.
 *
 * <p>Prints {@code zk=HOST:PORT}, one {@code node=URL} a node, then {@code ready}. With {@code --tls}
 * the nodes serve https only (the cluster property urlScheme=https tells clients so) with
 * solr-test-framework's self-signed certificate for 127.0.0.1, and a line {@code truststore=FILE}
 * (JKS, password {@code secret}) before {@code ready} names a file holding it, for clients to trust.
 *
 * <p>Reads commands on stdin, one a line, each answered {@code ok} or {@code error: …}:
 * {@code stop-node I}, {@code start-node I}, {@code stop-zk}, {@code start-zk}. Stops at the end of
 * stdin, on {@code quit}, or on SIGTERM.
 *
 * <p>Usage: {@code TestCluster [--nodes N] [--dir DIR] [--security-json FILE] [--tls] [--keep-stdin-open]}
 */
public final class TestCluster {

  private TestCluster() {}

  public static void main(String[] args) throws Exception {
    // stdout carries the protocol only; Solr's and ZooKeeper's logs go to stderr.
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    int nodes = 2;
    Path dir = null;
    Path securityJson = null;
    boolean keepStdinOpen = false;
    boolean tls = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--security-json" -> securityJson = Path.of(args[++i]);
        case "--keep-stdin-open" -> keepStdinOpen = true;
        case "--tls" -> tls = true;
        default -> {
          System.err.println("unknown argument: " + args[i]);
          System.exit(2);
        }
      }
    }
    if (dir == null) {
      dir = Files.createTempDirectory("loupe-solrcloud");
    }
    // Loopback only: the test cluster is never reachable from another machine.
    System.setProperty("host", "127.0.0.1");
    System.setProperty("solr.disable.shardsWhitelist", "true");
    MiniSolrCloudCluster.Builder builder =
        new MiniSolrCloudCluster.Builder(nodes, dir);
    if (securityJson != null) {
      builder.withSecurityJson(Files.readString(securityJson));
    }
    Path trustStore = null;
    if (tls) {
      trustStore = Tls.configure(builder, dir);
    }
    MiniSolrCloudCluster cluster = builder.build();
    Thread stopper = new Thread(() -> shutdown(cluster), "test-cluster-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);

    protocol.println("zk=" + cluster.getZkServer().getZkAddress());
    for (JettySolrRunner jetty : cluster.getJettySolrRunners()) {
      protocol.println("node=" + jetty.getBaseUrl());
    }
    if (trustStore != null) {
      protocol.println("truststore=" + trustStore);
    }
    protocol.println("ready");

    List<JettySolrRunner> runners = new ArrayList<>(cluster.getJettySolrRunners());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      line = line.strip();
      if (line.equals("quit")) {
        break;
      }
      try {
        run(cluster, runners, line);
        protocol.println("ok");
      } catch (Exception e) {
        protocol.println("error: " + e);
      }
    }
    if (keepStdinOpen) {
      // Started by hand in the background with stdin closed: wait for SIGTERM instead.
      Thread.currentThread().join();
    }
    System.exit(0);
  }

  private static void run(MiniSolrCloudCluster cluster, List<JettySolrRunner> nodes, String command) throws Exception {
    List<String> words = List.of(command.split("\\s+"));
    switch (words.get(0)) {
      // Nodes by their number at start: the cluster's own list shrinks when one stops.
      case "stop-node" -> cluster.stopJettySolrRunner(nodes.get(Integer.parseInt(words.get(1))));
      case "start-node" -> {
        JettySolrRunner jetty = nodes.get(Integer.parseInt(words.get(1)));
        // The same port again: the node keeps its name in the cluster state, its replicas come back.
        cluster.startJettySolrRunner(jetty, true);
        cluster.waitForNode(jetty, 30);
      }
      case "stop-zk" -> cluster.getZkServer().shutdown();
      case "start-zk" -> cluster.getZkServer().run(false);
      default -> throw new IllegalArgumentException("unknown command: " + command);
    }
  }

  private static void shutdown(MiniSolrCloudCluster cluster) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("test cluster: shutdown failed: " + e);
    }
  }
}
