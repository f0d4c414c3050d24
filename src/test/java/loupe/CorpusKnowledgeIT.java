package loupe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: the index learns its people, and what it learns never depends on the order articles came in. */
class CorpusKnowledgeIT {

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
    return articles;
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
    assertEquals(a, b);
    assertEquals(a, c);
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
