package loupe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import loupe.entities.ArticleEntities;
import loupe.entities.EntityExtractor;
import loupe.index.ArticleWriter;
import loupe.ingest.Article;
import loupe.ingest.ArticleFiles;
import loupe.ingest.IngestListener;
import loupe.ingest.IngestReport;
import loupe.ingest.IngestTally;
import loupe.ingest.JsonLinesSource;
import loupe.ingest.Rejection;

/**
 * Runs one indexing batch: read → extract entities → upsert, on all cores, then one commit. On any
 * failure the batch is rolled back, so the index holds exactly the previous commit.
 */
final class ArticlePipeline {

  /**
   * Articles per pool task. With a task per article, hand-offs between the reading thread and the
   * writers took a large share of the indexing time on two cores (figures in docs/decisions.md);
   * 64 news articles are about 130 KB.
   */
  private static final int CHUNK = 64;

  /** An article read and waiting for a writer, with what the reading thread knew of its id. */
  private record Pending(Article article, String location, boolean existed, boolean absent) {}

  private final ArticleWriter writer;
  private final EntityExtractor extractor;
  private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  /** Articles read ahead of the writers: four chunks a thread, so none waits; bounds memory whatever the input. */
  private final int inFlight = CHUNK * 4 * threads;

  ArticlePipeline(ArticleWriter writer, EntityExtractor extractor) {
    this.writer = writer;
    this.extractor = extractor;
  }

  synchronized IngestReport indexArticles(List<Article> articles) throws IOException {
    return run(batch -> {
      for (Article article : articles) {
        batch.article(article, article.id());
      }
    });
  }

  synchronized IngestReport indexJsonLines(InputStream in, String name) throws IOException {
    return run(batch -> new JsonLinesSource().read(in, name, batch));
  }

  synchronized IngestReport indexFiles(List<Path> paths, IndexingProgress progress) throws IOException {
    return run(batch -> {
      List<Rejection> problems = new ArrayList<>();
      List<ArticleFiles.Input> inputs = ArticleFiles.list(paths, problems);
      problems.forEach(batch::rejected);
      progress.started(inputs.stream().mapToLong(ArticleFiles.Input::size).sum(), inputs.size());
      long done = 0;
      for (ArticleFiles.Input input : inputs) {
        progress.file(input.file());
        long before = done;
        batch.onProgress = bytes -> progress.bytesRead(before + bytes);
        try {
          ArticleFiles.sourceFor(input.file()).orElseThrow()
              .read(input.file(), input.name(), input.defaultId(), batch);
        } catch (IOException e) {
          batch.rejected(new Rejection(input.name(), 0, "cannot read: " + ArticleFiles.describe(e)));
        }
        done += input.size();
        progress.bytesRead(done);
      }
      progress.committing();
    });
  }

  synchronized boolean delete(String id) throws IOException {
    boolean existed = writer.delete(id);
    commitOrRollback();
    return existed;
  }

  private interface Reading {
    void readInto(Batch batch) throws IOException;
  }

  private IngestReport run(Reading reading) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "loupe-indexer");
      t.setDaemon(true);
      return t;
    });
    Batch batch = new Batch(pool);
    try {
      reading.readInto(batch);
      batch.drain();
      flushOnAllThreads(pool);
    } catch (IOException | RuntimeException | Error e) {
      pool.shutdownNow();
      rollback(e);
      throw e;
    } finally {
      pool.shutdown();
    }
    commitOrRollback();
    return batch.tally.report();
  }

  /** The commit would write the in-memory buffers one by one: write them on every thread first. */
  private void flushOnAllThreads(ExecutorService pool) throws IOException {
    List<Future<?>> flushes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      flushes.add(pool.submit(() -> {
        while (writer.flushBuffer()) {
          // until no buffer is left
        }
        return null;
      }));
    }
    for (Future<?> f : flushes) {
      await(f);
    }
  }

  /** Waits for a task of the pool and rethrows its failure as the task threw it. */
  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw cause instanceof IOException io ? io : new IOException(cause);
    }
  }

  private void commitOrRollback() throws IOException {
    try {
      writer.commit();
    } catch (IOException | RuntimeException e) {
      rollback(e);
      throw e;
    }
  }

  private void rollback(Throwable cause) {
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** The listener readers feed: tallies in reading order, extracts and writes on the pool. */
  private final class Batch implements IngestListener {
    final IngestTally tally = new IngestTally();
    private final ExecutorService pool;
    private final Semaphore permits = new Semaphore(inFlight);
    private final List<Future<?>> pending = new ArrayList<>();
    java.util.function.LongConsumer onProgress = bytes -> {};

    Batch(ExecutorService pool) throws IOException {
      this.pool = pool;
      this.emptyAtStart = writer.isEmpty();
    }

    /** Ids read so far in this batch, in the reading thread. */
    private final java.util.Set<String> read = new java.util.HashSet<>();
    /** An index empty at the start holds none of the ids: no lookup per article on a first load. */
    private final boolean emptyAtStart;

    /** Articles read but not yet handed to the pool. */
    private List<Pending> chunk = new ArrayList<>();

    @Override
    public void article(Article article, String location) {
      try {
        boolean duplicate = !read.add(article.id());
        if (duplicate) {
          // The last record of an id must win: let earlier writes of it land first.
          drain();
        }
        boolean existed = !duplicate && !emptyAtStart && writer.contains(article.id());
        // Neither in the index nor earlier in this batch: nothing to replace.
        boolean absent = !duplicate && emptyAtStart;
        permits.acquire();
        chunk.add(new Pending(article, location, existed, absent));
        if (chunk.size() >= CHUNK) {
          submitChunk();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("indexing interrupted", e);
      }
    }

    private void submitChunk() {
      if (chunk.isEmpty()) {
        return;
      }
      List<Pending> articles = chunk;
      chunk = new ArrayList<>(CHUNK);
      pending.add(pool.submit(() -> {
        try {
          // The whole chunk's extraction, then its indexing: each stage's tables stay in the core's
          // caches a while longer (alternating the two was no faster: docs/decisions.md).
          ArticleEntities[] entities = new ArticleEntities[articles.size()];
          for (int i = 0; i < entities.length; i++) {
            Article article = articles.get(i).article();
            entities[i] = extractor.extract(article.title(), article.body());
          }
          for (int i = 0; i < entities.length; i++) {
            write(articles.get(i), entities[i]);
          }
        } finally {
          permits.release(articles.size());
        }
        return null;
      }));
      if (pending.size() >= inFlight / CHUNK) {
        // Keep failed writes: drain() reports them.
        pending.removeIf(f -> f.state() == Future.State.SUCCESS);
      }
    }

    private void write(Pending p, ArticleEntities entities) {
      try {
        if (p.absent()) {
          writer.add(p.article(), entities);
        } else {
          writer.upsert(p.article(), entities);
        }
        tally.indexed(p.article().id(), p.existed());
      } catch (IllegalArgumentException e) {
        // Lucene refused this one document (a term too long, bad offsets); the others go on.
        tally.rejected(new Rejection(p.location(), 0, "could not be indexed: " + e.getMessage()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void warning(Rejection warning) {
      tally.warning(warning);
    }

    @Override
    public void rejected(Rejection rejection) {
      tally.rejected(rejection);
    }

    @Override
    public void progress(long bytesInFile) {
      onProgress.accept(bytesInFile);
    }

    void drain() throws IOException {
      submitChunk();
      for (Future<?> f : pending) {
        await(f);
      }
      pending.clear();
    }
  }
}
