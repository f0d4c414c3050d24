package loupe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import loupe.index.IndexLockedException;
import loupe.search.InvalidRequestException;
import org.apache.lucene.index.IndexNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code loupe} command: lists the subcommands and maps failures to one-line messages and exit codes. */
@Command(
    name = "loupe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Keyword search for French news: index articles, search them, serve the API and the UI.",
    subcommands = {
      DemoCommand.class,
      IndexCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      EntitiesCommand.class,
      SolrCommand.class
    })
public final class LoupeCommand implements Runnable {

  /** System property set by the launcher: the project root, where index/ and ../shared are looked up. */
  public static final String HOME_PROPERTY = "loupe.home";

  /**
   * Lucene logs at start-up that the incubating Vector API is not enabled; users cannot act on it.
   * Held in a field: java.util.logging keeps loggers weakly, and a collected one forgets its level.
   */
  private static final java.util.logging.Logger VECTORIZATION_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    VECTORIZATION_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new LoupeCommand());
    // The lab's `eval` and `bench` live outside the library and join when they are on the class path.
    for (ExternalCommand command : ServiceLoader.load(ExternalCommand.class)) {
      cli.addSubcommand(command);
    }
    cli.addSubcommand(new CommandLine.HelpCommand());
    cli.setExecutionExceptionHandler(LoupeCommand::handle);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The directory relative paths such as the default index are resolved against. */
  public static Path home() {
    return Path.of(System.getProperty(HOME_PROPERTY, "."));
  }

  /** File-system exceptions carry only a path as message; say what happened to it. */
  private static String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + message;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + message;
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return message;
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof InvalidRequestException invalid) {
      cli.getErr().println("loupe: " + invalid.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    if (cause instanceof IndexLockedException || cause instanceof IndexNotFoundException) {
      cli.getErr().println("loupe: " + cause.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    if (cause instanceof IOException io) {
      cli.getErr().println("loupe: " + describe(io));
      return CommandLine.ExitCode.SOFTWARE;
    }
    cli.getErr().println("loupe: " + cause);
    return CommandLine.ExitCode.SOFTWARE;
  }
}
