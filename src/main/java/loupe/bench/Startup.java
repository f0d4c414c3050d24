package loupe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Seconds from launching a fresh JVM to its first answered query, as {@code bench query} and
 * {@code bench scale} report it: plain Lucene, Loupe's very first start, and Loupe's later starts.
 */
record Startup(double plain, double loupeFirst, double loupe) {

  /** Measures the three on the two indexes; Loupe's index must not be open for writing elsewhere. */
  static Startup measure(Path plainDir, Path loupeDir, String query) throws Exception {
    ChildJvm.Outcome plain = ChildJvm.run(ChildJvm.command(0, BenchChild.class.getName(),
        List.of("first-query-plain", plainDir.toString(), query)), 300);
    Path archive = loupeDir.resolveSibling("loupe-serve.jsa");
    Files.deleteIfExists(archive);
    try {
      double veryFirst = firstAnswer(loupeDir, archive, query); // writes the archive as it exits
      double later = firstAnswer(loupeDir, archive, query);
      return new Startup(plain.ok() ? plain.seconds() : Double.NaN, veryFirst, later);
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  /**
   * The JVM options the {@code loupe} launcher adds to {@code serve}: a class-data archive of the
   * classes a server loads, written by the first start and mapped by later ones.
   */
  static List<String> classDataArchive(Path archive) {
    return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
        "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  private static double firstAnswer(Path loupeDir, Path archive, String query) throws Exception {
    try (ServeProcess serve = ServeProcess.start(loupeDir, 0, classDataArchive(archive), query, 300)) {
      return serve.secondsToFirstAnswer();
    }
  }

  void addTo(ResultTable table) {
    table.row("first answer after start s", plain, loupe, "%.2f");
    table.single("  the very first start s", Double.NaN, loupeFirst, "%.2f");
    table.note("start-up: a fresh JVM; Loupe is `loupe serve` polled over HTTP with the launcher's class-data archive"
        + " (written by the very first start, read by later ones); plain Lucene opens the index and searches once.");
  }
}
