package loupe.solr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import loupe.search.InvalidRequestException;

/**
 * Where a SolrCloud collection lives: the ZooKeeper ensemble (as {@code --solr} spells it,
 * {@code HOST:PORT[,HOST:PORT…][/chroot]}) and the collection's name.
 */
public record SolrTarget(List<String> zkHosts, Optional<String> chroot, String collection) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");
  private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,99}");

  public SolrTarget {
    zkHosts = List.copyOf(zkHosts);
  }

  /**
   * Reads {@code --solr} and {@code --collection}.
   *
   * @throws InvalidRequestException naming the option when either is malformed
   */
  public static SolrTarget parse(String zk, String collection) {
    if (zk == null || zk.isBlank()) {
      throw new InvalidRequestException("--solr", "needs the ZooKeeper address, e.g. 127.0.0.1:2181/solr");
    }
    if (collection == null || !COLLECTION.matcher(collection).matches()) {
      throw new InvalidRequestException("--collection", "needs a collection name (letters, digits, '.', '_', '-'), got: "
          + collection);
    }
    String hosts = zk.strip();
    Optional<String> chroot = Optional.empty();
    int slash = hosts.indexOf('/');
    if (slash >= 0) {
      String root = hosts.substring(slash);
      chroot = root.equals("/") ? Optional.empty() : Optional.of(root);
      hosts = hosts.substring(0, slash);
    }
    List<String> list = Arrays.stream(hosts.split(",")).map(String::strip).toList();
    for (String host : list) {
      if (!HOST.matcher(host).matches()) {
        throw new InvalidRequestException("--solr", "'" + host + "' is not HOST:PORT (expected HOST:PORT[,HOST:PORT...][/chroot])");
      }
    }
    return new SolrTarget(list, chroot, collection);
  }

  /** As the user wrote it, for messages. */
  public String zkAddress() {
    return String.join(",", zkHosts) + chroot.orElse("");
  }
}
