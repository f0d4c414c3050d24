package loupe.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.Loupe;
import loupe.entities.ArticleEntities;
import loupe.index.IndexedArticle;

/**
 * Whether two indexes of one corpus give every article the same facets: the check that indexing in several runs,
 * or in another order, changes nothing a reader sees (issue 17). Prints the articles that differ (the first ten)
 * and their count. Run from the jar:
 * {@code java -cp loupe-*-all.jar loupe.eval.FacetDiff INDEX_A INDEX_B}; exits 1 when an article differs.
 */
public final class FacetDiff {
  private static final int SHOWN = 10;

  private FacetDiff() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java -cp loupe-*-all.jar loupe.eval.FacetDiff INDEX_A INDEX_B");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out) == 0 ? 0 : 1);
  }

  /** Prints the differences and returns how many articles differ (an article missing from one side counts). */
  static int run(Path a, Path b, PrintStream out) throws IOException {
    Map<String, List<List<String>>> left = facets(a);
    Map<String, List<List<String>>> right = facets(b);
    int differ = 0;
    for (Map.Entry<String, List<List<String>>> e : left.entrySet()) {
      List<List<String>> other = right.get(e.getKey());
      if (!e.getValue().equals(other)) {
        if (differ++ < SHOWN) {
          out.println(e.getKey() + "\n  " + a + ": " + e.getValue() + "\n  " + b + ": " + other);
        }
      }
    }
    for (String id : right.keySet()) {
      if (!left.containsKey(id) && differ++ < SHOWN) {
        out.println(id + ": only in " + b);
      }
    }
    out.printf("%d of %d articles have other facets (persons, countries, organisations)%n", differ, left.size());
    return differ;
  }

  private static Map<String, List<List<String>>> facets(Path index) throws IOException {
    Map<String, List<List<String>>> out = new HashMap<>();
    try (Loupe loupe = Loupe.openReadOnly(index)) {
      loupe.export(indexed -> out.put(indexed.article().id(), facets(indexed)));
    }
    return out;
  }

  private static List<List<String>> facets(IndexedArticle indexed) {
    ArticleEntities e = indexed.entities();
    return List.of(e.persons(), e.countries(), e.organizations());
  }
}
