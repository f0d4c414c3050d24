package loupe.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts an indexing run as it goes and produces its {@link IngestReport}. Thread-safe: writes are
 * counted by the threads that make them, once they succeeded.
 */
public final class IngestTally {

  private final Set<String> seen = new HashSet<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<String> duplicateIds = new ArrayList<>();
  private final List<Rejection> warnings = new ArrayList<>();
  private long added;
  private long updated;
  private long rejected;
  private long duplicates;

  /**
   * Records an article written.
   *
   * @param id its id
   * @param existedBefore whether the index held this id before the run
   */
  public synchronized void indexed(String id, boolean existedBefore) {
    if (!seen.add(id)) {
      duplicates++;
      if (duplicateIds.size() < IngestReport.MAX_LISTED && !duplicateIds.contains(id)) {
        duplicateIds.add(id);
      }
      return; // counted already, as added or updated
    }
    if (existedBefore) {
      updated++;
    } else {
      added++;
    }
  }

  public synchronized void rejected(Rejection rejection) {
    rejected++;
    if (rejections.size() < IngestReport.MAX_LISTED) {
      rejections.add(rejection);
    }
  }

  /** Records a part of a record left out (see {@link IngestListener#warning}). */
  public synchronized void warning(Rejection warning) {
    if (warnings.size() < IngestReport.MAX_LISTED) {
      warnings.add(warning);
    }
  }

  public synchronized IngestReport report() {
    return new IngestReport(added, updated, rejected, rejections, duplicateIds, duplicates, warnings);
  }
}
