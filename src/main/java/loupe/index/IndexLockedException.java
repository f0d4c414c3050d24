package loupe.index;

import java.io.IOException;
import java.nio.file.Path;

/** Says that another process is writing the index, naming the lock file, instead of a stack trace. */
public final class IndexLockedException extends IOException {

  public IndexLockedException(Path lockFile, Throwable cause) {
    super("the index is locked by another writer (lock file " + lockFile
        + "): stop the other Loupe process (index or serve) using this index, or choose another --index", cause);
  }
}
