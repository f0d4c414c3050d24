package loupe.cli;

/**
 * A subcommand that lives outside the library (the lab's {@code eval} and {@code bench}), found on
 * the class path through {@link java.util.ServiceLoader}, so the library never depends on it.
 *
 * <p>Implementations are picocli {@code @Command} classes with a public no-argument constructor.
 */
public interface ExternalCommand {}
