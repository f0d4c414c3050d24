package loupe.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import loupe.search.SearchRequest;
import loupe.search.Suggestion;
import loupe.search.lucene.query.UserQueryParser;
import loupe.search.lucene.spelling.SurfaceForms;
import loupe.search.lucene.suggest.Completions;
import loupe.search.lucene.suggest.Suggester;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * Completions of what a reader types, on SolrCloud, with Loupe's own rules as the embedded index
 * applies them ({@link Completions}: names first, then words; each counted as the reader will see it
 * under the filters already ticked, those showing nothing left out). The names are the cluster's facet
 * values (one request, kept until this process commits or for a minute), the words its vocabulary
 * (Solr's terms component, every shard) written as the articles write them, and the counts come from
 * one request of query facets.
 *
 * <p>One per backend, shared by all requests.
 */
final class SolrCompletions {

  /** How long the names are kept when another process may be writing: a new name shows within a minute. */
  private static final long NAMES_KEPT_NANOS = TimeUnit.MINUTES.toNanos(1);
  /** Articles read for the spelling of each completed word, as the embedded index reads. */
  private static final int ARTICLES_READ_PER_WORD = 3;

  private record Names(Suggester suggester, long builtAt) {}

  private final SolrBackend backend;
  private final UserQueryParser parser;
  private final SurfaceForms surfaceForms = new SurfaceForms();
  private volatile Names names;

  SolrCompletions(SolrBackend backend, UserQueryParser parser) {
    this.backend = backend;
    this.parser = parser;
  }

  /** This process committed: names may have come or gone. */
  void namesChanged() {
    names = null;
  }

  List<Suggestion> suggest(String prefix, int size, SearchRequest context) throws IOException {
    Map<String, List<String>> ticked = context.filters();
    boolean unfiltered = ticked.values().stream().allMatch(List::isEmpty)
        && context.dateFrom() == null && context.dateTo() == null;
    List<Suggestion> candidates = new ArrayList<>();
    // Twice as many candidates: some are dropped below.
    for (Suggestion s : Completions.complete(prefix, 2 * size, names(), this::words)) {
      if (s.facet() != null && ticked.getOrDefault(s.facet(), List.of()).contains(s.text())) {
        continue;
      }
      if (s.facet() == null && parser.parse(s.query()).matchAll()) {
        continue; // a stop word (« pour ») searches for nothing: it would show every article
      }
      candidates.add(s);
    }
    long[] counts = count(candidates, context, unfiltered);
    List<Suggestion> kept = new ArrayList<>();
    for (int i = 0; i < candidates.size() && kept.size() < size; i++) {
      if (counts[i] > 0) {
        kept.add(candidates.get(i).withCount(counts[i]));
      }
    }
    return kept;
  }

  /**
   * Each candidate's count as a pick would show it: its words searched under the ticked filters and,
   * for a name, its value ticked beside the others of its facet. One request, a query facet each.
   */
  @SuppressWarnings("unchecked")
  private long[] count(List<Suggestion> candidates, SearchRequest context, boolean unfiltered) throws IOException {
    long[] counts = new long[candidates.size()];
    ModifiableSolrParams params = backend.matching(new MatchAllDocsQuery(), context);
    Map<String, String> extra = new LinkedHashMap<>();
    SolrQueryWriter writer = backend.queryWriter(extra);
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < candidates.size(); i++) {
      Suggestion s = candidates.get(i);
      if (s.facet() != null && s.query().isEmpty() && unfiltered) {
        counts[i] = s.count(); // a name alone over the whole corpus is already counted exactly by its facet
        continue;
      }
      StringBuilder domain = new StringBuilder();
      if (s.facet() != null) {
        String dim = s.facet();
        String value = "loupe.pick." + i;
        if (context.allOf().contains(dim)) {
          params.set(value, s.text());
          domain.append("filter:").append(SolrBackend.quote("{!term f=" + dim + " v=$" + value + "}"));
        } else {
          // The pick is OR-ed with the values of its facet already ticked, as ticking it would.
          List<String> values = new ArrayList<>(context.filters().getOrDefault(dim, List.of()));
          values.add(s.text());
          params.set(value, String.join("\u001F", values));
          params.set("loupe.separator", "\u001F");
          domain.append("excludeTags:").append(dim).append(",filter:")
              .append(SolrBackend.quote("{!terms f=" + dim + " separator=$loupe.separator v=$" + value + "}"));
        }
      }
      json.append(json.length() > 1 ? "," : "").append("c").append(i).append(":{type:query,q:")
          .append(SolrBackend.quote(writer.write(parser.parse(s.query()).strict())))
          .append(domain.isEmpty() ? "" : ",domain:{" + domain + "}").append('}');
    }
    if (json.length() == 1) {
      return counts;
    }
    // Named apart from the filters' own query parameters, which the same request carries.
    extra.forEach((name, v) -> params.set(name, v));
    params.set("rows", 0);
    params.set("json.facet", json.append('}').toString());
    NamedList<Object> facets = (NamedList<Object>) backend.query(params).getResponse().get("facets");
    for (int i = 0; i < candidates.size(); i++) {
      Object facet = facets == null ? null : facets.get("c" + i);
      if (facet instanceof NamedList<?> nl && nl.get("count") instanceof Number n) {
        counts[i] = n.longValue();
      }
    }
    return counts;
  }

  /** The cluster's words completing the folded prefix, most frequent first, spelt as the articles spell them. */
  private List<Suggestion> words(String foldedPrefix, int size) throws IOException {
    if (foldedPrefix.length() < 2 || size <= 0) {
      return List.of();
    }
    Map<String, Long> vocabulary = backend.vocabulary(foldedPrefix, size);
    if (vocabulary.isEmpty()) {
      return List.of();
    }
    Map<String, String> written = written(vocabulary.keySet());
    List<Suggestion> out = new ArrayList<>();
    vocabulary.forEach((folded, count) -> out.add(new Suggestion(written.get(folded), "term", count)));
    return out;
  }

  /** Each folded word of the vocabulary as the articles that have it most often write it (accents, capitals). */
  Map<String, String> written(java.util.Collection<String> folded) throws IOException {
    ModifiableSolrParams params = new ModifiableSolrParams()
        .set("q", "{!terms f=spell v=$loupe.words}").set("loupe.words", String.join(",", folded))
        .set("rows", ARTICLES_READ_PER_WORD * folded.size()).set("fl", "title,body").set("sort", "score desc,id asc");
    List<String> texts = new ArrayList<>();
    for (SolrDocument doc : backend.query(params).getResults()) {
      for (String field : List.of("title", "body")) {
        Object text = doc.getFirstValue(field);
        if (text != null) {
          texts.add(text.toString());
        }
      }
    }
    return surfaceForms.of(folded, texts);
  }

  /** The facet values of the whole collection, as completion lists. */
  private Suggester names() throws IOException {
    Names current = names;
    if (current != null && System.nanoTime() - current.builtAt() < NAMES_KEPT_NANOS) {
      return current.suggester();
    }
    StringBuilder json = new StringBuilder("{");
    for (String dim : SearchRequest.builder().build().filters().keySet()) {
      json.append(json.length() > 1 ? "," : "").append(dim).append(":{type:terms,field:").append(dim)
          .append(",limit:-1,refine:true}");
    }
    ModifiableSolrParams params = new ModifiableSolrParams().set("q", "*:*").set("rows", 0)
        .set("json.facet", json.append('}').toString());
    Object facets = backend.query(params).getResponse().get("facets");
    Map<String, List<LabelAndValue>> byDim = new LinkedHashMap<>();
    for (String dim : SearchRequest.builder().build().filters().keySet()) {
      byDim.put(dim, SolrBackend.buckets(facets, dim));
    }
    Suggester built = Suggester.of(byDim);
    names = new Names(built, System.nanoTime());
    return built;
  }
}
