package loupe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads an HTML article with jsoup: the title from the page, the text of the main content without
 * scripts, styles or navigation. Broken markup is parsed as browsers do, never rejected.
 */
final class HtmlSource implements ArticleSource {

  private static final String NOISE = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg";

  @Override
  public void read(Path file, String name, String defaultId, IngestListener listener) throws IOException {
    Document doc = Jsoup.parse(file.toFile(), null);
    Element main = first(doc.select("article"), doc.select("main"), doc.select("[role=main]"));
    if (main == null) {
      main = doc.body();
    }
    main.select(NOISE).remove();
    Element h1 = main.selectFirst("h1");
    String title = doc.title().isBlank() && h1 != null ? h1.text() : doc.title();
    if (h1 != null && h1.text().equals(title)) {
      h1.remove();
    }
    StringBuilder body = new StringBuilder();
    Elements blocks = main.select("p, li, h2, h3, h4, blockquote");
    if (blocks.isEmpty()) {
      body.append(main.text());
    } else {
      for (Element block : blocks) {
        if (block.parents().stream().anyMatch(p -> blocks.contains(p))) {
          continue; // nested blocks: the outer one already holds this text
        }
        String text = block.text().strip();
        if (!text.isEmpty()) {
          body.append(text).append("\n\n");
        }
      }
    }
    String text = body.toString().strip();
    if (text.isEmpty()) {
      listener.rejected(new Rejection(name, 0, "no text found in the HTML"));
      return;
    }
    String source = meta(doc, "og:site_name");
    String url = meta(doc, "og:url");
    listener.article(new Article(defaultId, title.strip(), text, publishedAt(doc), url, source,
        meta(doc, "article:section")), name);
    listener.progress(Files.size(file));
  }

  private static Element first(Elements... candidates) {
    for (Elements e : candidates) {
      if (!e.isEmpty()) {
        return e.first();
      }
    }
    return null;
  }

  private static String meta(Document doc, String property) {
    Element m = doc.selectFirst("meta[property=" + property + "]");
    if (m == null || m.attr("content").isBlank()) {
      return null;
    }
    return m.attr("content").strip();
  }

  /** A publication date from page metadata; an unreadable one is ignored, not fatal. */
  private static OffsetDateTime publishedAt(Document doc) {
    String text = meta(doc, "article:published_time");
    if (text == null) {
      return null;
    }
    try {
      return ArticleJson.parseDate(text);
    } catch (InvalidArticleException e) {
      return null;
    }
  }
}
