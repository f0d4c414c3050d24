package loupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loupe.ingest.IngestReport;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the examples of docs/clients.md (curl, Python, JavaScript), linked from the README, against a
 * real server over the demo corpus, as a reader would run them against {@code ./loupe demo}: each
 * must exit 0 and print what its {@code prints:} comments say. A language whose tool is not on the
 * PATH is skipped with a message. An integration test: it starts a server and child processes.
 */
class ReadmeExamplesIT {

  /** The page of client examples, relative to the project. */
  static final String PAGE = "docs/clients.md";
  /** The address the examples use: that of {@code ./loupe demo}. */
  static final String DOCUMENTED_BASE = "http://127.0.0.1:7070";
  private static final String TOKEN = "readme-example-token";
  private static final Pattern FENCE = Pattern.compile("^```(\\w+)\\s*$");
  private static final Pattern PRINTS = Pattern.compile("(?:#|//)\\s*prints:\\s*(.+?)\\s*$");

  @TempDir static Path dir;
  private static Loupe loupe;
  private static LoupeServer server;

  /** One fenced block of the section. */
  record Example(String language, String code) {}

  @BeforeAll
  static void serveTheDemoCorpus() throws IOException {
    loupe = Loupe.open(dir.resolve("index"));
    try (InputStream corpus = ReadmeExamplesIT.class.getResourceAsStream("/loupe/demo/articles.jsonl")) {
      assertTrue(corpus != null, "the demo corpus is on the classpath");
      IngestReport report = loupe.indexJsonLines(corpus, "demo corpus");
      assertEquals(0, report.rejected());
    }
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), TOKEN));
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (loupe != null) {
      loupe.close();
    }
  }

  @Test
  void pageHasACurlAPythonAndAJavaScriptExampleThatEachSayWhatTheyPrint() throws IOException {
    List<Example> examples = examples();
    List<String> runnable = List.of("bash", "python", "javascript");
    examples.forEach(e -> assertTrue(runnable.contains(e.language()),
        "a ```" + e.language() + " block in " + PAGE + " would never run: every block there is an example"));
    for (String language : runnable) {
      List<Example> of = examples.stream().filter(e -> e.language().equals(language)).toList();
      assertFalse(of.isEmpty(), "no ```" + language + " block in " + PAGE);
      of.forEach(e -> assertFalse(expectedOutput(e).isEmpty(), "a " + language + " block has no « prints: » comment"));
      of.forEach(e -> assertTrue(e.code().contains(DOCUMENTED_BASE), "a " + language + " block does not use " + DOCUMENTED_BASE));
    }
  }

  @Test
  void curlExamplesExitZeroAndPrintWhatTheySay() throws Exception {
    assumeTrue(onPath("bash") && onPath("curl"), "bash or curl is not on the PATH: the curl examples are not run");
    for (Example example : examples("bash")) {
      Path script = Files.writeString(dir.resolve("example.sh"), localised(example));
      check(example, run(List.of("bash", "-e", script.toString())));
    }
  }

  @Test
  void pythonExampleExitsZeroAndPrintsWhatItSays() throws Exception {
    assumeTrue(onPath("python3"), "python3 is not on the PATH: the Python example is not run");
    for (Example example : examples("python")) {
      Path script = Files.writeString(dir.resolve("example.py"), localised(example));
      check(example, run(List.of("python3", script.toString())));
    }
  }

  @Test
  void javaScriptExampleExitsZeroAndPrintsWhatItSays() throws Exception {
    assumeTrue(onPath("node"), "node is not on the PATH: the JavaScript example is not run");
    Result fetchCheck = run(List.of("node", "-e", "process.exit(typeof fetch === 'function' ? 0 : 3)"));
    assumeTrue(fetchCheck.status() == 0, "this node has no global fetch (Node 18+ needed): the JavaScript example is not run");
    for (Example example : examples("javascript")) {
      check(example, run(List.of("node", "--input-type=module", "-e", localised(example))));
    }
  }

  /** The page's fenced blocks: every one of them is an example. */
  static List<Example> examples() throws IOException {
    Path project = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    List<String> page = Files.readAllLines(project.resolve(PAGE), StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    String language = null;
    StringBuilder code = new StringBuilder();
    for (String line : page) {
      Matcher open = FENCE.matcher(line);
      if (language == null && open.matches()) {
        language = open.group(1);
        code.setLength(0);
      } else if (language == null && line.startsWith("```")) {
        fail("a block in " + PAGE + " opens without a language: " + line);
      } else if (language != null && line.strip().equals("```")) {
        examples.add(new Example(language, code.toString()));
        language = null;
      } else if (language != null) {
        code.append(line).append('\n');
      }
    }
    assertTrue(language == null, "a fenced block is not closed");
    return examples;
  }

  private static List<Example> examples(String language) throws IOException {
    return examples().stream().filter(e -> e.language().equals(language)).toList();
  }

  /** What the example's {@code prints:} comments say it prints. */
  static List<String> expectedOutput(Example example) {
    List<String> expected = new ArrayList<>();
    for (String line : example.code().split("\n")) {
      Matcher m = PRINTS.matcher(line);
      if (m.find()) {
        expected.add(m.group(1));
      }
    }
    return expected;
  }

  /** The example aimed at the test server instead of {@code ./loupe demo}'s address. */
  private static String localised(Example example) {
    return example.code().replace(DOCUMENTED_BASE, "http://127.0.0.1:" + server.port());
  }

  private static void check(Example example, Result result) {
    assertEquals(0, result.status(), "the " + example.language() + " example failed:\n" + example.code()
        + "\nstdout:\n" + result.out() + "\nstderr:\n" + result.err());
    for (String expected : expectedOutput(example)) {
      assertTrue(result.out().contains(expected), "the " + example.language() + " example says it prints « "
          + expected + " », but printed:\n" + result.out());
    }
  }

  /** What a child process did. */
  record Result(int status, String out, String err) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.put("LOUPE_API_TOKEN", TOKEN);
    // Loopback only, whatever proxy the machine configures; output decoded as UTF-8 below.
    env.put("NO_PROXY", "127.0.0.1,localhost");
    env.put("no_proxy", "127.0.0.1,localhost");
    env.put("PYTHONIOENCODING", "utf-8");
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command.get(0) + " did not finish within 60 s; stderr: " + Files.readString(err));
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String executable) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (!directory.isBlank() && Files.isExecutable(Path.of(directory, executable))) {
        return true;
      }
    }
    return false;
  }
}
