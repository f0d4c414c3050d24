package loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import loupe.Loupe;
import loupe.search.Hit;
import loupe.search.InvalidRequestException;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.SortOrder;
import loupe.server.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code loupe search}: the same search as the API, from a terminal or a script. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {
      "Search the index as the API does: keywords are all required, a question needs some of its words;",
      "\"phrases\" in quotes; -word excludes; a OR b.",
      "With --queries, runs a JSONL file of {\"qid\", \"query\"} and prints {\"qid\", \"hits\": [{\"id\", \"score\"}]} per line."
    })
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Option(names = "--country", paramLabel = "C", description = "Keep articles about this country (repeatable, OR-ed).")
  List<String> countries = new ArrayList<>();

  @Option(names = "--person", paramLabel = "P", description = "Keep articles about this person (repeatable, OR-ed).")
  List<String> persons = new ArrayList<>();

  @Option(names = "--organization", paramLabel = "O", description = "Keep articles about this organisation (repeatable, OR-ed).")
  List<String> organizations = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Number of hits (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or date.")
  String sort;

  @Option(names = "--json", description = "Print the API's JSON response.")
  boolean json;

  @Option(names = "--queries", paramLabel = "FILE", description = "JSONL file of queries to run in batch.")
  Path queries;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query words.")
  List<String> words = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Loupe loupe = index.openReadOnly()) {
      if (queries != null) {
        return runBatch(loupe, out);
      }
      if (words.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a QUERY or --queries FILE");
      }
      SearchResponse response = loupe.search(request(String.join(" ", words), limit));
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(response));
      } else {
        print(response, out);
      }
    }
    return CommandLine.ExitCode.OK;
  }

  private SearchRequest request(String query, int size) {
    if (size < 0 || size > SearchRequest.MAX_WINDOW) {
      throw new InvalidRequestException("--limit", "must be between 0 and " + SearchRequest.MAX_WINDOW);
    }
    // The batch mode may ask deeper than a page of the API: evaluations read the top 100.
    return SearchRequest.builder().query(query).countries(countries).persons(persons).organizations(organizations)
        .size(Math.min(size, SearchRequest.MAX_SIZE)).sort(SortOrder.parse(sort)).build();
  }

  private int runBatch(Loupe loupe, PrintWriter out) throws Exception {
    int rejected = 0;
    PrintWriter err = spec.commandLine().getErr();
    try (BufferedReader in = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode q;
        try {
          q = Json.MAPPER.readTree(line);
        } catch (Exception e) {
          err.println("rejected " + queries + ":" + lineNumber + ": not valid JSON");
          rejected++;
          continue;
        }
        if (!q.path("query").isTextual()) {
          err.println("rejected " + queries + ":" + lineNumber + ": missing string field 'query'");
          rejected++;
          continue;
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        int from = 0;
        int remaining = limit;
        // Pages of the API's size, so --limit 100 or more works with the same ranking.
        while (remaining > 0) {
          int size = Math.min(remaining, SearchRequest.MAX_SIZE);
          SearchResponse r = loupe.search(SearchRequest.builder().query(q.get("query").textValue())
              .countries(countries).persons(persons).organizations(organizations).from(from).size(size).sort(SortOrder.parse(sort))
              .facetSize(0).snippets(false).build());
          for (Hit h : r.hits()) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("id", h.id());
            hit.put("score", h.score());
            hits.add(hit);
          }
          if (r.hits().size() < size) {
            break;
          }
          from += size;
          remaining -= size;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("qid", q.path("qid").isMissingNode() ? String.valueOf(lineNumber) : q.get("qid").asText());
        result.put("hits", hits);
        out.println(Json.MAPPER.writeValueAsString(result));
      }
    }
    out.flush();
    return rejected > 0 ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
  }

  private static void print(SearchResponse response, PrintWriter out) {
    out.printf("%d résultat%s%s%n", response.total(), response.total() == 1 ? "" : "s",
        response.relaxed() ? " (aucun article ne contient tous les mots : résultats approchants)" : "");
    if (response.correction() != null) {
      out.println(response.correction().applied()
          ? "Résultats pour « " + response.correction().corrected() + " » (aucun pour « " + response.correction().original() + " »)"
          : "Essayez avec cette orthographe : « " + response.correction().corrected() + " »");
    }
    int rank = response.from();
    for (Hit hit : response.hits()) {
      rank++;
      out.printf("%n%d. %s  [%s]%n", rank, hit.title(), hit.id());
      List<String> meta = new ArrayList<>();
      if (hit.date() != null) meta.add(hit.date());
      if (hit.source() != null) meta.add(hit.source());
      if (!meta.isEmpty()) out.println("   " + String.join(" · ", meta));
      for (String snippet : hit.snippets()) {
        out.println("   " + TerminalText.fromSnippet(snippet));
      }
    }
    response.facets().forEach((dim, values) -> {
      if (!values.isEmpty()) {
        out.printf("%n%s: %s%n", dim, String.join(", ",
            values.stream().map(v -> v.value() + " (" + v.count() + ")").toList()));
      }
    });
  }
}
