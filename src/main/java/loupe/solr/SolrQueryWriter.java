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
  private final boolean stackedTerms;
  private int next;

  /**
   * @param params receives the parameters the written query refers to
   * @param stackedTerms whether the collection's query analyzer stacks « a|b » (configset loupe-7 on)
   */
  SolrQueryWriter(Map<String, String> params, boolean stackedTerms) {
    this.params = params;
    this.stackedTerms = stackedTerms;
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
    String[] words = new String[terms.length];
    for (int i = 0; i < terms.length; i++) {
      words[i] = terms[i].text();
    }
    return phrase(terms[0].field(), words, positions, slop);
  }

  /** A phrase of words (each maybe « a|b », stacked by the query analyzer) at their positions. */
  private String phrase(String field, String[] words, int[] positions, int slop) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      // A stop word left a gap in the phrase: '?' is the query analyzer's placeholder for it.
      int gap = i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
      for (int g = 0; g < gap; g++) {
        text.append(" ?");
      }
      text.append(i == 0 ? "" : " ").append(words[i].replace("\\", "\\\\").replace("\"", "\\\""));
    }
    String lucene = field + ":\"" + text + "\"" + (slop > 0 ? "~" + slop : "");
    return "{!lucene v=" + param(lucene) + "}";
  }

  private String multiPhrase(MultiPhraseQuery q) {
    Term[][] arrays = q.getTermArrays();
    if (stackedTerms && arrays.length > 0 && arrays[0].length > 0
        && Arrays.stream(arrays).allMatch(SolrQueryWriter::stackable)) {
      // Solr's parser builds the same MultiPhraseQuery from a phrase whose stacked words its analyzer stacks.
      String[] words = new String[arrays.length];
      for (int i = 0; i < arrays.length; i++) {
        words[i] = stacked(arrays[i]);
      }
      return phrase(arrays[0][0].field(), words, q.getPositions(), q.getSlop());
    }
    // An older collection: one phrase per reading, whose scores add up.
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
    Term[] terms = q.getTerms().toArray(new Term[0]);
    if (stackedTerms && terms.length > 0 && stackable(terms)) {
      // Solr has no parser for a SynonymQuery's terms; its field parser builds one from terms stacked at one position.
      return "{!field f=" + q.getField() + " v=" + param(stacked(terms)) + "}";
    }
    // An older collection: the terms' scores add up instead of blending, so compounds rank a little apart.
    StringBuilder sb = new StringBuilder("{!bool");
    for (Term t : q.getTerms()) {
      sb.append(" should=").append(param(term(t)));
    }
    return sb.append('}').toString();
  }

  /**
   * Whether the terms survive the trip as « a|b »: none empty, none holding the separator or a space (Loupe's
   * analyzer never makes such terms; a term that had one would be split). Their boosts are not sent: Loupe's
   * analyzer gives every stacked form the weight 1, as Solr's parser does.
   */
  private static boolean stackable(Term[] terms) {
    for (Term t : terms) {
      String text = t.text();
      if (text.isEmpty() || text.indexOf(loupe.analysis.StackedTermsFilter.SEPARATOR) >= 0
          || text.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
    }
    return true;
  }

  /** Terms of one position as the collection's query analyzer stacks them again. */
  private static String stacked(Term[] terms) {
    StringBuilder value = new StringBuilder();
    for (Term t : terms) {
      value.append(value.isEmpty() ? "" : String.valueOf(loupe.analysis.StackedTermsFilter.SEPARATOR)).append(t.text());
    }
    return value.toString();
  }

  private String param(String value) {
    String name = "lq" + next++;
    params.put(name, value);
    return "$" + name;
  }
}
