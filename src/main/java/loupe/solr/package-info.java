/**
 * The SolrCloud backend: keeps the index in a sharded, replicated SolrCloud collection instead of
 * a directory, for corpora and traffic beyond one machine. Reads from loupe.index (the field
 * layout) and loupe.search (the query reading, highlighting, facet rules); feeds the facade, the
 * server and the CLI through {@link loupe.search.SearchBackend}.
 */
package loupe.solr;
