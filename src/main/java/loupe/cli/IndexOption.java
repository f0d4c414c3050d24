package loupe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every command that touches an index shares. */
final class IndexOption {

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index directory (default: index/ in the Loupe folder).")
  Path dir;

  Path dir() {
    return dir != null ? dir : LoupeCommand.home().resolve("index");
  }
}
