package loupe.ingest;

import java.util.List;

/**
 * What one indexing run did: articles added and replaced, records rejected and ids repeated.
 *
 * @param added articles whose id was new to the index
 * @param updated articles that replaced one with the same id
 * @param rejected number of records not indexed
 * @param rejections the first {@link #MAX_LISTED} rejections, in input order
 * @param duplicateIds ids that appeared more than once in the input (the last one won), at most {@link #MAX_LISTED}
 * @param duplicates number of records that replaced an earlier one of the same run
 * @param warnings records indexed with a part left out (a date that cannot be read), at most {@link #MAX_LISTED}
 */
public record IngestReport(long added, long updated, long rejected, List<Rejection> rejections,
    List<String> duplicateIds, long duplicates, List<Rejection> warnings) {

  /** Reports list at most this many rejections or duplicate ids; the counts stay exact. */
  public static final int MAX_LISTED = 1_000;

  public IngestReport {
    rejections = List.copyOf(rejections);
    duplicateIds = List.copyOf(duplicateIds);
    warnings = List.copyOf(warnings);
  }

  /** Articles written, new or replaced. */
  public long indexed() {
    return added + updated;
  }

  /** Whether any input was rejected: the CLI then exits with status 1. */
  public boolean partial() {
    return rejected > 0;
  }
}
