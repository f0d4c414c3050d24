package loupe.solr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Writes the query Loupe's parser built (analysed terms, required and optional clauses, a share of
 * words, phrases with their gaps, best-field scoring) as a Solr request: each node becomes a Solr
 * query parser of the same meaning ({@code term}, {@code bool} with {@code mm}, {@code maxscore}
 * with {@code tie}, {@code boost}), its values passed as request parameters so nothing is escaped
 * or analysed twice. The collection's query analyzer only splits on spaces (see the configset).
 *
 * <p>One writer per request: it numbers the parameters it adds.
 */
final class SolrQueryWriter {

  /** A hyphenated compound in a phrase gives one phrase per reading; past this many, the rest are dropped. */
  static final int MAX_PHRASE_READINGS = 16;

  private final Map<String, String> params;
  private int next;

  /** @param params receives the parameters the written query refers to */
  SolrQueryWriter(Map<String, String> params) {
    this.params = params;
  }

  /** The query as a Solr query string (parsed by Solr's standard parser). */
  String write(Query query) {
    return switch (query) {
      case MatchAllDocsQuery q -> "*:*";
      case MatchNoDocsQuery q -> "-*:*";
      case TermQuery q -> term(q.getTerm());
      case BoostQuery q -> "{!boost b=" + q.getBoost() + " v=" + param(write(q.getQuery())) + "}";
      case BooleanQuery q -> bool(q);
      case DisjunctionMaxQuery q -> maxScore(q);
      case PhraseQuery q -> phrase(q.getTerms(), q.getPositions(), q.getSlop());
      case MultiPhraseQuery q -> multiPhrase(q);
      case SynonymQuery q -> synonyms(q);
      default -> throw new IllegalArgumentException("no Solr form for " + query.getClass().getSimpleName() + ": " + query);
    };
  }

  private String term(Term term) {
    return "{!term f=" + term.field() + " v=" + param(term.text()) + "}";
  }

  private String bool(BooleanQuery q) {
    if (q.clauses().isEmpty()) {
      return "-*:*";
    }
    StringBuilder sb = new StringBuilder("{!bool");
    for (BooleanClause clause : q.clauses()) {
      String key = switch (clause.occur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case MUST_NOT -> "must_not";
        case FILTER -> "filter";
      };
      sb.append(' ').append(key).append('=').append(param(write(clause.query())));
    }
    if (q.getMinimumNumberShouldMatch() > 0) {
      sb.append(" mm=").append(q.getMinimumNumberShouldMatch());
    }
    return sb.append('}').toString();
  }

  /** Best field plus a share of the others, as Lucene's DisjunctionMaxQuery scores. */
  private String maxScore(DisjunctionMaxQuery q) {
    StringBuilder disjuncts = new StringBuilder();
    for (Query disjunct : q.getDisjuncts()) {
      disjuncts.append(disjuncts.isEmpty() ? "" : " ").append("_query_:\"").append(write(disjunct)).append('"');
    }
    return "{!maxscore tie=" + q.getTieBreakerMultiplier() + " v=" + param(disjuncts.toString()) + "}";
  }

  private String phrase(Term[] terms, int[] positions, int slop) {
    if (terms.length == 0) {
      return "-*:*";
    }
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < terms.length; i++) {
      // A stop word left a gap in the phrase: '?' is the query analyzer's placeholder for it.
      int gap = i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
      for (int g = 0; g < gap; g++) {
        words.append(" ?");
      }
      words.append(i == 0 ? "" : " ").append(terms[i].text().replace("\\", "\\\\").replace("\"", "\\\""));
    }
    String lucene = terms[0].field() + ":\"" + words + "\"" + (slop > 0 ? "~" + slop : "");
    return "{!lucene v=" + param(lucene) + "}";
  }

  private String multiPhrase(MultiPhraseQuery q) {
    List<Term[]> readings = new ArrayList<>();
    readings.add(new Term[0]);
    for (Term[] alternatives : q.getTermArrays()) {
      List<Term[]> longer = new ArrayList<>();
      for (Term[] reading : readings) {
        for (Term alternative : alternatives) {
          if (longer.size() < MAX_PHRASE_READINGS) {
            Term[] next = Arrays.copyOf(reading, reading.length + 1);
            next[reading.length] = alternative;
            longer.add(next);
          }
        }
      }
      readings = longer;
    }
    StringBuilder sb = new StringBuilder("{!bool");
    for (Term[] reading : readings) {
      sb.append(" should=").append(param(phrase(reading, q.getPositions(), q.getSlop())));
    }
    return sb.append('}').toString();
  }

  private String synonyms(SynonymQuery q) {
    StringBuilder sb = new StringBuilder("{!bool");
    for (Term t : q.getTerms()) {
      sb.append(" should=").append(param(term(t)));
    }
    return sb.append('}').toString();
  }

  private String param(String value) {
    String name = "lq" + next++;
    params.put(name, value);
    return "$" + name;
  }
}
