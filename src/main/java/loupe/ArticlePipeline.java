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
import loupe.entities.CorpusNames;
import loupe.entities.EntityExtractor;
import loupe.entities.NameEvidence;
import loupe.index.ArticleWriter;
import loupe.index.IndexedArticle;
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

  /** Surnames settle in one round of re-extraction and spellings in the next; a third is a safety margin. */
  private static final int MAX_RELEARN_ROUNDS = 3;

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
    return run(null, batch -> {
      for (Article article : articles) {
        batch.article(article, article.id());
      }
    });
  }

  synchronized IngestReport indexJsonLines(InputStream in, String name) throws IOException {
    return run(null, batch -> new JsonLinesSource().read(in, name, batch));
  }

  synchronized IngestReport indexFiles(List<Path> paths, IndexingProgress progress) throws IOException {
    FirstPass firstPass = writer.keepsEvidence() ? pool -> learnFromFiles(paths, pool) : null;
    return run(firstPass, batch -> {
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
    CorpusNames used = writer.corpusNames();
    boolean existed = writer.delete(id);
    try {
      relearn(used, null, Runnable::run);
    } catch (IOException | RuntimeException e) {
      rollback(e);
      throw e;
    }
    commitOrRollback();
    return existed;
  }

  private interface Reading {
    void readInto(Batch batch) throws IOException;
  }

  /** What a batch knows of its people before it extracts anything: a first pass over input that can be read twice. */
  private interface FirstPass {
    Forecast learn(ExecutorService pool) throws IOException;
  }

  /**
   * What a first pass learnt: what the index knew before the batch (its articles were read with that) and what it
   * will know with the batch's files (the batch's articles are read with this).
   */
  private record Forecast(CorpusNames indexBefore, CorpusNames withFiles) {}

  private IngestReport run(FirstPass firstPass, Reading reading) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "loupe-indexer");
      t.setDaemon(true);
      return t;
    });
    Batch batch;
    try {
      batch = new Batch(pool, firstPass == null ? null : firstPass.learn(pool));
    } catch (IOException | RuntimeException | Error e) {
      pool.shutdownNow();
      throw e;
    }
    try {
      reading.readInto(batch);
      batch.drain();
      // The relearn opens a near-real-time reader, which would write the batch's buffers on one thread.
      flushOnAllThreads(pool);
      relearn(batch.names, batch.indexBefore, pool);
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

  /**
   * A first pass over the input files before a batch extracts: what the index already knows plus what the files
   * give (full names with strong evidence, person values as each article spells them, read without knowledge).
   * Articles are then extracted once with nearly the knowledge the index will hold, instead of a first load
   * extracting and writing most articles twice (docs/entities.md). It is a forecast: articles the batch replaces
   * count twice, and values that only the knowledge resolves are missing, so {@link #relearn} still settles what
   * differs before the commit.
   */
  private Forecast learnFromFiles(List<Path> paths, ExecutorService pool) throws IOException {
    NameEvidence index = writer.nameEvidence();
    CorpusNames indexBefore = index.learn(); // before the reader adds the files' evidence to the same counts
    EvidenceReader reader = new EvidenceReader(pool, index);
    for (ArticleFiles.Input input : ArticleFiles.list(paths, new ArrayList<>())) {
      try {
        ArticleFiles.sourceFor(input.file()).orElseThrow().read(input.file(), input.name(), input.defaultId(), reader);
      } catch (IOException e) {
        // The second pass reads the file again and reports it.
      }
    }
    return new Forecast(indexBefore, reader.learn());
  }

  /** The first pass's listener: extracts without knowledge on the pool, in chunks, and counts what articles give. */
  private final class EvidenceReader implements IngestListener {
    private final ExecutorService pool;
    private final NameEvidence evidence;
    private final Semaphore permits = new Semaphore(inFlight);
    private final List<Future<?>> work = new ArrayList<>();
    private List<Article> chunk = new ArrayList<>(CHUNK);

    EvidenceReader(ExecutorService pool, NameEvidence evidence) {
      this.pool = pool;
      this.evidence = evidence;
    }

    @Override
    public void article(Article article, String location) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("indexing interrupted", e);
      }
      chunk.add(article);
      if (chunk.size() == CHUNK) {
        submit();
      }
    }

    @Override
    public void rejected(Rejection rejection) {
      // Reported by the second pass.
    }

    private void submit() {
      List<Article> articles = chunk;
      chunk = new ArrayList<>(CHUNK);
      work.add(pool.submit(() -> {
        try {
          for (Article a : articles) {
            evidence.add(extractor.extract(a.title(), a.body()));
          }
        } finally {
          permits.release(articles.size());
        }
        return null;
      }));
      work.removeIf(f -> f.state() == Future.State.SUCCESS);
    }

    CorpusNames learn() throws IOException {
      if (!chunk.isEmpty()) {
        submit();
      }
      for (Future<?> f : work) {
        await(f);
      }
      return evidence.learn();
    }
  }

  /**
   * The batch may have taught the index something about its people (a surname that now stands for one person, a
   * spelling that now wins): the articles whose reading that changes, in this batch or indexed before, are read
   * again with what the index now knows, before the commit. Strong evidence does not depend on knowledge, so the
   * surnames settle in one round; the spellings the articles give may change with them, so a second round picks
   * the values' spellings. Every article ends up read with the knowledge of the whole index, whatever its order.
   */
  private void relearn(CorpusNames used, CorpusNames indexBefore, java.util.concurrent.Executor executor)
      throws IOException {
    for (int round = 0; round < MAX_RELEARN_ROUNDS; round++) {
      CorpusNames learnt = writer.corpusNames();
      java.util.Set<String> words = learnt.changedWords(used);
      if (round == 0 && indexBefore != null) {
        // The batch's articles were read with the first pass's forecast, the articles indexed before it with what
        // the index knew then: what changed since either must be read again.
        words.addAll(learnt.changedWords(indexBefore));
      }
      if (words.isEmpty()) {
        return;
      }
      reextractChanged(words, learnt, executor);
      used = learnt;
    }
  }

  private void reextractChanged(java.util.Set<String> words, CorpusNames learnt,
      java.util.concurrent.Executor executor) throws IOException {
    List<java.util.concurrent.CompletableFuture<Void>> work = new ArrayList<>();
    List<IndexedArticle> chunk = new ArrayList<>();
    writer.forEachIncludingPending(indexed -> {
      Article a = indexed.article();
      if (CorpusNames.mentionsAny(a.title(), words) || CorpusNames.mentionsAny(a.body(), words)) {
        chunk.add(indexed);
        if (chunk.size() == CHUNK) {
          work.add(reextract(List.copyOf(chunk), learnt, executor));
          chunk.clear();
          work.removeIf(java.util.concurrent.CompletableFuture::isDone);
        }
      }
    });
    work.add(reextract(List.copyOf(chunk), learnt, executor));
    for (java.util.concurrent.CompletableFuture<Void> f : work) {
      await(f);
    }
  }

  /**
   * Reads the articles again and writes those whose reading changed. Most articles that mention a changed word
   * read the same (a surname shared by several people, a spelling the article does not use): rewriting them
   * would cost as much as indexing them again, and would leave their old copies counted in the index's term
   * statistics (documents deleted but not yet merged away) until a merge.
   */
  private java.util.concurrent.CompletableFuture<Void> reextract(List<IndexedArticle> articles, CorpusNames names,
      java.util.concurrent.Executor executor) {
    return java.util.concurrent.CompletableFuture.runAsync(() -> {
      for (IndexedArticle indexed : articles) {
        Article a = indexed.article();
        try {
          ArticleEntities fresh = extractor.extract(a.title(), a.body(), names);
          if (!fresh.sameReadingAs(indexed.entities())) {
            writer.upsert(a, fresh);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }, executor);
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
    } catch (ExecutionException | java.util.concurrent.CompletionException e) {
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

    /** {@code learnt}: what a first pass learnt, or null to read the articles with what the index knows now. */
    Batch(ExecutorService pool, Forecast learnt) throws IOException {
      this.pool = pool;
      this.emptyAtStart = writer.isEmpty();
      if (learnt != null) {
        this.names = learnt.withFiles();
        this.indexBefore = emptyAtStart ? null : learnt.indexBefore();
      } else {
        this.names = emptyAtStart ? CorpusNames.EMPTY : writer.corpusNames();
        this.indexBefore = null;
      }
    }

    /** What the batch's articles are read with: the first pass's forecast, or what the index knew at the start. */
    final CorpusNames names;

    /**
     * With a first pass over a non-empty index, what the index knew before the batch: its articles were read with
     * that, not with the forecast. Null otherwise.
     */
    final CorpusNames indexBefore;

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
            entities[i] = extractor.extract(article.title(), article.body(), names);
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
