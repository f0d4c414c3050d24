package loupe.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import loupe.ingest.JsonLines;

/**
 * The shared benchmark input: the article files of {@code orangesum-news} and the keyword queries.
 * Absent data is a normal case (a fresh clone), so lookups return empty and say what is missing.
 *
 * @param data the folder holding {@code orangesum-news/} and {@code queries/}
 */
record BenchInput(Path data) {

  static final String ARTICLES = "orangesum-news";
  static final String QUERIES = "queries/keyword-queries.jsonl";

  /** The article files, sorted; empty when the folder holds none. */
  public Optional<List<Path>> articleFiles() {
    Path dir = data.resolve(ARTICLES);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().matches("articles-.*\\.jsonl")).sorted().toList();
      return found.isEmpty() ? Optional.empty() : Optional.of(found);
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }

  /** The query texts, in file order; empty when the file is absent. */
  public Optional<List<String>> queries() {
    Path file = data.resolve(QUERIES);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> queries = new ArrayList<>();
    try {
      JsonLines.forEach(file, node -> queries.add(node.path("query").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    return Optional.of(List.copyOf(queries));
  }

  /** What a benchmark does once its articles, queries and scratch folder are there. */
  interface WithInput {
    int run(List<Path> articleFiles, List<String> queries, Path work) throws Exception;
  }

  /**
   * Runs a benchmark that needs the articles and the queries: prints the « skipped » line (and
   * returns 0) when either is absent; a scratch folder of its own is deleted afterwards.
   *
   * @param work the folder given with --work, kept afterwards, or null for a temporary one
   */
  static int withArticlesAndQueries(Path data, Path work, String name, PrintWriter out, WithInput bench)
      throws Exception {
    BenchInput input = new BenchInput(data);
    Optional<List<Path>> files = input.articleFiles();
    Optional<List<String>> queries = input.queries();
    if (files.isEmpty() || queries.isEmpty()) {
      out.println(input.skipped(files.isEmpty() ? ARTICLES : QUERIES));
      out.flush();
      return 0;
    }
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("loupe-bench-" + name);
    try {
      return bench.run(files.get(), queries.get(), dir);
    } finally {
      if (work == null) {
        deleteTree(dir);
      }
    }
  }

  /** The line a benchmark prints instead of figures when its input is missing. */
  public String skipped(String what) {
    return "skipped: " + data.resolve(what) + " not found";
  }

  /** Total size of the files in bytes. */
  public static long bytes(List<Path> files) {
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the size of " + f, e);
      }
    }
    return total;
  }

  /** Bytes used by the files under {@code dir}: the size of an index. */
  public static long directoryBytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // a segment file merged away while we walked
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("measuring " + dir, e);
    }
  }

  /** Deletes a scratch folder and everything under it. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException("deleting " + p, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + dir, e);
    }
  }
}
