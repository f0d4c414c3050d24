package loupe.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import loupe.entities.ArticleEntities;
import loupe.entities.EntityType;
import loupe.entities.Mention;
import loupe.index.ArticleDocuments;
import loupe.index.IndexedArticle;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * What a reader sees in the facet lists of an index, reduced to the suspicious parts: the top values of each
 * facet, values that differ only by accents, case or hyphens, one-word person values, and countries that rest
 * on a single mention (with the words that gave them). Run it before claiming an entity rule works.
 */
public final class EntityAudit {
  private EntityAudit() {}

  /** Counts of one index: facet values per dimension and single-clue countries by the word that gave them. */
  record Tally(Map<String, Map<String, Integer>> values, Map<String, Integer> singleClues, int documents) {}

  /** Prints the audit of the index at {@code indexDir}, {@code top} rows a list; 2 when there is no index. */
  public static int run(Path indexDir, int top, PrintStream out) {
    if (!Files.isDirectory(indexDir)) {
      out.println("No index at " + indexDir + " (build one with ./loupe index --index " + indexDir + " FILES)");
      return 2;
    }
    Tally t;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      t = tally(reader);
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      out.println("No index at " + indexDir + " (build one with ./loupe index --index " + indexDir + " FILES)");
      return 2;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the index at " + indexDir, e);
    }
    print(t, top, out);
    return 0;
  }

  static Tally tally(DirectoryReader reader) throws IOException {
    Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
    for (String dim : List.of("person", "country", "organization")) {
      values.put(dim, new HashMap<>());
    }
    Map<String, Integer> singleClues = new HashMap<>();
    int docs = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      for (int d = 0; d < r.maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        docs++;
        IndexedArticle a = ArticleDocuments.fromDocument(stored.document(d));
        ArticleEntities e = a.entities();
        e.persons().forEach(v -> values.get("person").merge(v, 1, Integer::sum));
        e.countries().forEach(v -> values.get("country").merge(v, 1, Integer::sum));
        e.organizations().forEach(v -> values.get("organization").merge(v, 1, Integer::sum));
        countSingleClues(a, singleClues);
      }
    }
    return new Tally(values, singleClues, docs);
  }

  /** A country named by one body mention only, and not in the title: the clue is printed as « word → country ». */
  private static void countSingleClues(IndexedArticle a, Map<String, Integer> singleClues) {
    Map<String, List<Mention>> byCountry = new HashMap<>();
    for (Mention m : a.entities().mentions()) {
      if (m.type() == EntityType.COUNTRY) {
        byCountry.computeIfAbsent(m.canonical(), k -> new ArrayList<>()).add(m);
      }
    }
    String title = fold(a.article().title() == null ? "" : a.article().title());
    for (Map.Entry<String, List<Mention>> c : byCountry.entrySet()) {
      if (c.getValue().size() == 1) {
        String clue = c.getValue().get(0).text();
        if (!title.contains(fold(clue))) {
          singleClues.merge(clue + " → " + c.getKey(), 1, Integer::sum);
        }
      }
    }
  }

  static void print(Tally t, int top, PrintStream out) {
    out.printf(Locale.ROOT, "== Entity audit: %d articles%n", t.documents());
    for (Map.Entry<String, Map<String, Integer>> dim : t.values().entrySet()) {
      Map<String, Integer> counts = dim.getValue();
      long five = counts.values().stream().filter(c -> c >= 5).count();
      out.printf(Locale.ROOT, "%n-- %s: %d distinct values, %d in 5 articles or more; top %d%n",
          dim.getKey(), counts.size(), five, top);
      printTop(counts, top, Function.identity(), out);
    }
    out.printf(Locale.ROOT, "%n-- values that differ only by accents, case or hyphens%n");
    int twins = 0;
    for (Map.Entry<String, Map<String, Integer>> dim : t.values().entrySet()) {
      for (List<String> group : twins(dim.getValue())) {
        twins++;
        if (twins <= top) {
          StringBuilder line = new StringBuilder(dim.getKey()).append(":");
          for (String v : group) {
            line.append(" « ").append(v).append(" » ").append(dim.getValue().get(v));
          }
          out.println(line);
        }
      }
    }
    out.printf(Locale.ROOT, "twin groups: %d%n", twins);
    Map<String, Integer> single = new HashMap<>();
    t.values().get("person").forEach((v, c) -> {
      if (!v.contains(" ")) {
        single.put(v, c);
      }
    });
    out.printf(Locale.ROOT, "%n-- one-word person values: %d; top %d%n", single.size(), top);
    printTop(single, top, Function.identity(), out);
    out.printf(Locale.ROOT, "%n-- countries from a single body mention (clue → country), top %d%n", top);
    printTop(t.singleClues(), top, Function.identity(), out);
  }

  /** Groups of two or more values with the same accent-, case- and hyphen-folded key, most frequent group first. */
  static List<List<String>> twins(Map<String, Integer> counts) {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (String v : counts.keySet()) {
      byKey.computeIfAbsent(fold(v), k -> new ArrayList<>()).add(v);
    }
    List<List<String>> groups = new ArrayList<>();
    for (List<String> g : byKey.values()) {
      if (g.size() > 1) {
        g.sort(Comparator.comparingInt((String v) -> -counts.get(v)).thenComparing(Comparator.naturalOrder()));
        groups.add(g);
      }
    }
    groups.sort(Comparator.comparingInt((List<String> g) -> -g.stream().mapToInt(counts::get).sum()));
    return groups;
  }

  private static <K> void printTop(Map<K, Integer> counts, int top, Function<K, String> label, PrintStream out) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<K, Integer>comparingByValue().reversed().thenComparing(e -> label.apply(e.getKey())))
        .limit(top)
        .forEach(e -> out.printf(Locale.ROOT, "%6d  %s%n", e.getValue(), label.apply(e.getKey())));
  }

  /** Accents, case and hyphens removed: the key under which a reader would take two values for one. */
  static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return d.toLowerCase(Locale.ROOT).replace('-', ' ').replace('’', '\'').replaceAll("\\s+", " ").trim();
  }
}
