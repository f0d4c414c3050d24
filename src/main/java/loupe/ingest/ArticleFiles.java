package loupe.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the article files under the paths a user names and reads each with the source for its
 * format: {@code .jsonl}, {@code .json}, {@code .txt}, {@code .md}, {@code .html}/{@code .htm}.
 */
public final class ArticleFiles {

  /** A file to read, the name messages use for it, and its default id (the path relative to its root). */
  public record Input(Path file, String name, String defaultId, long size) {}

  private ArticleFiles() {}

  /** The source that reads this file's format, if Loupe reads it. */
  public static Optional<ArticleSource> sourceFor(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(new JsonLinesSource());
    } else if (name.endsWith(".json")) {
      return Optional.of(new JsonSource());
    } else if (name.endsWith(".txt")) {
      return Optional.of(new TextSource(false));
    } else if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Optional.of(new TextSource(true));
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Optional.of(new HtmlSource());
    }
    return Optional.empty();
  }

  /**
   * Lists the readable article files under the given paths, recursively, in a stable order. Paths
   * that cannot be read become rejections; symbolic-link loops are not followed.
   */
  public static List<Input> list(List<Path> paths, List<Rejection> problems) {
    List<Input> inputs = new ArrayList<>();
    for (Path root : paths) {
      if (!Files.exists(root)) {
        problems.add(new Rejection(root.toString(), 0, "no such file or directory"));
      } else if (Files.isDirectory(root)) {
        walk(root, inputs, problems);
      } else if (sourceFor(root).isEmpty()) {
        problems.add(new Rejection(root.toString(), 0, "unsupported file type (use .jsonl, .json, .txt, .md or .html)"));
      } else {
        inputs.add(new Input(root, root.toString(), root.getFileName().toString(), sizeOf(root)));
      }
    }
    return inputs;
  }

  private static void walk(Path root, List<Input> inputs, List<Rejection> problems) {
    List<Input> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && sourceFor(file).isPresent()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                found.add(new Input(file, file.toString(), relative, attrs.size()));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(new Rejection(file.toString(), 0, describe(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(new Rejection(root.toString(), 0, describe(e)));
    }
    found.sort((a, b) -> a.defaultId().compareTo(b.defaultId()));
    inputs.addAll(found);
  }

  /** A short reason for an unreadable path, without the exception class. */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemLoopException) {
      return "symbolic link loop, not followed";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
