/**
 * Writes analysed articles and their entities into a Lucene index on disk: one document per
 * article, upserted by id, entities as facets.
 *
 * <p>Reads from {@code loupe.ingest}, {@code loupe.analysis} and {@code loupe.entities}. Feeds
 * {@code loupe.search}.
 */
package loupe.index;
