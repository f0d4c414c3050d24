package loupe.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import loupe.Loupe;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * The HTTP server: the JSON API of the contract and the browser UI, over one {@link Loupe}.
 *
 * <p>The route table below is the whole API; handlers live in {@link SearchRoutes} and
 * {@link DocumentRoutes}, error mapping in {@link ErrorResponses}.
 */
public final class LoupeServer implements AutoCloseable {

  /** Serve web/ from this directory instead of the jar (for UI development). */
  public static final String WEB_DIR_PROPERTY = "loupe.web.dir";

  /** Largest request body accepted (bulk ingest included); larger ones get 413. */
  public static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
      + "frame-ancestors 'none'; form-action 'self'";

  private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  private final Javalin app;

  private LoupeServer(Javalin app) {
    this.app = app;
  }

  /** Starts a server; returns once it listens. */
  public static LoupeServer start(Loupe loupe, ServerConfig config) {
    Objects.requireNonNull(loupe, "loupe");
    sizeJettyQueuesWithoutJmx();
    SearchRoutes search = new SearchRoutes(loupe);
    DocumentRoutes documents = new DocumentRoutes(loupe);
    WriteAccess writes = new WriteAccess(config.apiToken());
    byte[] openApi = openApiDocument();
    CorsPolicy cors = new CorsPolicy(config.corsOrigins());

    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = MAX_BODY_BYTES;
      cfg.http.defaultContentType = Json.CONTENT_TYPE;
      // Room for a query at its 4,096-character limit once percent-encoded, so an over-long one gets
      // Loupe's 400 naming the limit rather than Jetty's bare 414.
      cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(64 * 1024));
      webFiles(cfg);
      ErrorResponses.register(cfg);
      cfg.routes.before(LoupeServer::securityHeaders);
      cfg.routes.before(cors::apply);
      // Preflight requests: the headers are set by the CORS policy above; the answer has no body.
      cfg.routes.options("/api/*", ctx -> ctx.status(204));

      cfg.routes.get("/api/health", search::health);
      cfg.routes.get("/api/search", search::searchGet);
      cfg.routes.post("/api/search", search::searchPost);
      cfg.routes.get("/api/suggest", search::suggest);
      cfg.routes.get("/api/documents", documents::export);
      cfg.routes.get("/api/documents/{id}", documents::get);
      cfg.routes.get("/api/documents/{id}/related", documents::related);
      cfg.routes.post("/api/documents", ctx -> { writes.check(ctx); documents.post(ctx); });
      cfg.routes.delete("/api/documents/{id}", ctx -> { writes.check(ctx); documents.delete(ctx); });
      cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(openApi));
    });
    try {
      app.start(config.host(), config.port());
    } catch (JavalinBindException e) {
      throw new UncheckedIOException(new BindException("cannot listen on " + config.host() + ":" + config.port()
          + ": the port is in use or the address is not local; choose another with --port or --host"));
    }
    return new LoupeServer(app);
  }

  /**
   * Jetty pads its thread pool's queue to the cache line, and asks the JVM whether references are
   * compressed through the platform MBean server unless told: starting JMX cost a tenth of a second of
   * every start. Lucene has already measured the reference size; a value the user set wins.
   */
  private static void sizeJettyQueuesWithoutJmx() {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      int cacheLine = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE,
          Integer.toString(Math.max(1, cacheLine / RamUsageEstimator.NUM_BYTES_OBJECT_REF)));
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
  }

  private static void webFiles(JavalinConfig cfg) {
    String dir = System.getProperty(WEB_DIR_PROPERTY);
    boolean external = dir != null && Files.isDirectory(Path.of(dir));
    if (!external) {
      // Javalin's own handler reads the few files of web/ through the class loader. Jetty's, the
      // default, mounts the whole jar as a zip file system first: every entry indexed at every
      // start. Jetty's stays for a folder on disk: Javalin's does not serve its index.html at /.
      cfg.resourceHandler(new JavalinStaticResourceHandler());
    }
    cfg.staticFiles.add(files -> {
      files.hostedPath = "/";
      if (external) {
        files.directory = Path.of(dir).toAbsolutePath().toString();
        files.location = Location.EXTERNAL;
      } else {
        files.directory = "/web";
        files.location = Location.CLASSPATH;
      }
      files.headers = Map.of("Cache-Control", "no-cache");
    });
  }

  private static byte[] openApiDocument() {
    try (InputStream in = LoupeServer.class.getResourceAsStream("/loupe/server/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read openapi.json from the jar", e);
    }
  }

  /** The port the server listens on (useful when started on port 0). */
  public int port() {
    return app.port();
  }

  /** Stops listening; in-flight requests finish first. */
  @Override
  public void close() {
    app.stop();
  }
}
