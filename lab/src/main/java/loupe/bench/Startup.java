package loupe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Seconds from launching a fresh JVM to its first answered query, as {@code bench query} and
 * {@code bench scale} report it: plain Lucene, Loupe's very first start, and Loupe's later starts.
 */
record Startup(double plain, double loupeFirst, double loupe, boolean cached) {

  /** Whether this JDK makes AOT caches in one step (JEP 514), as the launcher checks. */
  private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

  /** Measures the three on the two indexes; Loupe's index must not be open for writing elsewhere. */
  static Startup measure(Path plainDir, Path loupeDir, String query) throws Exception {
    ChildJvm.Outcome plain = ChildJvm.run(ChildJvm.command(0, BenchChild.class.getName(),
        List.of("first-query-plain", plainDir.toString(), query)), 300);
    Path cache = loupeDir.resolveSibling(AOT_CACHE ? "loupe-serve.aot" : "loupe-serve.jsa");
    Files.deleteIfExists(cache);
    try {
      double veryFirst = firstAnswer(loupeDir, cache, query); // writes the cache as it exits
      // The JVM writes none for a class path with directories, as in the project's own tests.
      boolean cached = Files.exists(cache);
      double later = firstAnswer(loupeDir, cache, query);
      return new Startup(plain.ok() ? plain.seconds() : Double.NaN, veryFirst, later, cached);
    } finally {
      Files.deleteIfExists(cache);
    }
  }

  /**
   * The JVM options the {@code loupe} launcher adds to {@code serve}: a cache of the classes a server
   * loads, recorded by the first start and mapped by later ones. On JDK 25+ an AOT cache (classes
   * linked, lambdas resolved, method profiles), on older JDKs a class-data archive.
   */
  static List<String> startupCache(Path cache) {
    if (!AOT_CACHE) {
      return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cache,
          "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
    return List.of(Files.exists(cache) ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + cache,
        "-Xlog:aot=off", "-Xlog:cds=off");
  }

  private static double firstAnswer(Path loupeDir, Path cache, String query) throws Exception {
    try (ServeProcess serve = ServeProcess.start(loupeDir, 0, startupCache(cache), query, 300)) {
      return serve.secondsToFirstAnswer();
    }
  }

  void addTo(ResultTable table) {
    table.row("first answer after start s", plain, loupe, "%.2f");
    table.single("  the very first start s", Double.NaN, loupeFirst, "%.2f");
    table.note("start-up: a fresh JVM; Loupe is `loupe serve` polled over HTTP with the launcher's start-up cache"
        + " (" + (AOT_CACHE ? "an AOT cache" : "a class-data archive") + ", recorded by the very first start, read by later ones); plain Lucene opens the index and searches once.");
    if (!cached) {
      table.note("start-up: the very first start wrote no start-up cache (the JVM makes none for a class path"
          + " with directories), so later starts ran without one: run the bench from the jar, as `./loupe bench` does.");
    }
  }
}
