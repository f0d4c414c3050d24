/**
 * French text analysis for indexing and querying: apostrophes, elision, hyphenated words, case,
 * accents, stop words and light stemming.
 *
 * <p>Reads from the article text of {@code loupe.ingest}. Feeds {@code loupe.index} (index time) and
 * {@code loupe.search} (query time, highlighting).
 */
package loupe.analysis;
