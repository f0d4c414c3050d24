package loupe.search;

import java.nio.file.Path;
import loupe.Fixtures;
import loupe.Loupe;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract on the embedded index: a real Lucene index on disk. */
class LuceneBackendContractIT extends BackendContract {

  @TempDir Path dir;

  @Override
  protected Loupe openWithFixtures() throws Exception {
    Loupe loupe = Loupe.open(dir);
    loupe.index(Fixtures.articles());
    return loupe;
  }
}
