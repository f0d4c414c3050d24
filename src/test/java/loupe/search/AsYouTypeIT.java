package loupe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import loupe.Loupe;
import loupe.ingest.Article;
import loupe.search.lucene.query.LastWordPrefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search as the user types, on a real index: the last word matches as a prefix, the corrector
 * leaves it alone and never writes a stop word, and a suggestion's count is what its pick shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsYouTypeIT {

  private Loupe loupe;

  @BeforeAll
  void index(@TempDir Path dir) throws IOException {
    loupe = Loupe.open(dir);
    List<Article> articles = new ArrayList<>();
    // « pour » in every title: the word one edit from « pout » that the corrector used to pick.
    for (int i = 0; i < 20; i++) {
      articles.add(article("pour-" + i, "Une loi pour le climat n° " + i, "Le texte pour le climat avance."));
    }
    articles.add(article("poutine", "Vladimir Poutine à Moscou", "Le président Vladimir Poutine a parlé à Moscou."));
    articles.add(article("poutine-2", "Poutine et la guerre", "Vladimir Poutine évoque la guerre en Ukraine."));
    articles.add(article("macron", "Emmanuel Macron à Paris", "Le président Emmanuel Macron reçoit à Paris."));
    articles.add(article("elec", "Les centrales électriques ukrainiennes", "Les frappes visent les centrales électriques."));
    loupe.index(articles);
  }

  @AfterAll
  void close() throws IOException {
    loupe.close();
  }

  private static Article article(String id, String title, String body) {
    return new Article(id, title, body, LocalDate.of(2024, 3, 1).atStartOfDay().atOffset(ZoneOffset.UTC), null, null);
  }

  private SearchResponse typing(String q) throws IOException {
    return loupe.search(SearchRequest.builder().query(q).prefixLast(true).build());
  }

  @Test
  void theWordBeingTypedMatchesAsAPrefixAndIsNotCorrected() throws IOException {
    SearchResponse r = typing("Pout");
    assertEquals(2, r.total());
    assertTrue(r.hits().stream().allMatch(h -> h.id().startsWith("poutine")));
    assertNull(r.correction(), "a word still being typed is never rewritten");

    assertEquals(List.of("macron"), typing("mac").hits().stream().map(Hit::id).toList());
    assertEquals(List.of("elec"), typing("électri").hits().stream().map(Hit::id).toList());
    assertEquals(1, typing("Vladimir Poutine mosc").total());
  }

  @Test
  void aFinishedWordIsNeverCorrectedIntoAStopWordNorIntoAMatchAllQuery() throws IOException {
    SearchResponse r = loupe.search(SearchRequest.of("pout"));
    assertTrue(r.correction() == null || !r.correction().corrected().equalsIgnoreCase("pour"), String.valueOf(r.correction()));
    assertTrue(r.total() < 20, "« pout » must not show every article: " + r.total());
  }

  @Test
  void aPrefixExpandsIntoABoundedNumberOfWords() throws IOException {
    // Every completion of « c » would be a large disjunction; two letters are the least, and the
    // completions kept are bounded.
    assertEquals(0, LastWordPrefix.split("c").map(s -> 1).orElse(0));
    assertTrue(LastWordPrefix.MAX_EXPANSIONS <= 16);
    assertTrue(LastWordPrefix.split("« Vladimir Pou").isEmpty(), "inside a phrase the words are matched as written");
    assertTrue(LastWordPrefix.split("Poutine ").isEmpty(), "after a space the word is finished");
    assertTrue(LastWordPrefix.split("guerre -pou").isEmpty(), "an exclusion is not completed");
  }

  @Test
  void aSuggestionIsCountedAsThePickWillShowIt() throws IOException {
    for (String typed : List.of("pou", "vladimir pou", "guerre pou")) {
      for (Suggestion s : loupe.suggest(typed, 8, SearchRequest.builder().build())) {
        SearchRequest.Builder pick = SearchRequest.builder().query(s.query());
        if ("person".equals(s.facet())) {
          pick.persons(List.of(s.text()));
        } else if ("country".equals(s.facet())) {
          pick.countries(List.of(s.text()));
        }
        assertEquals(s.count(), loupe.search(pick.build()).total(), typed + " → " + s);
      }
    }
    Suggestion person = loupe.suggest("pou", 8, SearchRequest.builder().build()).stream()
        .filter(s -> "person".equals(s.facet())).findFirst().orElseThrow();
    assertEquals("Vladimir Poutine", person.text());
    assertEquals("", person.query(), "picking the name ticks it: nothing is left to search as words");
  }
}
