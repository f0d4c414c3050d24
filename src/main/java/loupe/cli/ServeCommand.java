package loupe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import loupe.Loupe;
import loupe.search.InvalidRequestException;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loupe serve}: the HTTP API and the browser UI over an index. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Serve the search API and the browser UI over an index.",
      "Writes (POST/DELETE /api/documents) need a token: LOUPE_API_TOKEN or --token-file.",
      "CORS origins: --cors-origin (repeatable) or LOUPE_CORS_ORIGINS (comma-separated)."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin IndexOption index;
  @Mixin LexiconOption lexicon;
  @Mixin ServerOptions server;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (Loupe loupe = lexicon.open(index)) {
      return server.serve(loupe, spec.commandLine().getOut());
    }
  }

  /** Options shared by {@code serve} and {@code demo}. */
  static final class ServerOptions {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerConfig.DEFAULT_HOST,
        description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes Loupe to the network).")
    String host;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "An origin allowed to call the API from a browser (repeatable).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token for write access.")
    Path tokenFile;

    int serve(Loupe loupe, java.io.PrintWriter out) throws IOException, InterruptedException {
      LoupeServer server = LoupeServer.start(loupe, new ServerConfig(host, port, origins(), token()));
      // Once listening, a second thread builds the searcher's shared state and compiles the search
      // path, so a user who comes a moment later finds it ready. Started earlier, it slowed the
      // server's own start as much as it spared the first search (both want the same two cores).
      Thread.ofPlatform().name("loupe-warm-up").daemon().start(() -> warmUp(loupe));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "loupe-shutdown"));
      out.printf("Loupe serves %d articles on http://%s:%d/ (Ctrl-C to stop)%n", loupe.count(),
          host.contains(":") ? "[" + host + "]" : host, server.port());
      out.flush();
      stopped.await();
      return 0;
    }

    private static void warmUp(Loupe loupe) {
      try {
        loupe.warmUp();
      } catch (IOException | RuntimeException e) {
        // Only a head start: the first request builds the same state and reports any error itself.
        LoggerFactory.getLogger(ServeCommand.class).warn("warm-up search failed: {}", e.toString());
      }
    }

    private List<String> origins() {
      List<String> all = new ArrayList<>(corsOrigins);
      String env = System.getenv("LOUPE_CORS_ORIGINS");
      if (env != null) {
        for (String o : env.split(",")) {
          if (!o.isBlank()) {
            all.add(o.strip());
          }
        }
      }
      return all;
    }

    private String token() throws IOException {
      if (tokenFile != null) {
        String t = Files.readString(tokenFile).strip();
        if (t.isEmpty()) {
          throw new InvalidRequestException("--token-file", tokenFile + " is empty");
        }
        return t;
      }
      return System.getenv("LOUPE_API_TOKEN");
    }
  }
}
