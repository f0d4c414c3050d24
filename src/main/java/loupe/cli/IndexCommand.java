package loupe.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import loupe.IndexingProgress;
import loupe.Loupe;
import loupe.ingest.IngestReport;
import loupe.ingest.Rejection;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code loupe index}: reads files and folders into the index in one atomic commit. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
      "Index articles from files and folders (recursively): .jsonl, .json, .txt, .md, .html.",
      "Articles are upserted by id; everything is committed at once at the end, so an interrupted run leaves the index as it was.",
      "Exit status 1 when some records were rejected."
    })
final class IndexCommand implements Callable<Integer> {

  @Mixin IndexOption index;
  @Mixin LexiconOption lexicon;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to index.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IngestReport report;
    try (Loupe loupe = lexicon.open(index);
        TerminalProgress progress = new TerminalProgress()) {
      report = loupe.indexFiles(paths, progress);
      progress.finish();
      out.printf("indexed %d articles into %s (%d new, %d updated), %d rejected%n",
          report.indexed(), index.where(), report.added(), report.updated(), report.rejected());
      if (report.duplicates() > 0) {
        out.printf("%d records repeated an id already read in this run (the last one was kept): %s%s%n",
            report.duplicates(), String.join(", ", report.duplicateIds().stream().limit(10).toList()),
            report.duplicateIds().size() > 10 ? ", …" : "");
      }
      for (Rejection w : report.warnings()) {
        err.println("warning " + w);
      }
      for (Rejection r : report.rejections()) {
        err.println("rejected " + r);
      }
      if (report.rejected() > report.rejections().size()) {
        err.printf("… and %d more rejections%n", report.rejected() - report.rejections().size());
      }
      out.printf("the index now holds %d articles%n", loupe.count());
    }
    return report.partial() ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
  }

  /** A progress bar on a terminal (by bytes read); silent when output is piped or in CI. */
  private static final class TerminalProgress implements IndexingProgress, AutoCloseable {
    private final boolean enabled = System.console() != null && System.getenv("CI") == null;
    private ProgressBar bar;

    @Override
    public void started(long totalBytes, int files) {
      if (enabled && totalBytes > 0) {
        bar = new ProgressBarBuilder()
            .setTaskName("Indexing")
            .setInitialMax(totalBytes)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUnit(" MB", 1024 * 1024)
            .setUpdateIntervalMillis(200)
            .build();
      }
    }

    @Override
    public void bytesRead(long totalBytesRead) {
      if (bar != null) {
        bar.stepTo(totalBytesRead);
      }
    }

    @Override
    public void committing() {
      if (bar != null) {
        bar.setExtraMessage(" committing…");
      }
    }

    /** Ends the bar before the summary is printed below it. */
    void finish() {
      close();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
