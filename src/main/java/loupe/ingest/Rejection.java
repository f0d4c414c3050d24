package loupe.ingest;

/**
 * One input record that was not indexed, and why.
 *
 * @param file the file (or {@code request}) it came from
 * @param line 1-based line number, 0 when the whole file is at fault
 * @param reason what is wrong, in words a user can act on
 */
public record Rejection(String file, long line, String reason) {
  /** {@code file:line: reason}, as compilers print errors. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
