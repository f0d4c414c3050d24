package loupe.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a piece of JSON in the words of its writer (where, and what was found),
 * not in the parser library's (« Unrecognized token … was expecting (JSON String, Number … »).
 */
public final class JsonSyntax {

  private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']{0,40})");
  private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.{1,2})'");

  private JsonSyntax() {}

  /** « not valid JSON at line 1, column 5: unexpected word 'oops' » and the like. */
  public static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    StringBuilder sb = new StringBuilder("not valid JSON");
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      sb.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
    }
    Matcher token = TOKEN.matcher(original);
    Matcher character = CHARACTER.matcher(original);
    if (original.contains("end-of-input")) {
      sb.append(": the text ends before the JSON value is complete");
    } else if (token.find()) {
      sb.append(": unexpected word '").append(token.group(1)).append("' (a string needs double quotes)");
    } else if (character.find()) {
      sb.append(": unexpected character '").append(character.group(1)).append("'");
    } else if (original.contains("Duplicate field")) {
      sb.append(": a field is given twice");
    } else if (original.contains("Invalid UTF-8")) {
      sb.append(": the text is not valid UTF-8");
    } else {
      sb.append(": expected an object, an array, a string, a number, true, false or null");
    }
    return sb.toString();
  }
}
