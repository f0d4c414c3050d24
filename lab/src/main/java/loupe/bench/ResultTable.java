package loupe.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact table every benchmark prints: one figure a row, plain Lucene next to Loupe and their
 * ratio (Loupe ÷ plain), then the command line that reproduces it. Ratios are the figures to quote:
 * on a noisy machine absolute times move between runs, ratios measured in one run hold.
 */
final class ResultTable {

  private record Row(String label, String baseline, String loupe, String ratio) {}

  private final String title;
  private final String baselineHeader;
  private final String loupeHeader;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public ResultTable(String title) {
    this(title, "plain Lucene", "Loupe");
  }

  /** A table whose two columns are not plain Lucene and Loupe (two ways of using Loupe, say). */
  public ResultTable(String title, String baselineHeader, String loupeHeader) {
    this.title = title;
    this.baselineHeader = baselineHeader;
    this.loupeHeader = loupeHeader;
  }

  /** A figure measured on both sides; the ratio is Loupe ÷ plain Lucene (second column ÷ first). */
  public ResultTable row(String label, double baseline, double loupe, String format) {
    String ratio = baseline > 0 && Double.isFinite(loupe) && Double.isFinite(baseline)
        ? String.format(Locale.ROOT, "%.2f", loupe / baseline) : "-";
    rows.add(new Row(label, value(format, baseline), value(format, loupe), ratio));
    return this;
  }

  /** A figure only Loupe has (a stage of its pipeline), or only the baseline. */
  public ResultTable single(String label, double baseline, double loupe, String format) {
    rows.add(new Row(label, value(format, baseline), value(format, loupe), ""));
    return this;
  }

  /** A line printed under the table: what was measured, or a caveat. */
  public ResultTable note(String note) {
    notes.add(note);
    return this;
  }

  private static String value(String format, double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }

  /** Prints the table, the notes and the reproducing command. */
  public void print(PrintWriter out, String command) {
    int labelWidth = Math.max(24, rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
    int width = Math.max(12, Math.max(baselineHeader.length(), loupeHeader.length()));
    for (Row r : rows) {
      width = Math.max(width, Math.max(r.baseline().length(), r.loupe().length()));
    }
    String format = "  %-" + labelWidth + "s %" + width + "s %" + width + "s %7s%n";
    out.println(title);
    out.printf(Locale.ROOT, format, "", baselineHeader, loupeHeader, "ratio");
    for (Row r : rows) {
      out.printf(Locale.ROOT, format, r.label(), r.baseline(), r.loupe(), r.ratio());
    }
    for (String n : notes) {
      out.println("  " + n);
    }
    out.println("  reproduce: " + command);
    out.println();
    out.flush();
  }
}
