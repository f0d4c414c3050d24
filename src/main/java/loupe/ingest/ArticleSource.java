package loupe.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the articles of one file format; one implementation per format. */
public interface ArticleSource {

  /**
   * Reads every article of a file, passing articles and rejections to the listener as they come.
   *
   * @param file the file to read
   * @param name how messages name the file (the path as the user gave it)
   * @param defaultId the id of an article whose format carries none (the relative path)
   * @throws IOException only when the file cannot be read at all
   */
  void read(Path file, String name, String defaultId, IngestListener listener) throws IOException;
}
