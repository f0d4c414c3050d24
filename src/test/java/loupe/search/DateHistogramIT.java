package loupe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import loupe.Loupe;
import loupe.ingest.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The timeline's counts and the oldest-first order, on a real index spanning five years. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DateHistogramIT {

  private Loupe loupe;

  @BeforeAll
  void index(@TempDir Path dir) throws IOException {
    loupe = Loupe.open(dir);
    List<Article> articles = new ArrayList<>();
    String[] days = {"2019-02-01", "2019-02-20", "2021-06-01", "2024-03-01", "2024-03-05", "2024-03-05", "2024-05-30"};
    for (int i = 0; i < days.length; i++) {
      articles.add(new Article("a-" + i, "Budget " + i, "Le budget de l'État, épisode " + i + ".",
          LocalDate.parse(days[i]).atStartOfDay().atOffset(ZoneOffset.UTC), null, null));
    }
    articles.add(new Article("undated", "Budget sans date", "Le budget, sans date.", null, null, null));
    loupe.index(articles);
  }

  @AfterAll
  void close() throws IOException {
    loupe.close();
  }

  private DateHistogram histogram(SearchRequest.Builder request) throws IOException {
    return loupe.search(request.query("budget").build()).dateHistogram();
  }

  @Test
  void aSpanOfYearsIsCountedByYearWithEmptyYearsListed() throws IOException {
    DateHistogram h = histogram(SearchRequest.builder());
    assertEquals("year", h.interval());
    assertEquals(List.of("2019", "2020", "2021", "2022", "2023", "2024"), h.buckets().stream().map(DateHistogram.Bucket::key).toList());
    assertEquals(List.of(2L, 0L, 1L, 0L, 0L, 4L), h.buckets().stream().map(DateHistogram.Bucket::count).toList());
    assertEquals("2019-01-01", h.buckets().get(0).from());
    assertEquals("2019-12-31", h.buckets().get(0).to());
  }

  @Test
  void aSelectedSpanZoomsToMonthsThenDays() throws IOException {
    DateHistogram months = histogram(SearchRequest.builder().dateFrom(LocalDate.of(2024, 1, 1)).dateTo(LocalDate.of(2024, 12, 31)));
    assertEquals("month", months.interval());
    assertEquals(12, months.buckets().size(), "the twelve months of the range, empty ones too");
    assertEquals("2024-01", months.buckets().get(0).key());
    assertEquals(List.of(0L, 0L, 3L, 0L, 1L, 0L), months.buckets().subList(0, 6).stream().map(DateHistogram.Bucket::count).toList());

    DateHistogram days = histogram(SearchRequest.builder().dateFrom(LocalDate.of(2024, 3, 1)).dateTo(LocalDate.of(2024, 3, 31)));
    assertEquals("day", days.interval());
    assertEquals(31, days.buckets().size());
    assertEquals(2L, days.buckets().get(4).count());
  }

  @Test
  void noDatedHitMeansNoHistogram() throws IOException {
    assertNull(loupe.search(SearchRequest.of("sans date")).dateHistogram());
  }

  @Test
  void oldestFirstReadsTheStoryFromItsStartWithUndatedLast() throws IOException {
    List<String> ids = loupe.search(SearchRequest.builder().query("budget").sort(SortOrder.OLDEST).build())
        .hits().stream().map(Hit::id).toList();
    assertEquals("a-0", ids.get(0));
    assertEquals("undated", ids.get(ids.size() - 1));
    assertEquals(SortOrder.OLDEST, SortOrder.parse("oldest"));
  }
}
