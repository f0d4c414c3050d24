package loupe.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.ingest.IngestReport;

/**
 * The entry point of the child JVMs the benchmarks start (see {@link ChildJvm}): each mode does one
 * job in a fresh JVM under the heap limit it was given and exits 0 when the job worked.
 */
public final class BenchChild {

  private BenchChild() {}

  /**
   * Modes: {@code index-loupe INDEX FILE...}, {@code index-plain INDEX THREADS FILE...},
   * {@code load-plain INDEX DATA_DIR THREADS REQUESTS MAX_SECONDS}, {@code first-query-plain INDEX QUERY}.
   */
  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  static int run(String[] args) throws Exception {
    String mode = args[0];
    Path index = Path.of(args[1]);
    switch (mode) {
      case "index-loupe" -> {
        List<Path> files = List.of(args).subList(2, args.length).stream().map(Path::of).toList();
        try (Loupe loupe = Loupe.open(index)) {
          IngestReport report = loupe.indexFiles(files, IndexingProgress.NONE);
          System.out.println("indexed " + report.indexed());
          return report.indexed() > 0 ? 0 : 3;
        }
      }
      case "index-plain" -> {
        List<Path> files = List.of(args).subList(3, args.length).stream().map(Path::of).toList();
        PlainLuceneIndexer.Result r = PlainLuceneIndexer.index(files, index, Integer.parseInt(args[2]), 128);
        System.out.println("indexed " + r.articles());
        return r.articles() > 0 ? 0 : 3;
      }
      case "load-plain" -> {
        List<String> queries = new BenchInput(Path.of(args[2])).queries().orElseThrow();
        try (PlainLuceneSearcher plain = PlainLuceneSearcher.open(index)) {
          int requests = Integer.parseInt(args[4]);
          Latencies l = LoadRun.run(queries, Integer.parseInt(args[3]), requests, Double.parseDouble(args[5]),
              t -> (q, i) -> plain.search(q).hits() >= 0);
          System.out.printf(Locale.ROOT, "requests %d errors %d qps %.0f%n", l.count(), l.errors(), l.qps());
          return l.errors() == 0 && l.count() == requests ? 0 : 4;
        }
      }
      case "first-query-plain" -> {
        try (PlainLuceneSearcher plain = PlainLuceneSearcher.open(index)) {
          System.out.println("answered " + plain.search(args[2]).total());
          return 0;
        }
      }
      default -> {
        System.err.println("unknown mode " + mode);
        return 2;
      }
    }
  }
}
