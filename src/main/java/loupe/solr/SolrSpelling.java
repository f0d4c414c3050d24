package loupe.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Did-you-mean on SolrCloud: Solr's spellcheck component (Lucene's DirectSpellChecker over every
 * shard's spell field, set as Loupe's own corrector in the configset) proposes a word for each word it
 * finds rare; Loupe writes the proposals back into the query as typed, spelt as the articles spell them.
 * Loupe's corrector also weighs a candidate by how often it goes with the other words typed and prefers
 * a word's own inflections; those rules need the index's reader and are not applied here.
 *
 * <p>Stateless apart from its backend; thread-safe.
 */
final class SolrSpelling {

  private final SolrBackend backend;
  private final SolrCompletions completions;

  SolrSpelling(SolrBackend backend, SolrCompletions completions) {
    this.backend = backend;
    this.completions = completions;
  }

  /** The text with its misspelt words replaced, or empty when every word looks right. */
  Optional<String> correct(String text) throws IOException {
    if (text.isBlank()) {
      return Optional.empty();
    }
    ModifiableSolrParams params = new ModifiableSolrParams().set("q", "*:*").set("rows", 0)
        .set("spellcheck", true).set("spellcheck.q", text).set("spellcheck.count", 1)
        .set("spellcheck.onlyMorePopular", true).set("spellcheck.collate", false);
    SpellCheckResponse response = backend.query(params).getSpellCheckResponse();
    if (response == null || response.getSuggestions() == null || response.getSuggestions().isEmpty()) {
      return Optional.empty();
    }
    List<SpellCheckResponse.Suggestion> fixes = new ArrayList<>();
    for (SpellCheckResponse.Suggestion s : response.getSuggestions()) {
      if (s.getAlternatives() != null && !s.getAlternatives().isEmpty()
          && s.getStartOffset() >= 0 && s.getEndOffset() <= text.length() && s.getStartOffset() < s.getEndOffset()) {
        fixes.add(s);
      }
    }
    if (fixes.isEmpty()) {
      return Optional.empty();
    }
    var written = completions.written(fixes.stream().map(s -> s.getAlternatives().get(0)).distinct().toList());
    // From the end, so the offsets of the words before stay valid.
    fixes.sort(Comparator.comparingInt(SpellCheckResponse.Suggestion::getStartOffset).reversed());
    StringBuilder corrected = new StringBuilder(text);
    int lastStart = Integer.MAX_VALUE;
    for (SpellCheckResponse.Suggestion s : fixes) {
      if (s.getEndOffset() > lastStart) {
        continue; // overlapping tokens (a compound and its parts): the first read wins
      }
      String replacement = written.getOrDefault(s.getAlternatives().get(0), s.getAlternatives().get(0));
      corrected.replace(s.getStartOffset(), s.getEndOffset(), replacement);
      lastStart = s.getStartOffset();
    }
    String result = corrected.toString();
    return result.equals(text) ? Optional.empty() : Optional.of(result);
  }
}
