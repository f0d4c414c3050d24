package loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import loupe.Fixtures;
import loupe.Loupe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code loupe} launcher script itself, run as a user runs it on the jar the build made. */
class LauncherIT {

  @TempDir Path dir;

  @Test
  void serveAfterARebuildRecordsANewStartUpCache() throws Exception {
    Path jar = builtJar();
    // The launcher writes an AOT cache on JDK 25+ and a class-data archive before; it picks the JDK.
    List<Path> caches = List.of(sibling(jar, "-serve.aot"), sibling(jar, "-serve.jsa"));
    // What a start before the jar was rebuilt left: the JVM would ignore it at every start.
    for (Path cache : caches) {
      Files.writeString(cache, "a cache of an older jar");
      Files.setLastModifiedTime(cache, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 3_600_000));
    }
    Path index = dir.resolve("index");
    try (Loupe loupe = Loupe.open(index)) {
      loupe.index(Fixtures.articles());
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process serve = new ProcessBuilder(List.of("./loupe", "serve", "--index", index.toString(), "--port",
        Integer.toString(port))).redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
    try {
      awaitHealth(port, serve);
    } finally {
      serve.destroy(); // as Ctrl-C: the cache is written on the way out
      if (!serve.waitFor(120, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
    List<Path> fresh = new ArrayList<>();
    for (Path cache : caches) {
      if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
        fresh.add(cache);
      }
    }
    assertEquals(1, fresh.size(), "the stale caches were kept: " + Files.readString(dir.resolve("serve.log")));
    // The JVM assembles an AOT cache in a process of its own after the server exits: on a busy
    // machine it is still writing when the server is gone.
    long size = awaitStableSize(fresh.get(0), TimeUnit.SECONDS.toNanos(300));
    assertTrue(size > 1_000_000, "cache of " + size + " bytes");
    if (fresh.get(0).toString().endsWith(".aot")) {
      // The cache keeps classes, not the first session's method profiles: the next server maps it
      // and does not replay any (a short first session's profiles slowed every later server down).
      ProcessBuilder again = new ProcessBuilder(List.of("./loupe", "serve", "--index", index.toString(), "--port",
          Integer.toString(port))).redirectErrorStream(true).redirectOutput(dir.resolve("serve2.log").toFile());
      again.environment().put("LOUPE_JAVA_OPTS", "-XX:+PrintFlagsFinal");
      Process second = again.start();
      try {
        awaitHealth(port, second);
      } finally {
        second.destroy();
        if (!second.waitFor(120, TimeUnit.SECONDS)) {
          second.destroyForcibly();
        }
      }
      List<String> flags = Files.readAllLines(dir.resolve("serve2.log"));
      assertTrue(flags.stream().anyMatch(l -> l.matches("\\s*ccstr AOTCache\\s+= \\S+.*")), "the cache was not used");
      assertTrue(flags.stream().anyMatch(l -> l.matches("\\s*bool AOTReplayTraining\\s+= false.*")), "profiles replayed");
    }
  }

  @Test
  void theFirstIndexAfterABuildRecordsItsOwnCacheWithoutPrintingTheJvmsSteps() throws Exception {
    Path jar = builtJar();
    List<Path> caches = List.of(sibling(jar, "-index.aot"), sibling(jar, "-index.jsa"));
    for (Path cache : caches) {
      Files.deleteIfExists(cache);
    }
    Path input = Files.writeString(dir.resolve("news.jsonl"),
        "{\"id\":\"a\",\"title\":\"Sommet\",\"body\":\"Emmanuel Macron a reçu Olaf Scholz à Paris.\"}\n"
            + "{\"id\":\"b\",\"body\":\"La Russie et l'Ukraine.\"}\n", StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(List.of("./loupe", "index", "--index", dir.resolve("index").toString(), input.toString()))
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process index = pb.start();
    assertTrue(index.waitFor(300, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.txt"));
    String err = Files.readString(dir.resolve("err.txt"));
    assertEquals(0, index.exitValue(), out + err);
    assertTrue(out.contains("indexed 2 articles"), out);
    assertTrue(!out.contains("AOT") && !err.contains("AOT"), "the JVM's cache steps reach the user: " + out + err);
    Path cache = caches.stream().filter(Files::exists).findFirst()
        .orElseThrow(() -> new AssertionError("no start-up cache of index was recorded"));
    assertTrue(awaitStableSize(cache, TimeUnit.SECONDS.toNanos(300)) > 1_000_000, "cache " + cache);
  }

  @Test
  void aServerRunsTheParallelCollectorIndexingTheJvmsDefaultUnlessTheUserNamesOne() throws Exception {
    builtJar();
    String serve = launch("-Xlog:gc", "serve", "--help");
    assertTrue(serve.contains("Using Parallel"), serve);
    String index = launch("-Xlog:gc", "index", "--help");
    assertTrue(index.contains("Using G1"), index);
    // Two collectors on one command line would stop the JVM before it starts.
    String serial = launch("-Xlog:gc -XX:+UseSerialGC", "serve", "--help");
    assertTrue(serial.contains("Using Serial"), serial);
  }

  @Test
  void aOneShotIndexRunsC1OnlyAServerBothCompilersUnlessTheUserNamesALevel() throws Exception {
    builtJar();
    assertEquals("1", tieredStopAtLevel(launch("-XX:+PrintFlagsFinal", "index", "--help")));
    assertEquals("4", tieredStopAtLevel(launch("-XX:+PrintFlagsFinal", "serve", "--help")));
    assertEquals("4", tieredStopAtLevel(launch("-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4", "index", "--help")));
  }

  @Test
  void anIndexOfALargeInputKeepsBothCompilers() throws Exception {
    builtJar();
    Path small = dir.resolve("small.jsonl");
    Files.writeString(small, "{\"id\": \"a\", \"title\": \"t\", \"body\": \"b\"}\n");
    // Sparse: as large as a long run's input to the launcher, which reads sizes, without the disk it would take.
    Path large = Files.createDirectories(dir.resolve("corpus")).resolve("large.jsonl");
    try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
      file.setLength(300L << 20);
    }
    assertEquals("1", tieredStopAtLevel(launch("-XX:+PrintFlagsFinal", "index", "--help", small.toString())));
    assertEquals("4", tieredStopAtLevel(launch("-XX:+PrintFlagsFinal", "index", "--help", dir.resolve("corpus").toString())));
    // The index folder named by --index is where the index goes, not input.
    assertEquals("1", tieredStopAtLevel(
        launch("-XX:+PrintFlagsFinal", "index", "--help", "--index", dir.resolve("corpus").toString(), small.toString())));
  }

  /** The value -XX:+PrintFlagsFinal printed for TieredStopAtLevel. */
  private static String tieredStopAtLevel(String flags) {
    return flags.lines().filter(l -> l.contains(" TieredStopAtLevel ")).findFirst()
        .map(l -> l.replaceAll(".*= *(\\d+).*", "$1")).orElseThrow(() -> new AssertionError(flags));
  }

  /** Output of {@code ./loupe ARGS} with these LOUPE_JAVA_OPTS; fails unless it exits with 0. */
  private String launch(String javaOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("./loupe"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("LOUPE_JAVA_OPTS", javaOptions);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** The file's size once it has stopped growing (or at the deadline). */
  private static long awaitStableSize(Path file, long timeoutNanos) throws Exception {
    long deadline = System.nanoTime() + timeoutNanos;
    long last = -1;
    while (System.nanoTime() < deadline) {
      long size = Files.size(file);
      if (size > 0 && size == last) {
        return size;
      }
      last = size;
      Thread.sleep(2_000);
    }
    return Files.size(file);
  }

  private static Path sibling(Path jar, String suffix) {
    return jar.resolveSibling(jar.getFileName().toString().replace(".jar", suffix));
  }

  /** The jar {@code mvn package} made, when it is newer than every source the launcher watches. */
  private static Path builtJar() throws IOException {
    Path target = Path.of("dist", "target");
    Path jar;
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      jar = files.filter(p -> p.getFileName().toString().matches("loupe-.*-all\\.jar")).findFirst().orElse(null);
    }
    Assumptions.assumeTrue(jar != null, "no dist/target/loupe-*-all.jar: run `./mvnw verify`, which builds it first");
    FileTime built = Files.getLastModifiedTime(jar);
    for (Path sources : List.of(Path.of("src/main"), Path.of("lab/src/main"), Path.of("web"), Path.of("pom.xml"))) {
      try (Stream<Path> files = Files.walk(sources)) {
        // The launcher would rebuild the jar first: not this test's business.
        Assumptions.assumeTrue(files.noneMatch(p -> newer(p, built)), "sources newer than the jar in " + sources);
      }
    }
    return jar;
  }

  private static boolean newer(Path p, FileTime than) {
    try {
      return Files.getLastModifiedTime(p).compareTo(than) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void awaitHealth(int port, Process serve) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && serve.isAlive()) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not answer /api/health within 60 s");
  }
}
