package loupe.rank;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a query names — « samedi », « le 22 juin », « 1er mai » — to be compared with an
 * article's date: news is written on the day of the event or the day after, which a plain engine,
 * blind to dates, cannot use. Immutable.
 *
 * @param weekdays the weekdays named, as « samedi »
 * @param days the days of the year named, as « 22 juin » (the year is the article's)
 */
record QueryDates(List<DayOfWeek> weekdays, List<MonthDay> days) {

  static final QueryDates NONE = new QueryDates(List.of(), List.of());

  private static final List<String> WEEKDAYS = List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");
  private static final List<String> MONTHS = List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
      "août", "septembre", "octobre", "novembre", "décembre");
  private static final Pattern WEEKDAY = Pattern.compile("\\b(" + String.join("|", WEEKDAYS) + ")\\b");
  private static final Pattern DAY = Pattern.compile("\\b(1er|[0-9]{1,2}) (" + String.join("|", MONTHS) + ")\\b");

  QueryDates {
    weekdays = List.copyOf(weekdays);
    days = List.copyOf(days);
  }

  static QueryDates of(String query) {
    if (query == null || query.isBlank()) {
      return NONE;
    }
    String text = query.toLowerCase(Locale.FRENCH);
    List<DayOfWeek> weekdays = new ArrayList<>();
    Matcher w = WEEKDAY.matcher(text);
    while (w.find()) {
      DayOfWeek day = DayOfWeek.of(WEEKDAYS.indexOf(w.group(1)) + 1);
      if (!weekdays.contains(day)) {
        weekdays.add(day);
      }
    }
    List<MonthDay> days = new ArrayList<>();
    Matcher d = DAY.matcher(text);
    while (d.find()) {
      int day = d.group(1).equals("1er") ? 1 : Integer.parseInt(d.group(1));
      int month = MONTHS.indexOf(d.group(2)) + 1;
      if (day >= 1 && day <= MonthDay.of(month, 1).getMonth().maxLength()) {
        days.add(MonthDay.of(month, day));
      }
    }
    return weekdays.isEmpty() && days.isEmpty() ? NONE : new QueryDates(weekdays, days);
  }

  boolean isEmpty() {
    return weekdays.isEmpty() && days.isEmpty();
  }

  /** 1 when the article is dated on a weekday the query names, 0.5 the day after, else 0. */
  float weekdayMatch(LocalDate date) {
    float best = 0;
    for (DayOfWeek named : weekdays) {
      if (date.getDayOfWeek() == named) {
        return 1;
      }
      if (date.getDayOfWeek() == named.plus(1)) {
        best = 0.5f;
      }
    }
    return best;
  }

  /** 1 when the article is dated 0 to 2 days after a day the query names, 0.3 within a week around it, else 0. */
  float dayMatch(LocalDate date) {
    float best = 0;
    for (MonthDay named : days) {
      long after = Long.MAX_VALUE;
      for (int year = date.getYear() - 1; year <= date.getYear() + 1; year++) {
        if (named.isValidYear(year)) {
          long d = date.toEpochDay() - named.atYear(year).toEpochDay();
          after = Math.abs(d) < Math.abs(after) ? d : after;
        }
      }
      if (after >= 0 && after <= 2) {
        return 1;
      }
      if (after >= -1 && after <= 7) {
        best = 0.3f;
      }
    }
    return best;
  }
}
