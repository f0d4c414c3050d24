package loupe.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import loupe.entities.ArticleEntities;
import loupe.entities.CorpusNames;
import loupe.entities.EntityExtractor;
import loupe.entities.Extractors;
import loupe.entities.NameEvidence;

/**
 * How much heap the corpus knowledge takes and how it grows with the corpus, for the issue 17 target (the knowledge
 * of a 1M-article index in ≤ 100 MB): learns from growing shuffled samples of a corpus and prints, for each, the
 * entries kept and the heap they retain, and the counts learning reads (transient). Run from the jar:
 * {@code java -cp loupe-*-all.jar loupe.eval.KnowledgeFootprint ../shared/data/orangesum-news}.
 */
public final class KnowledgeFootprint {
  private KnowledgeFootprint() {}

  public static void main(String[] args) throws IOException {
    run(Path.of(args.length > 0 ? args[0] : "../shared/data/orangesum-news"), System.out);
  }

  static void run(Path corpus, PrintStream out) throws IOException {
    EntityExtractor extractor = Extractors.standard();
    ObjectMapper json = new ObjectMapper();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(corpus, "articles-*.jsonl")) {
      ds.forEach(files::add);
    }
    files.sort(null);
    List<ArticleEntities> articles = new ArrayList<>();
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        JsonNode a = json.readTree(line);
        ArticleEntities e = extractor.extract(a.path("title").asText(""), a.path("body").asText(""));
        articles.add(new ArticleEntities(List.of(), List.of(), List.of(), List.of(), e.personEvidence(),
            e.personSpellings()));
      }
    }
    // Shuffled, so that a sample mixes periods as a large index does; fixed seed.
    Collections.shuffle(articles, new Random(7));
    out.println("articles  full-names  person-values  counts-bytes  surnames  value-spellings  knowledge-bytes  B/entry");
    for (int n = 4_000; ; n = Math.min(n * 2, articles.size())) {
      long before = usedAfterGc();
      Sample sample = learn(articles.subList(0, n), before);
      // The counts are unreachable now: what stays is the knowledge a server keeps.
      long kept = usedAfterGc() - before;
      CorpusNames names = sample.names();
      out.printf(Locale.ROOT, "%8d  %10d  %13d  %12d  %8d  %15d  %15d  %7.0f%n", n, sample.fullNames(),
          sample.values(), sample.countsBytes(), names.surnameCount(), names.valueSpellingCount(), kept,
          (double) kept / Math.max(1, names.size()));
      if (n == articles.size()) {
        break;
      }
    }
  }

  private record Sample(CorpusNames names, int fullNames, int values, long countsBytes) {}

  private static Sample learn(List<ArticleEntities> articles, long before) {
    NameEvidence evidence = new NameEvidence();
    for (ArticleEntities e : articles) {
      // Fresh strings, as an index's doc values give them, so that the heap counted is the knowledge's own.
      e.personEvidence().forEach(s -> evidence.addFullName(new String(s.toCharArray()), 1));
      e.personSpellings().forEach(s -> evidence.addPersonValue(new String(s.toCharArray()), 1));
    }
    long counts = usedAfterGc() - before;
    return new Sample(evidence.learn(), evidence.fullNames().size(), evidence.personValues().size(), counts);
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
