package loupe.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import loupe.ingest.ArticleDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcut for dates stored by the day shows what parsing and formatting would. */
class DisplayDateTest {

  @ParameterizedTest
  @ValueSource(strings = {"2024-06-19T00:00Z", "2024-06-19T00:00+02:00", "2024-06-19T08:30Z", "2024-06-19T00:00:01Z",
      "2024-06-19T23:59:59.5-05:00", "1999-12-31T00:00Z"})
  void sameAsParsingThenFormatting(String stored) {
    assertEquals(ArticleDates.format(OffsetDateTime.parse(stored)), HitPage.displayDate(stored));
  }

  @Test
  void aDayIsShownAsADayAndNoDateAsNone() {
    String stored = OffsetDateTime.of(2024, 6, 19, 0, 0, 0, 0, ZoneOffset.UTC).toString();
    assertEquals("2024-06-19", HitPage.displayDate(stored));
    assertNull(HitPage.displayDate(null));
  }
}
