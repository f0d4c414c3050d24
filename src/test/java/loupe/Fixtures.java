package loupe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import loupe.ingest.Article;
import loupe.ingest.IngestListener;
import loupe.ingest.JsonLinesSource;
import loupe.ingest.Rejection;

/** The unit-test articles written for Loupe (src/test/resources/loupe/fixtures), as objects or files. */
public final class Fixtures {

  public static final String ARTICLES = "/loupe/fixtures/articles.jsonl";
  public static final String BAD = "/loupe/fixtures/bad.jsonl";

  private Fixtures() {}

  /** The well-formed fixture articles. */
  public static List<Article> articles() {
    List<Article> out = new ArrayList<>();
    try (InputStream in = Fixtures.class.getResourceAsStream(ARTICLES)) {
      new JsonLinesSource().read(in, "fixtures", new IngestListener() {
        @Override
        public void article(Article article, String location) {
          out.add(article);
        }

        @Override
        public void rejected(Rejection rejection) {
          throw new IllegalStateException("bad fixture: " + rejection);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Copies a fixture resource into a directory, returning the file. */
  public static Path copy(String resource, Path dir) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      Path target = dir.resolve(Path.of(resource).getFileName().toString());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
