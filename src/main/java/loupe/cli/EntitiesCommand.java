package loupe.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import loupe.Loupe;
import loupe.entities.ArticleEntities;
import loupe.entities.CorpusNames;
import loupe.entities.EntityExtractor;
import loupe.entities.EntityType;
import loupe.entities.Extractors;
import loupe.entities.Mention;
import loupe.entities.NameEvidence;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import loupe.ingest.IngestListener;
import loupe.ingest.JsonLinesSource;
import loupe.ingest.Rejection;
import loupe.server.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code loupe entities}: the entities Loupe would index, one JSON line per article. */
@Command(name = "entities", mixinStandardHelpOptions = true,
    description = {
      "Extract persons, countries and organisations from article JSONL (stdin when no file) and print one line per article:",
      "{\"id\", \"mentions\": [{\"type\", \"text\", \"start\", \"end\", \"canonical\", \"code\"}], \"persons\", \"countries\", \"organizations\"}",
      "Without --index the input is read twice: the first pass learns the full names its articles give, the second",
      "resolves bare surnames and spellings with them, as an index does. With --index, the index's knowledge is used;",
      "--explain ID says why an indexed article has each facet value."
    })
final class EntitiesCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE.jsonl", description = "Article JSONL; stdin when absent.")
  Path file;

  @Option(names = "--lexicon", paramLabel = "FILE", description = "A user lexicon adding persons, countries and aliases.")
  Path lexicon;

  @Option(names = "--index", paramLabel = "DIR", description = "Use what this index learnt of its people instead of a first pass.")
  Path index;

  @Option(names = "--explain", paramLabel = "ID", description = "With --index: why the indexed article ID has each facet value.")
  String explain;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (explain != null && index == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--explain needs --index DIR");
    }
    if (index != null && !Files.isDirectory(index)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no index at " + index);
    }
    EntityExtractor extractor = lexicon == null ? Extractors.standard() : Extractors.withUserLexicon(lexicon);
    CorpusNames names;
    if (index != null) {
      try (Loupe loupe = Loupe.openReadOnly(index)) {
        names = loupe.corpusNames();
        if (explain != null) {
          return explain(loupe, names, out, err);
        }
      }
    } else {
      names = null;
    }
    int[] rejected = {0};
    byte[] stdin = file == null ? System.in.readAllBytes() : null;
    if (names == null) {
      // First pass: what the input's own articles give as full names with strong evidence; then the spellings of
      // their person values once those names are known, as an index settles them (ArticlePipeline.relearn).
      NameEvidence evidence = new NameEvidence();
      read(stdin, article -> evidence.add(extractor.extract(article.title(), article.body())), rejection -> { });
      CorpusNames surnames = CorpusNames.learn(evidence.fullNames());
      NameEvidence spellings = new NameEvidence();
      evidence.fullNames().forEach(spellings::addFullName);
      read(stdin, article -> extractor.extract(article.title(), article.body(), surnames).personSpellings()
          .forEach(v -> spellings.addPersonValue(v, 1)), rejection -> { });
      names = spellings.learn();
    }
    CorpusNames learnt = names;
    read(stdin, article -> print(out, article, extractor.extract(article.title(), article.body(), learnt)),
        rejection -> {
          rejected[0]++;
          err.println("rejected " + rejection);
        });
    out.flush();
    return rejected[0] > 0 ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
  }

  private void read(byte[] stdin, Consumer<Article> articles, Consumer<Rejection> rejections) throws IOException {
    IngestListener listener = new IngestListener() {
      @Override
      public void article(Article article, String location) {
        articles.accept(article);
      }

      @Override
      public void rejected(Rejection rejection) {
        rejections.accept(rejection);
      }
    };
    String name = file == null ? "stdin" : file.toString();
    try (InputStream in = file == null ? new ByteArrayInputStream(stdin) : Files.newInputStream(file)) {
      new JsonLinesSource().read(in, name, listener);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
    }
  }

  private static void print(PrintWriter out, Article article, ArticleEntities entities) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", article.id());
    line.put("mentions", entities.mentions());
    line.put("persons", entities.persons());
    line.put("countries", entities.countries());
    line.put("organizations", entities.organizations());
    try {
      out.println(Json.MAPPER.writeValueAsString(line));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each facet value of an indexed article with the words of the text it comes from, and what the corpus taught. */
  private int explain(Loupe loupe, CorpusNames names, PrintWriter out, PrintWriter err) throws IOException {
    IndexedArticle indexed = loupe.find(explain).orElse(null);
    if (indexed == null) {
      err.println("no article with id " + explain + " in " + index);
      return CommandLine.ExitCode.SOFTWARE;
    }
    ArticleEntities e = indexed.entities();
    out.println(explain + "  « " + indexed.article().title() + " »");
    out.println("the index knows " + names.surnameCount() + " surnames that stand for one person");
    explainType(out, "persons", e.persons(), e.mentions(), EntityType.PERSON, names);
    explainType(out, "countries", e.countries(), e.mentions(), EntityType.COUNTRY, names);
    explainType(out, "organizations", e.organizations(), e.mentions(), EntityType.ORGANIZATION, names);
    out.flush();
    return CommandLine.ExitCode.OK;
  }

  private static void explainType(PrintWriter out, String label, List<String> values, List<Mention> mentions,
      EntityType type, CorpusNames names) {
    out.println(label + ":");
    Map<String, List<String>> forms = new TreeMap<>();
    for (Mention m : mentions) {
      if (m.type() == type) {
        List<String> f = forms.computeIfAbsent(m.canonical(), k -> new ArrayList<>());
        if (!f.contains(m.text())) {
          f.add(m.text());
        }
      }
    }
    for (String value : values) {
      List<String> f = forms.getOrDefault(value, List.of());
      StringBuilder line = new StringBuilder("  ").append(value).append("  ← ");
      line.append(f.isEmpty() ? "the title" : "« " + String.join(" », « ", f) + " »");
      if (type == EntityType.PERSON && names.hasSeveralSpellings(value)) {
        line.append("; the corpus writes this name in several spellings (accents, case, hyphens): the index gives"
            + " them all this one");
      }
      for (String form : f) {
        names.surname(form).filter(r -> r.name().equals(value)).ifPresent(r -> line.append(String.format(
            java.util.Locale.ROOT, "; « %s » alone: the index names %s in full in %d articles (%.0f%% of the full "
                + "names with this surname)", form, r.name(), r.articles(), 100 * r.share())));
      }
      out.println(line);
    }
  }
}
