/**
 * Searches a Loupe index: the user query syntax, relevance, multi-select facets, highlighted
 * snippets, sort, paging and date ranges, behind the backend-neutral {@link loupe.search.SearchBackend}.
 *
 * <p>Reads from {@code loupe.index}. Feeds the facade {@code loupe.Loupe}, and through it
 * {@code loupe.server} and {@code loupe.cli}.
 */
package loupe.search;
