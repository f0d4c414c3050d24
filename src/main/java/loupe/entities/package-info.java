/**
 * Extracts persons and countries from French news with lexicons and rules, for the entity facets.
 *
 * <p>Reads from: article title and body strings, and the TSV lexicons under {@code /loupe/entities/}.
 * Feeds: indexing (facet values and mentions) and the {@code entities} command; no Lucene types here.
 */
package loupe.entities;
