package loupe.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import loupe.search.BackendUnavailableException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/** Turns SolrJ's failures into what Loupe's server and CLI report: unavailable (503) or a plain I/O error. */
final class SolrFailures {

  private SolrFailures() {}

  /** The failure of {@code what}, with a message that says what was being done and not SolrJ's internals. */
  static IOException io(String what, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SolrException se && (se.code() == 401 || se.code() == 403)) {
        return new IOException("SolrCloud refused access (" + what + "): HTTP " + se.code()
            + "; set LOUPE_SOLR_CREDENTIALS=user:password or LOUPE_SOLR_CREDENTIALS_FILE", e);
      }
      // A TLS cluster whose certificate Java does not trust: still unavailable (503) to the server's
      // clients, but the message says which setting fixes it rather than only the JDK's words.
      if (t instanceof SSLHandshakeException && untrustedCertificate(t)) {
        return new BackendUnavailableException("SolrCloud's TLS certificate was refused (" + what + "): " + rootMessage(e)
            + "; trust it with LOUPE_JAVA_OPTS=\"-Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=…\"", e);
      }
    }
    if (e instanceof IOException io && !(e instanceof ConnectException)) {
      return unavailable(what, e) ? new BackendUnavailableException("SolrCloud unavailable: " + what + ": " + rootMessage(e), e) : io;
    }
    if (unavailable(what, e)) {
      return new BackendUnavailableException("SolrCloud unavailable (" + what + "): " + rootMessage(e), e);
    }
    return new IOException("SolrCloud error (" + what + "): " + rootMessage(e), e);
  }

  /**
   * A handshake refused because Java does not trust the node's certificate (no path to a trusted one), which a
   * trust store fixes; a wrong host name or a missing client certificate are other failures.
   */
  private static boolean untrustedCertificate(Throwable handshake) {
    for (Throwable t = handshake; t != null; t = t.getCause()) {
      if (t instanceof java.security.cert.CertPathBuilderException
          || t instanceof java.security.cert.CertPathValidatorException
          || t.getClass().getName().equals("sun.security.validator.ValidatorException")) {
        return true;
      }
    }
    return false;
  }

  private static boolean unavailable(String what, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SolrServerException || t instanceof ConnectException || t instanceof TimeoutException
          || t instanceof java.net.http.HttpConnectTimeoutException) {
        return true;
      }
      if (t instanceof SolrException se && (se.code() == 503 || se.code() == 510 || se.code() == -1)) {
        return true;
      }
      String name = t.getClass().getName();
      if (name.startsWith("org.apache.zookeeper.") || name.contains("ZooKeeper")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
