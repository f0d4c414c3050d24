package loupe;

import java.nio.file.Path;

/** Follows an indexing run, for progress bars; every method has a no-op default. */
public interface IndexingProgress {

  IndexingProgress NONE = new IndexingProgress() {};

  /** Called once the input files are known. */
  default void started(long totalBytes, int files) {}

  /** Called when reading of a file begins. */
  default void file(Path file) {}

  /** Called as input is consumed, with the total bytes read so far over all files. */
  default void bytesRead(long totalBytesRead) {}

  /** Called when everything is read, before the commit. */
  default void committing() {}
}
