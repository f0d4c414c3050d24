/**
 * The {@code ./loupe} command line (picocli): index, search, serve, entities, demo and eval, with
 * the exit codes of the contract (0 ok, 1 partial failure, 2 usage error).
 *
 * <p>Reads from the facade {@code loupe.Loupe} and {@code loupe.server}. Feeds the terminal and scripts.
 */
package loupe.cli;
