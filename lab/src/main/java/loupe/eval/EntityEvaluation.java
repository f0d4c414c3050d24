package loupe.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import loupe.entities.ArticleEntities;
import loupe.entities.EntityExtractor;
import loupe.entities.EntityType;
import loupe.entities.Extractors;
import loupe.entities.Mention;
import loupe.ingest.JsonLines;

/**
 * Prints how good and how fast the entity extractor is on the shared labelled data, with the metric
 * definitions of {@code shared/tools/score_facets.py} and {@code score_spans.py}, so both can be cross-checked.
 */
public final class EntityEvaluation {
  private EntityEvaluation() {}

  /** Runs the evaluations on {@code sharedData} (the {@code shared/data} folder), without the validation set. */
  public static int run(Path sharedData, PrintStream out) {
    return run(sharedData, null, null, out);
  }

  /**
   * Runs every evaluation: dev facets, the validation set of {@code validation} (the project's
   * {@code lab/data/entities-validation}; skipped when null), facets as readers see them in an index of the whole
   * OrangeSum corpus ({@code readersIndex}, built when it holds no article; skipped when null), PER mentions and
   * speed. Always returns 0.
   */
  public static int run(Path sharedData, Path validation, Path readersIndex, PrintStream out) {
    Runtime rt = Runtime.getRuntime();
    long before = usedAfterGc(rt);
    EntityExtractor extractor = Extractors.standard();
    long lexiconBytes = usedAfterGc(rt) - before;
    facets(extractor, sharedData.resolve("facets-gold"), out);
    if (validation != null) {
      validation(extractor, sharedData.resolve("orangesum-news"), validation, out);
    }
    if (readersIndex != null) {
      asReadersSeeThem(sharedData, validation, readersIndex, out);
    }
    mentions(extractor, sharedData.resolve("ner-fr-news"), out);
    speed(extractor, lexiconBytes, sharedData.resolve("orangesum-news"), out);
    return 0;
  }

  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "../shared/data"), args.length > 1 ? Path.of(args[1]) : null,
        args.length > 2 ? Path.of(args[2]) : null, System.out);
  }

  // ---- validation set and facets as readers see them -------------------------------------------------

  /** The validation labels' articles, read from the corpus shards by id (the labels do not copy the texts). */
  private static Map<String, JsonNode> articlesById(Path corpus, Set<String> ids) {
    Map<String, JsonNode> found = new HashMap<>();
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(corpus, "articles-*.jsonl")) {
      for (Path shard : shards) {
        for (JsonNode a : readJsonLines(shard)) {
          if (ids.contains(a.path("id").asText())) {
            found.put(a.get("id").asText(), a);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + corpus, e);
    }
    return found;
  }

  private static void validation(EntityExtractor extractor, Path corpus, Path dir, PrintStream out) {
    Path gold = dir.resolve("facets-validation.jsonl");
    out.println("== Document-level facets, validation (" + gold + "), each article extracted on its own");
    if (!Files.isRegularFile(gold) || !Files.isDirectory(corpus)) {
      out.println("skipped: " + gold + " or " + corpus + " not found");
      return;
    }
    Map<String, JsonNode> golds = golds(gold);
    Map<String, ArticleEntities> predicted = new LinkedHashMap<>();
    articlesById(corpus, golds.keySet()).forEach((id, a) ->
        predicted.put(id, extractor.extract(a.path("title").asText(""), a.path("body").asText(""))));
    score(golds, predicted, out);
  }

  /**
   * Indexes the whole public corpus (unless {@code indexDir} already holds it) and scores the facets the index
   * gives back for the dev and validation articles: what a reader ticking a facet gets, corpus knowledge included.
   */
  private static void asReadersSeeThem(Path sharedData, Path validation, Path indexDir, PrintStream out) {
    Path corpus = sharedData.resolve("orangesum-news");
    out.println("== Facets as readers see them: index of " + corpus + " at " + indexDir);
    if (!Files.isDirectory(corpus)) {
      out.println("skipped: " + corpus + " not found");
      return;
    }
    try (loupe.Loupe index = loupe.Loupe.open(indexDir)) {
      if (index.count() == 0) {
        List<Path> shards = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(corpus, "articles-*.jsonl")) {
          files.forEach(shards::add);
        }
        shards.sort(null);
        long started = System.nanoTime();
        index.indexFiles(shards, loupe.IndexingProgress.NONE);
        out.printf(Locale.ROOT, "indexed %d articles in %.0f s%n", index.count(), (System.nanoTime() - started) / 1e9);
      } else {
        out.printf(Locale.ROOT, "reusing the %d articles already indexed there%n", index.count());
      }
      out.printf(Locale.ROOT, "corpus knowledge: %d surnames that stand for one person%n",
          index.corpusNames().surnameCount());
      List<Path> golds = new ArrayList<>(List.of(sharedData.resolve("facets-gold").resolve("facets-dev.jsonl")));
      if (validation != null) {
        golds.add(validation.resolve("facets-validation.jsonl"));
      }
      for (Path gold : golds) {
        if (!Files.isRegularFile(gold)) {
          out.println("skipped: " + gold + " not found");
          continue;
        }
        out.println("-- " + gold.getFileName() + ", read back from the index");
        Map<String, JsonNode> g = golds(gold);
        Map<String, ArticleEntities> predicted = new LinkedHashMap<>();
        for (String id : g.keySet()) {
          index.find(id).ifPresent(a -> predicted.put(id, a.entities()));
        }
        score(g, predicted, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("indexing " + corpus + " into " + indexDir, e);
    }
  }

  // ---- (a) document-level facets -------------------------------------------------------------------

  private static void facets(EntityExtractor extractor, Path dir, PrintStream out) {
    Path articles = dir.resolve("articles-dev.jsonl");
    Path gold = dir.resolve("facets-dev.jsonl");
    out.println("== Document-level facets, dev (" + dir + "), each article extracted on its own");
    if (!Files.isRegularFile(articles) || !Files.isRegularFile(gold)) {
      out.println("skipped: " + dir + "/articles-dev.jsonl or facets-dev.jsonl not found");
      return;
    }
    Map<String, ArticleEntities> predicted = new LinkedHashMap<>();
    for (JsonNode a : readJsonLines(articles)) {
      predicted.put(a.get("id").asText(), extractor.extract(a.path("title").asText(""), a.path("body").asText("")));
    }
    score(golds(gold), predicted, out);
  }

  /** Gold lines by id, in file order. */
  static Map<String, JsonNode> golds(Path gold) {
    Map<String, JsonNode> golds = new LinkedHashMap<>();
    for (JsonNode g : readJsonLines(gold)) {
      golds.put(g.get("id").asText(), g);
    }
    return golds;
  }

  /**
   * Prints the errors and micro precision/recall/F1 of persons and countries (and organisations when the gold has
   * them, compared folded) over the gold articles that have a prediction.
   */
  static void score(Map<String, JsonNode> golds, Map<String, ArticleEntities> predicted, PrintStream out) {
    Map<String, String> nameToCode = new HashMap<>();
    boolean organisations = false;
    for (JsonNode g : golds.values()) {
      organisations |= g.has("organizations");
      for (String field : List.of("countries", "countries_optional")) {
        for (JsonNode c : g.path(field)) {
          nameToCode.put(fold(c.get("name").asText()), c.get("code").asText());
        }
      }
    }
    int pt = 0, pfp = 0, pfn = 0, ct = 0, cfp = 0, cfn = 0, ot = 0, ofp = 0, ofn = 0, docs = 0;
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : golds.entrySet()) {
      String id = entry.getKey();
      JsonNode g = entry.getValue();
      ArticleEntities e = predicted.get(id);
      if (e == null) {
        continue;
      }
      docs++;
      Set<String> gp = foldAll(g.path("persons"));
      Set<String> amb = foldAll(g.path("persons_ambiguous"));
      Set<String> pp = new LinkedHashSet<>();
      e.persons().forEach(p -> pp.add(fold(p)));
      Set<String> tp = intersect(gp, pp);
      Set<String> fp = minus(minus(pp, gp), amb);
      Set<String> fn = minus(gp, pp);
      pt += tp.size();
      pfp += fp.size();
      pfn += fn.size();

      Set<String> gc = new TreeSet<>();
      g.path("countries").forEach(c -> gc.add(c.get("code").asText().toUpperCase(Locale.ROOT)));
      Set<String> opt = new TreeSet<>();
      g.path("countries_optional").forEach(c -> opt.add(c.get("code").asText().toUpperCase(Locale.ROOT)));
      Set<String> pc = predictedCountries(e, nameToCode);
      Set<String> cfpSet = minus(minus(pc, gc), opt);
      Set<String> cfnSet = minus(gc, pc);
      ct += intersect(gc, pc).size();
      cfp += cfpSet.size();
      cfn += cfnSet.size();
      Set<String> ofpSet = Set.of();
      Set<String> ofnSet = Set.of();
      if (organisations) {
        Set<String> go = foldAll(g.path("organizations"));
        Set<String> po = new LinkedHashSet<>();
        e.organizations().forEach(o -> po.add(fold(o)));
        ot += intersect(go, po).size();
        ofpSet = minus(po, go);
        ofnSet = minus(go, po);
        ofp += ofpSet.size();
        ofn += ofnSet.size();
      }
      if (!fp.isEmpty() || !fn.isEmpty() || !cfpSet.isEmpty() || !cfnSet.isEmpty() || !ofpSet.isEmpty()) {
        errors.add(id + ": person miss " + new TreeSet<>(fn) + " extra " + new TreeSet<>(fp)
            + " | country miss " + cfnSet + " extra " + cfpSet
            + (organisations ? " | organisation extra " + new TreeSet<>(ofpSet) : ""));
      }
    }
    errors.forEach(out::println);
    out.printf(Locale.ROOT, "docs=%d persons %s | countries %s%s%n", docs, prf(pt, pfp, pfn), prf(ct, cfp, cfn),
        organisations ? " | organisations " + prf(ot, ofp, ofn) : "");
  }

  /** Country keys as score_facets.py builds them: mention codes, else the gold's names, else the folded name. */
  private static Set<String> predictedCountries(ArticleEntities e, Map<String, String> nameToCode) {
    Map<String, String> mentionCodes = new HashMap<>();
    for (Mention m : e.mentions()) {
      if (m.type() == EntityType.COUNTRY && m.code() != null) {
        mentionCodes.put(fold(m.canonical()), m.code());
      }
    }
    Set<String> keys = new TreeSet<>();
    for (String c : e.countries()) {
      String name = fold(c);
      String code = mentionCodes.getOrDefault(name, nameToCode.get(name));
      keys.add(code != null ? code.toUpperCase(Locale.ROOT) : name);
    }
    return keys;
  }

  // ---- (b) mention-level PER on historical newspapers ------------------------------------------------

  private record GoldToken(String text, char bio, boolean person, boolean noSpaceAfter) {}

  private record Doc(String id, List<GoldToken> tokens) {}

  /** Exact-span hits, false hits and misses, summed over documents. */
  record SpanCounts(int tp, int fp, int fn) {
    SpanCounts plus(SpanCounts o) {
      return new SpanCounts(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    /** The figures as score_spans.py prints them. */
    String line() {
      return String.format(Locale.ROOT, "gold=%d pred=%d PER %s", tp + fn, tp + fp, prf(tp, fp, fn));
    }
  }

  private static void mentions(EntityExtractor extractor, Path dir, PrintStream out) {
    out.println("== Mention-level PER, exact spans (" + dir + ")");
    String[][] sets = {
      {"hipe2020-fr", "hipe2020-fr/hipe2020-fr.dev.tsv"},
      {"letemps-fr", "letemps-fr/letemps-fr.dev.tsv"},
      {"europeana-bnf-fr", "europeana-bnf-fr/enp_FR.bnf.dev.bio"}
    };
    for (String[] set : sets) {
      Path file = dir.resolve(set[1]);
      if (!Files.isRegularFile(file)) {
        out.println("skipped: " + file + " not found");
        continue;
      }
      List<Doc> docs = set[1].endsWith(".tsv") ? readHipe(file) : readBio(file);
      Map<SpanConvention, SpanCounts> counts = new EnumMap<>(SpanConvention.class);
      for (SpanConvention c : SpanConvention.values()) {
        counts.put(c, new SpanCounts(0, 0, 0));
      }
      for (Doc d : docs) {
        StringBuilder text = new StringBuilder();
        int[][] offsets = new int[d.tokens().size()][];
        for (int k = 0; k < d.tokens().size(); k++) {
          GoldToken t = d.tokens().get(k);
          offsets[k] = new int[] {text.length(), text.length() + t.text().length()};
          text.append(t.text());
          if (!t.noSpaceAfter()) {
            text.append(' ');
          }
        }
        List<List<Integer>> gold = new ArrayList<>();
        Integer start = null;
        for (int k = 0; k <= d.tokens().size(); k++) {
          char bio = k < d.tokens().size() ? d.tokens().get(k).bio() : 'O';
          if (start != null && bio != 'I') {
            gold.add(List.of(start, k));
            start = null;
          }
          if (bio == 'B') {
            start = k;
          }
        }
        List<List<Integer>> pred = new ArrayList<>();
        for (Mention m : extractor.extract("", text.toString()).mentions()) {
          if (m.type() != EntityType.PERSON) {
            continue;
          }
          int first = -1, last = -1;
          for (int k = 0; k < offsets.length; k++) {
            if (offsets[k][0] < m.end() && offsets[k][1] > m.start()) {
              if (first < 0) {
                first = k;
              }
              last = k;
            }
          }
          if (first >= 0) {
            pred.add(List.of(first, last + 1));
          }
        }
        List<String> words = d.tokens().stream().map(GoldToken::text).toList();
        for (SpanConvention c : SpanConvention.values()) {
          counts.merge(c, score(words, gold, pred, c), SpanCounts::plus);
        }
      }
      out.printf(Locale.ROOT, "%-17s docs=%d %s%n", set[0], docs.size(),
          counts.get(SpanConvention.TITLES_OUT).line());
      // A diagnostic of the sets' disagreement on ranks and appositions, not the figure to meet.
      out.println("  roles and appositions left out of both spans: "
          + counts.get(SpanConvention.ROLES_AND_APPOSITIONS_OUT).line());
    }
  }

  /** Scores one document's {@code [start, end)} token spans, both sides trimmed by {@code convention} first. */
  static SpanCounts score(List<String> tokens, List<List<Integer>> gold, List<List<Integer>> pred,
      SpanConvention convention) {
    Set<List<Integer>> g = trimAll(tokens, gold, convention);
    Set<List<Integer>> p = trimAll(tokens, pred, convention);
    Set<List<Integer>> hit = intersect(g, p);
    return new SpanCounts(hit.size(), p.size() - hit.size(), g.size() - hit.size());
  }

  private static Set<List<Integer>> trimAll(List<String> tokens, List<List<Integer>> spans, SpanConvention c) {
    Set<List<Integer>> out = new LinkedHashSet<>();
    for (List<Integer> span : spans) {
      List<Integer> t = c.trim(tokens, span.get(0), span.get(1));
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** HIPE-2022 TSV: one token a line, `# key = value` comments, NoSpaceAfter in the MISC column. */
  private static List<Doc> readHipe(Path file) {
    List<Doc> docs = new ArrayList<>();
    List<GoldToken> cur = null;
    for (String line : readLines(file)) {
      if (line.isEmpty() || line.startsWith("TOKEN\t")) {
        continue;
      }
      if (line.startsWith("#") && line.indexOf('\t') < 0) {
        if (line.contains("document_id")) {
          cur = new ArrayList<>();
          docs.add(new Doc(line.substring(line.indexOf('=') + 1).strip(), cur));
        }
        continue;
      }
      String[] cols = line.split("\t", -1);
      String tag = cols[1];
      boolean per = tag.endsWith("pers");
      cur.add(new GoldToken(cols[0], per ? tag.charAt(0) : 'O', per, cols[cols.length - 1].contains("NoSpaceAfter")));
    }
    return docs;
  }

  /** Europeana BIO (IOB1-like): `token TAG` lines, cut into documents of about 250 tokens at a full stop. */
  private static List<Doc> readBio(Path file) {
    List<Doc> docs = new ArrayList<>();
    List<GoldToken> toks = new ArrayList<>();
    boolean prevPer = false;
    for (String line : readLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      int sp = line.lastIndexOf(' ');
      String tok = sp >= 0 ? line.substring(0, sp) : line;
      String tag = sp >= 0 ? line.substring(sp + 1) : "O";
      boolean per = tag.endsWith("PER");
      char bio = per ? (prevPer ? 'I' : 'B') : 'O';
      prevPer = per;
      toks.add(new GoldToken(tok, bio, per, tok.endsWith("'") || tok.endsWith("’")));
      if (tok.equals(".") && toks.size() >= 250) {
        docs.add(new Doc(String.format(Locale.ROOT, "enp-%04d", docs.size()), toks));
        toks = new ArrayList<>();
        prevPer = false;
      }
    }
    if (!toks.isEmpty()) {
      docs.add(new Doc(String.format(Locale.ROOT, "enp-%04d", docs.size()), toks));
    }
    return docs;
  }

  // ---- (c) speed and heap -------------------------------------------------------------------------------

  private static void speed(EntityExtractor extractor, long lexiconBytes, Path dir, PrintStream out) {
    out.println("== Extraction speed, one thread (" + dir + ")");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "articles-*.jsonl")) {
        ds.forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("listing " + dir, e);
      }
    }
    if (files.isEmpty()) {
      out.println("skipped: " + dir + "/articles-*.jsonl not found");
      return;
    }
    files.sort(null);
    Runtime rt = Runtime.getRuntime();
    // Warm up the JIT on the first shard so the timing measures steady-state extraction.
    List<String[]> warm = readArticles(files.get(0));
    for (int r = 0; r < 2; r++) {
      for (String[] a : warm) {
        extractor.extract(a[0], a[1]);
      }
    }
    warm = null;
    long articles = 0, chars = 0, bytes = 0, nanos = 0, sink = 0, peak = 0;
    for (Path f : files) {
      List<String[]> batch = readArticles(f);
      long t0 = System.nanoTime();
      for (String[] a : batch) {
        sink += extractor.extract(a[0], a[1]).mentions().size();
      }
      nanos += System.nanoTime() - t0;
      for (String[] a : batch) {
        articles++;
        chars += a[0].length() + a[1].length();
        bytes += a[0].getBytes(StandardCharsets.UTF_8).length + a[1].getBytes(StandardCharsets.UTF_8).length;
      }
      peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
    }
    double secs = nanos / 1e9;
    out.printf(Locale.ROOT, "articles=%d text=%.1f MB (title+body) time=%.2f s -> %.0f articles/s, %.2f MB/s (%d mentions)%n",
        articles, bytes / 1e6, secs, articles / secs, bytes / 1e6 / secs, sink);
    out.printf(Locale.ROOT, "heap: extractor and lexicons %.1f MB retained; %.1f MB used after GC at the end; "
        + "peak %.0f MB including the shard being read (%d chars/article on average)%n",
        lexiconBytes / 1e6, usedAfterGc(rt) / 1e6, peak / 1e6, articles == 0 ? 0 : chars / articles);
  }

  private static long usedAfterGc(Runtime rt) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static List<String[]> readArticles(Path file) {
    List<String[]> out = new ArrayList<>();
    for (JsonNode a : readJsonLines(file)) {
      out.add(new String[] {a.path("title").asText(""), a.path("body").asText("")});
    }
    return out;
  }

  // ---- shared -----------------------------------------------------------------------------------------

  /** Folds as score_facets.py does: NFKD, no accents, lower case, hyphens/dots/apostrophes as spaces. */
  static String fold(String s) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK
          || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      b.append(c == '-' || c == '.' || c == '\'' || c == '’' ? ' ' : c);
    }
    return String.join(" ", b.toString().toLowerCase(Locale.ROOT).trim().split("\\s+"));
  }

  private static Set<String> foldAll(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(x -> out.add(fold(x.asText())));
    return out;
  }

  private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
    Set<T> out = new LinkedHashSet<>(a);
    out.retainAll(b);
    return out;
  }

  private static <T> Set<T> minus(Set<T> a, Set<T> b) {
    Set<T> out = new LinkedHashSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static String prf(int tp, int fp, int fn) {
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f", p, r, f);
  }

  private static List<JsonNode> readJsonLines(Path file) {
    try {
      return JsonLines.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  private static List<String> readLines(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }
}
