package loupe.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days named in a query against an article's date: the day of the event or just after. */
class QueryDatesTest {

  @Test
  void readsWeekdaysAndDaysOfTheYearAsASummaryWritesThem() {
    QueryDates dates = QueryDates.of("Le leader de LFI s'est rendu Samedi 22 juin à Belfort, avant le 1er juillet");
    assertEquals(List.of(DayOfWeek.SATURDAY), dates.weekdays());
    assertEquals(List.of(MonthDay.of(6, 22), MonthDay.of(7, 1)), dates.days());
    assertTrue(QueryDates.of("réforme des retraites").isEmpty());
    assertTrue(QueryDates.of("le 31 février").days().isEmpty(), "no such day");
  }

  @Test
  void anArticleOfTheDayOrTheDayAfterMatchesNotOneOfAnotherWeek() {
    QueryDates dates = QueryDates.of("samedi 22 juin");
    LocalDate saturday = LocalDate.of(2019, 6, 22);
    assertEquals(1f, dates.weekdayMatch(saturday));
    assertEquals(0.5f, dates.weekdayMatch(saturday.plusDays(1)));
    assertEquals(0f, dates.weekdayMatch(saturday.plusDays(3)));
    assertEquals(1f, dates.dayMatch(saturday.plusDays(2)));
    assertEquals(0.3f, dates.dayMatch(saturday.plusDays(5)));
    assertEquals(0f, dates.dayMatch(saturday.plusDays(30)));
    assertEquals(1f, QueryDates.of("le 31 décembre").dayMatch(LocalDate.of(2020, 1, 1)), "across the new year");
  }
}
