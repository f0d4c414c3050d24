package loupe.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link LibraryExample} in a child JVM whose classpath is this one's without the server and
 * command-line jars, proving that the library needs none of them. An integration test: it starts a
 * JVM and writes an index on disk.
 */
class LibraryExampleIT {

  /** Jars only the server and the command line need (file-name substrings). */
  private static final List<String> SERVER_AND_CLI_JARS =
      List.of("javalin", "jetty", "picocli", "progressbar", "slf4j-simple", "jline");

  /** One class from each of those jars. */
  private static final List<String> SERVER_AND_CLI_CLASSES = List.of(
      "io/javalin/Javalin.class",
      "org/eclipse/jetty/server/Server.class",
      "picocli/CommandLine.class",
      "me/tongfei/progressbar/ProgressBar.class",
      "org/slf4j/simple/SimpleLogger.class",
      "org/jline/terminal/Terminal.class");

  @TempDir Path dir;

  @Test
  void theLibraryClasspathHasLoupeButNoServerOrCommandLineClass() throws IOException {
    List<Path> full = testClasspath();
    try (URLClassLoader all = loader(full)) {
      assertNotNull(all.getResource("io/javalin/Javalin.class"),
          "the test classpath itself has Javalin, so removing it proves something: " + full);
    }
    try (URLClassLoader library = loader(withoutServerAndCli(full))) {
      for (String serverClass : SERVER_AND_CLI_CLASSES) {
        assertNull(library.getResource(serverClass), serverClass + " is still reachable");
      }
      assertNotNull(library.getResource("loupe/Loupe.class"), "the facade is kept");
      assertNotNull(library.getResource("loupe/example/LibraryExample.class"), "the example is kept");
      assertNotNull(library.getResource("org/apache/lucene/index/IndexWriter.class"), "Lucene is kept");
    }
  }

  @Test
  void libraryExampleIndexesSearchesAndPrintsWithoutServerOrCommandLineJars() throws Exception {
    String classpath = String.join(File.pathSeparator,
        withoutServerAndCli(testClasspath()).stream().map(Path::toString).toList());
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Stable output whatever the machine's locale; Lucene maps index files with the FFM API.
        "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED",
        "-cp", classpath,
        LibraryExample.class.getName(), dir.resolve("index").toString())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      fail("the example did not finish within 120 s; stderr: " + Files.readString(err));
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), "exit status; stdout:\n" + stdout + "\nstderr:\n" + stderr);
    assertFalse(stderr.contains("NoClassDefFoundError") || stderr.contains("ClassNotFoundException"), stderr);
    assertTrue(stdout.contains("1 hit(s) for « électricité » in Allemagne"), stdout);
    assertTrue(stdout.contains("hit lib-1: Le prix de l’électricité baisse en Allemagne"), stdout);
    assertTrue(stdout.contains("<mark>électricité</mark>"), stdout);
    assertFalse(stdout.contains("hit lib-2"), "the French article is filtered out by the tick:\n" + stdout);
    assertTrue(stdout.contains("  Allemagne 1 (ticked)"), stdout);
    assertTrue(stdout.contains("  France 1"), "counts ignore the country's own selection:\n" + stdout);
  }

  /**
   * This JVM's test classpath. Failsafe and Surefire put the test classpath in
   * {@code surefire.test.class.path}; with a manifest-only booter jar, {@code java.class.path} may be
   * that jar alone, so a jar holding nothing but a {@code Class-Path} is replaced by its entries.
   */
  static List<Path> testClasspath() throws IOException {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null || classpath.isBlank()) {
      classpath = System.getProperty("java.class.path", "");
    }
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isBlank()) {
      classpath = classpath + File.pathSeparator + modulePath;
    }
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.addAll(expandPathingJar(Path.of(entry).toAbsolutePath()));
      }
    }
    return List.copyOf(entries);
  }

  private static List<Path> expandPathingJar(Path entry) throws IOException {
    if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return List.of(entry);
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      boolean holdsClasses = jar.stream().anyMatch(e -> e.getName().endsWith(".class"));
      if (classPath == null || classPath.isBlank() || holdsClasses) {
        return List.of(entry);
      }
      // Class-Path entries are URLs relative to the jar (the JAR specification); Surefire writes file: URIs.
      List<Path> expanded = new ArrayList<>();
      for (String url : classPath.trim().split("\\s+")) {
        expanded.add(Path.of(entry.toUri().resolve(url)));
      }
      return expanded;
    }
  }

  static List<Path> withoutServerAndCli(List<Path> classpath) {
    return classpath.stream()
        .filter(p -> {
          String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
          return SERVER_AND_CLI_JARS.stream().noneMatch(name::contains);
        })
        .toList();
  }

  private static URLClassLoader loader(List<Path> classpath) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (Path p : classpath) {
      urls.add(p.toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
