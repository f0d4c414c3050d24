/**
 * Measures Loupe against labelled data: search quality, entity facets, person mentions and extraction speed.
 *
 * <p>Reads from: the labelled sets under {@code ../shared/data} (facets-gold, ner-fr-news, orangesum-news).
 * Feeds: the {@code eval} command and docs/quality.md.
 */
package loupe.eval;
