/**
 * Reads articles from files and request bodies: JSON Lines, JSON, plain text, Markdown and HTML,
 * reporting every bad record with its file and line instead of stopping.
 *
 * <p>Reads from the file system and HTTP bodies. Feeds {@code loupe.entities} and {@code loupe.index}
 * through the facade {@code loupe.Loupe}.
 */
package loupe.ingest;
