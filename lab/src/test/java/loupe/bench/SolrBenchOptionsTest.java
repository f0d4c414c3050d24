package loupe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench … --solr}: half of the cluster's address is a usage error naming the missing option (issue 21). */
class SolrBenchOptionsTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new String[] {String.valueOf(cli.execute(args)), err.toString()};
  }

  @Test
  void aCollectionWithoutAClusterOrAClusterWithoutACollectionIsAUsageError() {
    for (String command : new String[] {"index", "query", "scale"}) {
      String[] noCluster = run(command, "--collection", "news");
      assertEquals("2", noCluster[0], noCluster[1]);
      assertTrue(noCluster[1].contains("--solr"), noCluster[1]);
      String[] noCollection = run(command, "--solr", "127.0.0.1:2181/solr");
      assertEquals("2", noCollection[0], noCollection[1]);
      assertTrue(noCollection[1].contains("--collection"), noCollection[1]);
      String[] onlyWithoutCluster = run(command, "--solr-only");
      assertEquals("2", onlyWithoutCluster[0], onlyWithoutCluster[1]);
      assertTrue(onlyWithoutCluster[1].contains("--solr-only needs --solr"), onlyWithoutCluster[1]);
    }
  }
}
