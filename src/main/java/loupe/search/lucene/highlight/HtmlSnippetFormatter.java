package loupe.search.lucene.highlight;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighter passages as HTML-escaped text where the only markup is {@code <mark>}, so
 * article text can never inject HTML into a page that shows a snippet.
 *
 * <p>Returns a {@code List<String>}, one entry per passage. Stateless and thread-safe.
 */
public final class HtmlSnippetFormatter extends PassageFormatter {

  public static final String ELLIPSIS = "…";

  @Override
  public Object format(Passage[] passages, String content) {
    List<String> snippets = new ArrayList<>(passages.length);
    for (Passage passage : passages) {
      snippets.add(formatPassage(passage, content));
    }
    return snippets;
  }

  private static String formatPassage(Passage passage, String content) {
    StringBuilder sb = new StringBuilder(passage.getLength() + 32);
    int start = passage.getStartOffset();
    int end = passage.getEndOffset();
    if (start > 0) {
      sb.append(ELLIPSIS).append(' ');
    }
    int pos = start;
    int[] matchStarts = passage.getMatchStarts();
    int[] matchEnds = passage.getMatchEnds();
    for (int i = 0; i < passage.getNumMatches(); i++) {
      int matchStart = Math.max(matchStarts[i], pos);
      int matchEnd = matchEnds[i];
      // Adjacent or overlapping matches (a compound and its parts) become one mark.
      while (i + 1 < passage.getNumMatches() && matchStarts[i + 1] <= matchEnd) {
        matchEnd = Math.max(matchEnd, matchEnds[++i]);
      }
      matchEnd = Math.min(matchEnd, end);
      if (matchEnd <= matchStart) {
        continue;
      }
      escape(content, pos, matchStart, sb);
      sb.append("<mark>");
      escape(content, matchStart, matchEnd, sb);
      sb.append("</mark>");
      pos = matchEnd;
    }
    escape(content, pos, end, sb);
    String text = sb.toString().strip();
    return end < content.length() ? text + " " + ELLIPSIS : text;
  }

  /** Appends content[from, to) with the five HTML-significant characters escaped. */
  static void escape(String content, int from, int to, StringBuilder sb) {
    int run = from; // the start of the chars not yet appended, which need no escaping
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      if (c > '>' && (c < '\u007f' || c > '\u009f')) {
        continue; // most chars: appended with their run, one copy instead of one call each
      }
      String replacement = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        // Paragraph breaks and runs of spaces read as one space in a snippet.
        case '\n', '\r', '\t', ' ' -> " ";
        default -> Character.isISOControl(c) ? "" : null;
      };
      if (replacement == null) {
        continue;
      }
      sb.append(content, run, i);
      run = i + 1;
      if (!replacement.equals(" ")) {
        sb.append(replacement);
      } else if (sb.isEmpty() || sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
    }
    sb.append(content, run, to);
  }

  /** The whole text, escaped, with no mark: for fields without a match. */
  public static String escapeAll(String content) {
    StringBuilder sb = new StringBuilder(content.length() + 16);
    escape(content, 0, content.length(), sb);
    return sb.toString();
  }
}
