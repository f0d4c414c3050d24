package loupe.cli;

/** Renders an API snippet (escaped HTML with {@code <mark>}) as terminal text, marks in bold. */
final class TerminalText {

  private static final boolean ANSI = System.console() != null && System.getenv("NO_COLOR") == null;

  private TerminalText() {}

  static String fromSnippet(String html) {
    String open = ANSI ? "\u001B[1m" : "[";
    String close = ANSI ? "\u001B[0m" : "]";
    return html.replace("<mark>", open).replace("</mark>", close)
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
