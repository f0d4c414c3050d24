package loupe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: the index learns its people, and what it learns never depends on the order articles came in. */
class CorpusKnowledgeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Five articles name a minister in full; one says only « Dupontel »; the corpus spells Nuñez with a tilde. */
  private static List<Article> corpus() {
    List<Article> articles = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      articles.add(new Article("full-" + i, "Réforme n° " + i,
          "Le ministre Jean Dupontel a présenté mardi la réforme n° " + i + " devant les députés.", null, null, null));
    }
    articles.add(new Article("bare", "Critiques", "La politique de Dupontel est critiquée par la gauche.", null,
        null, null));
    for (int i = 1; i <= 3; i++) {
      articles.add(new Article("nunez-" + i, "Sécurité " + i,
          "Le préfet Laurent Nuñez a annoncé des renforts, jour " + i + ".", null, null, null));
    }
    articles.add(new Article("nunez-plain", "Sécurité", "Le préfet Laurent Nunez a parlé.", null, null, null));
    articles.addAll(twins());
    return articles;
  }

  /** Two spellings of one surname named after « M. » (no given name, so no strong evidence), and of a hyphen. */
  private static List<Article> twins() {
    return List.of(
        new Article("keita-1", "Enquête", "Selon M. Keïta, l'enquête avance.", null, null, null),
        new Article("keita-2", "Enquête", "Pour M. Keïta, rien ne presse.", null, null, null),
        new Article("keita-plain", "Enquête", "Selon M. Keita, rien de neuf.", null, null, null),
        new Article("ppda-1", "Télé", "Le journaliste Patrick Poivre d'Arvor a répondu.", null, null, null),
        new Article("ppda-2", "Télé", "Le journaliste Patrick Poivre-d'Arvor a parlé.", null, null, null));
  }

  /** Accents, case and hyphens folded: the key under which a reader takes two facet values for one. */
  private static String fold(String value) {
    return java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(java.util.Locale.ROOT).replace('-', ' ');
  }

  /** Every person value of the index, grouped by its folded key. */
  private static Map<String, java.util.Set<String>> valuesByKey(Map<String, List<String>> persons) {
    Map<String, java.util.Set<String>> byKey = new TreeMap<>();
    persons.values().forEach(values -> values.forEach(
        v -> byKey.computeIfAbsent(fold(v), k -> new java.util.TreeSet<>()).add(v)));
    return byKey;
  }

  private static void assertNoTwins(Map<String, List<String>> persons) {
    valuesByKey(persons).forEach((key, spellings) -> assertEquals(1, spellings.size(), key + ": " + spellings));
  }

  private static Map<String, List<String>> persons(Loupe loupe) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    for (Article a : corpus()) {
      IndexedArticle indexed = loupe.find(a.id()).orElseThrow();
      out.put(a.id(), indexed.entities().persons());
    }
    return out;
  }

  @Test
  void aSurnameAloneResolvesToThePersonTheCorpusNamesInFull(@TempDir Path dir) throws IOException {
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(corpus());
      Map<String, List<String>> persons = persons(loupe);
      assertEquals(List.of("Jean Dupontel"), persons.get("bare"));
      assertEquals(List.of("Laurent Nuñez"), persons.get("nunez-plain"));
    }
  }

  @Test
  void whatABatchTeachesRewritesOnlyTheArticlesItReadsDifferently(@TempDir Path dir) throws IOException {
    List<Article> first = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      // « Jean » is a word the next batch's knowledge changes, but these articles read the same with it.
      first.add(new Article("jean-" + i, "Roman " + i, "Le romancier Jean Giono écrivait en Provence, tome " + i + ".",
          null, null, null));
    }
    first.add(new Article("bare", "Critiques", "La politique de Dupontel est critiquée par la gauche.", null, null,
        null));
    for (int i = 1; i <= 40; i++) {
      // Enough unrelated articles that Lucene does not merge the rewritten ones' old copies away at once.
      first.add(new Article("weather-" + i, "Météo " + i, "Il pleuvra sur la Bretagne, jour " + i + ".", null, null, null));
    }
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(first);
      assertEquals(List.of(), loupe.find("bare").orElseThrow().entities().persons());
      loupe.index(corpus().subList(0, 5)); // five articles name the minister Jean Dupontel in full
      assertEquals(List.of("Jean Dupontel"), loupe.find("bare").orElseThrow().entities().persons());
      assertEquals(List.of("Jean Giono"), loupe.find("jean-1").orElseThrow().entities().persons());
    }
    // Only « bare » was written again: a rewritten article leaves its old copy in the term statistics until a merge.
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(d)) {
      assertEquals(50, reader.numDocs());
      assertEquals(1, reader.numDeletedDocs());
    }
  }

  @Test
  void filesIndexedInTwoRunsTeachTheArticlesOfTheFirstRunWhatTheSecondKnows(@TempDir Path dir) throws IOException {
    // A run of files learns from them before it writes (a first pass): what it learns must reach the articles
    // indexed by earlier runs too, not only its own.
    Path first = dir.resolve("first.jsonl");
    Path second = dir.resolve("second.jsonl");
    List<Article> corpus = corpus();
    writeJsonLines(first, corpus.subList(5, 6)); // « bare »: « La politique de Dupontel… »
    writeJsonLines(second, corpus.subList(0, 5)); // five articles name the minister Jean Dupontel in full
    try (Loupe loupe = Loupe.open(dir.resolve("index"))) {
      loupe.indexFiles(List.of(first), IndexingProgress.NONE);
      assertEquals(List.of(), loupe.find("bare").orElseThrow().entities().persons());
      loupe.indexFiles(List.of(second), IndexingProgress.NONE);
      assertEquals(List.of("Jean Dupontel"), loupe.find("bare").orElseThrow().entities().persons());
    }
  }

  private static void writeJsonLines(Path file, List<Article> articles) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Article a : articles) {
      lines.append(JSON.writeValueAsString(Map.of("id", a.id(), "title", a.title(), "body", a.body()))).append('\n');
    }
    java.nio.file.Files.writeString(file, lines);
  }

  @Test
  void noTwoPersonValuesDifferOnlyByAccentsCaseOrHyphens(@TempDir Path dir) throws IOException {
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(corpus());
      Map<String, List<String>> persons = persons(loupe);
      assertNoTwins(persons);
      // The spelling most articles carry wins, for a name given once and for a hyphen.
      assertEquals(List.of("Keïta"), persons.get("keita-plain"));
      assertEquals(persons.get("ppda-1"), persons.get("ppda-2"));
    }
  }

  @Test
  void aSpellingPostedOverHttpAfterTheFirstBatchTakesTheIndexSpellingAndCanChangeIt(@TempDir Path dir)
      throws Exception {
    List<Article> firstBatch = new ArrayList<>(corpus());
    Article plain = firstBatch.stream().filter(a -> a.id().equals("keita-plain")).findFirst().orElseThrow();
    firstBatch.remove(plain);
    try (Loupe loupe = Loupe.open(dir.resolve("after"))) {
      loupe.index(firstBatch);
      postOverHttp(loupe, List.of(plain));
      assertEquals(List.of("Keïta"), loupe.find("keita-plain").orElseThrow().entities().persons());
      assertNoTwins(persons(loupe));
    }
    // The other way round: the minority spelling is indexed first, the majority comes over HTTP and the article
    // indexed first takes the majority's spelling.
    try (Loupe loupe = Loupe.open(dir.resolve("before"))) {
      loupe.index(List.of(plain));
      assertEquals(List.of("Keita"), loupe.find("keita-plain").orElseThrow().entities().persons());
      postOverHttp(loupe, firstBatch);
      assertEquals(List.of("Keïta"), loupe.find("keita-plain").orElseThrow().entities().persons());
      assertNoTwins(persons(loupe));
    }
  }

  /** Posts each article on its own, as a client feeding the index one article at a time would. */
  private static void postOverHttp(Loupe loupe, List<Article> articles) throws Exception {
    String token = "knowledge-test-token";
    try (LoupeServer server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), token))) {
      for (Article a : articles) {
        post(server, token, a);
      }
    }
  }

  private static void post(LoupeServer server, String token, Article a) throws Exception {
    String body = JSON.writeValueAsString(Map.of("id", a.id(), "title", a.title(), "body", a.body()));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + "/api/documents")).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }


  @Test
  void oneCorpusIndexedInTwoOrdersGetsIdenticalFacets(@TempDir Path dir) throws IOException {
    List<Article> forward = corpus();
    List<Article> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    Map<String, List<String>> a;
    Map<String, List<String>> b;
    Map<String, List<String>> c;
    try (Loupe loupe = Loupe.open(dir.resolve("forward"))) {
      loupe.index(forward);
      a = persons(loupe);
    }
    try (Loupe loupe = Loupe.open(dir.resolve("backward"))) {
      loupe.index(backward);
      b = persons(loupe);
    }
    // Three batches, the bare surname first: the articles indexed before the knowledge existed are read again.
    try (Loupe loupe = Loupe.open(dir.resolve("batches"))) {
      loupe.index(backward.subList(0, 4));
      loupe.index(backward.subList(4, 7));
      loupe.index(backward.subList(7, backward.size()));
      c = persons(loupe);
    }
    // Files, forwards and backwards: the batch learns from a first pass over them before it extracts.
    Map<String, List<String>> d;
    Map<String, List<String>> e;
    try (Loupe loupe = Loupe.open(dir.resolve("files-forward"))) {
      loupe.indexFiles(List.of(jsonLines(dir.resolve("forward.jsonl"), forward)), IndexingProgress.NONE);
      d = persons(loupe);
    }
    try (Loupe loupe = Loupe.open(dir.resolve("files-backward"))) {
      loupe.indexFiles(List.of(jsonLines(dir.resolve("backward.jsonl"), backward)), IndexingProgress.NONE);
      e = persons(loupe);
    }
    assertEquals(a, b);
    assertEquals(a, c);
    assertEquals(a, d);
    assertEquals(a, e);
    assertNoTwins(a);
  }

  private static Path jsonLines(Path file, List<Article> articles) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Article a : articles) {
      lines.add(JSON.writeValueAsString(Map.of("id", a.id(), "title", a.title(), "body", a.body())));
    }
    return java.nio.file.Files.write(file, lines);
  }

  @Test
  void deletingTheEvidenceForgetsWhatItTaught(@TempDir Path dir) throws IOException {
    try (Loupe loupe = Loupe.open(dir)) {
      loupe.index(corpus());
      for (int i = 1; i <= 5; i++) {
        loupe.delete("full-" + i);
      }
      assertEquals(List.of(), loupe.find("bare").orElseThrow().entities().persons());
    }
  }
}
