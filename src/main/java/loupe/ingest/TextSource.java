package loupe.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a plain-text or Markdown article: the first non-blank line is the title (Markdown's leading
 * {@code #} removed), the rest is the body.
 */
final class TextSource implements ArticleSource {

  private final boolean markdown;

  /** @param markdown whether heading marks are stripped from the title */
  public TextSource(boolean markdown) {
    this.markdown = markdown;
  }

  @Override
  public void read(Path file, String name, String defaultId, IngestListener listener) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      listener.rejected(new Rejection(name, 0, "not valid UTF-8"));
      return;
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    String title = (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
    String body = newline < 0 ? "" : stripped.substring(newline + 1).strip();
    if (markdown) {
      title = title.replaceFirst("^#+\\s*", "");
    }
    if (body.isEmpty()) {
      // A one-line file is all body: the title would otherwise be the only text.
      body = title;
    }
    if (body.isBlank()) {
      listener.rejected(new Rejection(name, 0, "empty file"));
      return;
    }
    listener.article(new Article(defaultId, title, body.replace("\u0000", ""), null, null, null), name);
    listener.progress(Files.size(file));
  }
}
