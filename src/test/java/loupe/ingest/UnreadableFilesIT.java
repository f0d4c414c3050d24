package loupe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder with a file the user may not read: the others are indexed, the unreadable one is
 * reported by name, and the command exits 1. Root reads every file, so as root the command runs
 * in a child JVM as the unprivileged user « nobody » (setpriv), from the packaged jar.
 */
class UnreadableFilesIT {

  @TempDir Path dir;

  @Test
  void unreadableFileIsReportedAndTheOthersIndexed() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path tree = Files.createDirectories(work.resolve("tree"));
    Files.writeString(tree.resolve("lisible.txt"), "Titre\nUn texte que tout le monde peut lire.");
    Path secret = Files.writeString(tree.resolve("secret.txt"), "Titre\nUn texte réservé.");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Path index = work.resolve("index");

    String output;
    int status;
    if ("root".equals(System.getProperty("user.name"))) {
      Path jar = packagedJar();
      Path readableJar = Files.copy(jar, work.resolve("loupe.jar"), StandardCopyOption.REPLACE_EXISTING);
      for (Path p : List.of(dir, work, tree)) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      Files.setPosixFilePermissions(readableJar, PosixFilePermissions.fromString("rw-r--r--"));
      Files.setPosixFilePermissions(tree.resolve("lisible.txt"), PosixFilePermissions.fromString("rw-r--r--"));
      String javaBinary = ProcessHandle.current().info().command().orElse("java");
      Process child = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
          javaBinary, "-jar", readableJar.toString(), "index", "--index", index.toString(), tree.toString())
          .redirectErrorStream(true).start();
      output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      status = child.waitFor();
    } else {
      java.io.StringWriter text = new java.io.StringWriter();
      picocli.CommandLine cli = loupe.cli.LoupeCommand.commandLine();
      cli.setOut(new java.io.PrintWriter(text, true));
      cli.setErr(new java.io.PrintWriter(text, true));
      status = cli.execute("index", "--index", index.toString(), tree.toString());
      output = text.toString();
    }
    assertEquals(1, status, output);
    assertTrue(output.contains("secret.txt") && output.contains("permission denied"), output);
    assertTrue(output.contains("indexed 1 articles"), output);
  }

  /** The runnable jar `./mvnw verify` builds before the integration tests. */
  private static Path packagedJar() throws IOException {
    Path target = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      return files.filter(p -> p.getFileName().toString().matches("loupe-.*-all\\.jar")).findFirst()
          .orElseGet(() -> {
            Assumptions.abort("the runnable jar is built by ./mvnw verify before this test; not found in " + target);
            return null;
          });
    }
  }
}
