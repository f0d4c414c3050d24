/**
 * Loupe: keyword search for French news. {@link loupe.Loupe} is the facade for embedding: open an
 * index, index articles, search, close.
 *
 * <p>Data flows ingest → analysis and entities → index → search, then to the server and the CLI,
 * which use only this facade.
 */
package loupe;
