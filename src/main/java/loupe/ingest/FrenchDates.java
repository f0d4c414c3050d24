package loupe.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the day of a date written the French way, as news sites and archives write it: « 01/02/2019 »
 * (day first: 1 February), « 1-2-2019 », « 01.02.2019 », « 1er février 2019 », « lundi 4 mars 2024 »,
 * « 4 févr. 2024 ». The time of day, when written after it, is left out.
 */
final class FrenchDates {

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("janvier", 1), Map.entry("janv", 1), Map.entry("fevrier", 2), Map.entry("fevr", 2), Map.entry("fev", 2),
      Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("avr", 4), Map.entry("mai", 5), Map.entry("juin", 6),
      Map.entry("juillet", 7), Map.entry("juil", 7), Map.entry("aout", 8), Map.entry("septembre", 9),
      Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("octobre", 10), Map.entry("oct", 10),
      Map.entry("novembre", 11), Map.entry("nov", 11), Map.entry("decembre", 12), Map.entry("dec", 12));

  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:\\b.*)?");
  private static final Pattern WORDS = Pattern.compile(
      "(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\\s+)?(\\d{1,2})(?:er)?\\s+([a-z]+)\\.?\\s+(\\d{4})(?:\\b.*)?");

  private FrenchDates() {}

  /** The day written in {@code text}, or empty when it is none of the French forms. */
  static Optional<LocalDate> parse(String text) {
    String s = fold(text.strip());
    try {
      Matcher numeric = NUMERIC.matcher(s);
      if (numeric.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(2)),
            Integer.parseInt(numeric.group(1))));
      }
      Matcher words = WORDS.matcher(s);
      if (words.matches() && MONTHS.containsKey(words.group(2))) {
        return Optional.of(LocalDate.of(Integer.parseInt(words.group(3)), MONTHS.get(words.group(2)),
            Integer.parseInt(words.group(1))));
      }
    } catch (DateTimeException impossibleDay) {
      return Optional.empty(); // « 31/02/2019 »
    }
    return Optional.empty();
  }

  private static String fold(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
  }
}
