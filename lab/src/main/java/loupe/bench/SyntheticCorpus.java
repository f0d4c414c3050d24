package loupe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loupe.ingest.JsonLines;

/**
 * A corpus of any size made from the real articles, for the scale benchmark: new ids, dates spread
 * over twenty years, bodies recombined from the sentences of two articles, and a few words spliced
 * into new ones so the vocabulary keeps growing with the corpus, as a real one does, instead of
 * stopping at the real articles' words. Deterministic for a given seed.
 */
final class SyntheticCorpus {

  /** Articles a file; many files let a reader see progress and keep each file small. */
  private static final int PER_FILE = 50_000;
  /** Share of the longer words replaced by a splice of two words of the same article. */
  private static final double SPLICE_RATE = 0.02;
  private static final LocalDate FIRST_DAY = LocalDate.of(2005, 1, 1);
  private static final int DAYS = 20 * 365;
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Source(String title, String[] sentences, String url, String source, String category) {}

  private SyntheticCorpus() {}

  /** Writes {@code articles} synthetic articles as JSON Lines files in {@code dir}; returns the files. */
  static List<Path> write(List<Path> realFiles, long articles, Path dir, long seed) throws IOException {
    List<Source> sources = read(realFiles);
    Files.createDirectories(dir);
    Random random = new Random(seed);
    List<Path> files = new ArrayList<>();
    BufferedWriter out = null;
    try {
      for (long i = 0; i < articles; i++) {
        if (i % PER_FILE == 0) {
          if (out != null) {
            out.close();
          }
          Path file = dir.resolve(String.format("synthetic-%03d.jsonl", i / PER_FILE));
          files.add(file);
          out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        out.write(JSON.writeValueAsString(article(i, sources, random)));
        out.write('\n');
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
    return files;
  }

  private static ObjectNode article(long i, List<Source> sources, Random random) {
    Source a = sources.get((int) (i % sources.size()));
    Source b = sources.get(random.nextInt(sources.size()));
    // The first copy of each real article stays as it was; later copies are recombined and mutated.
    boolean original = i < sources.size();
    StringBuilder body = new StringBuilder();
    int cut = original ? a.sentences().length : Math.max(1, a.sentences().length / 2);
    for (int s = 0; s < cut; s++) {
      body.append(a.sentences()[s]).append(' ');
    }
    if (!original) {
      for (int s = b.sentences().length / 2; s < b.sentences().length; s++) {
        body.append(b.sentences()[s]).append(' ');
      }
    }
    String text = original ? body.toString().strip() : splice(body.toString().strip(), random);
    ObjectNode node = JSON.createObjectNode();
    node.put("id", String.format("syn-%08d", i));
    node.put("title", original ? a.title() : splice(a.title(), random));
    node.put("body", text);
    node.put("date", FIRST_DAY.plusDays(random.nextInt(DAYS)).toString());
    if (a.url() != null) {
      node.put("url", a.url() + "#" + i);
    }
    if (a.source() != null) {
      node.put("source", a.source());
    }
    if (a.category() != null) {
      node.put("category", a.category());
    }
    return node;
  }

  /** Replaces a few longer words by the head of one word and the tail of another of the same text. */
  private static String splice(String text, Random random) {
    String[] words = text.split(" ");
    for (int w = 0; w < words.length; w++) {
      if (words[w].length() >= 6 && random.nextDouble() < SPLICE_RATE) {
        String other = words[random.nextInt(words.length)];
        if (other.length() >= 4 && Character.isLetter(other.charAt(other.length() - 1))) {
          String head = words[w].substring(0, words[w].length() / 2);
          if (head.chars().allMatch(Character::isLetter)) {
            words[w] = head + other.substring(other.length() / 2);
          }
        }
      }
    }
    return String.join(" ", words);
  }

  private static List<Source> read(List<Path> files) throws IOException {
    List<Source> sources = new ArrayList<>();
    for (Path file : files) {
      JsonLines.forEach(file, n -> {
        if (n.hasNonNull("body")) {
          sources.add(new Source(n.path("title").asText(""), n.get("body").asText().split("(?<=[.!?])\\s+"),
              text(n, "url"), text(n, "source"), text(n, "category")));
        }
      });
    }
    return sources;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
