package loupe.cli;

import java.io.IOException;
import java.nio.file.Path;
import loupe.Loupe;
import loupe.entities.Extractors;
import picocli.CommandLine.Option;

/** The {@code --lexicon FILE} option of the commands that index articles. */
final class LexiconOption {

  @Option(names = "--lexicon", paramLabel = "FILE",
      description = "A user lexicon of persons, aliases and countries added to the built-in ones (format in the README).")
  Path lexicon;

  /** Opens the index for writing, extracting entities with the user lexicon when one is given. */
  Loupe open(IndexOption index) throws IOException {
    return index.open(lexicon == null ? Extractors.standardOnFirstUse() : Extractors.withUserLexicon(lexicon));
  }
}
