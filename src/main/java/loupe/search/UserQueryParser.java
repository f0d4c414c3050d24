package loupe.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Reads the query syntax users know from web search engines and never rejects it: words (all
 * required), {@code "phrases"}, {@code -exclusion}, {@code OR} between two words or phrases.
 *
 * <p>Characters that other engines treat as operators ({@code * ? ~ ( ) : ^ [ ]}) are ordinary
 * punctuation here, and a quote left open closes at the end of the query: a user's stray character
 * is not an error. Thread-safe.
 */
public final class UserQueryParser {

  /** Beyond this many words a query is a pasted text, not a question; it is refused rather than run. */
  public static final int MAX_CLAUSES = 256;

  private final QueryBuilder builder;
  private final Map<String, Float> fieldBoosts;

  /**
   * @param analyzer the analyzer the fields were indexed with
   * @param fieldBoosts the fields searched and their weights
   */
  public UserQueryParser(Analyzer analyzer, Map<String, Float> fieldBoosts) {
    this.builder = new QueryBuilder(analyzer);
    this.fieldBoosts = Map.copyOf(fieldBoosts);
  }

  /** A parsed query: the strict form (every word required) and the relaxed one (any word). */
  public record Parsed(Query strict, Query relaxed, Query highlight, boolean matchAll) {
    /** Whether relaxing can find more than the strict form. */
    public boolean canRelax() {
      return relaxed != null;
    }
  }

  private record Clause(String text, boolean phrase) {}

  /** Parses a user query. An empty query (or one with only stop words) matches every article. */
  public Parsed parse(String text) {
    List<List<Clause>> groups = new ArrayList<>();
    List<Clause> excluded = new ArrayList<>();
    tokenize(text, groups, excluded);

    List<Query> positives = new ArrayList<>();
    for (List<Clause> group : groups) {
      Query q = groupQuery(group);
      if (q != null) {
        positives.add(q);
      }
    }
    List<Query> negatives = new ArrayList<>();
    for (Clause clause : excluded) {
      Query q = clauseQuery(clause);
      if (q != null) {
        negatives.add(q);
      }
    }
    if (positives.size() + negatives.size() > MAX_CLAUSES) {
      throw new InvalidRequestException("q", "the query has " + (positives.size() + negatives.size())
          + " words or phrases, at most " + MAX_CLAUSES + " are accepted");
    }
    if (positives.isEmpty()) {
      Query all = withExclusions(MatchAllDocsQuery.INSTANCE, Occur.MUST, List.of(), negatives);
      return new Parsed(all, null, null, negatives.isEmpty());
    }
    Query strict = withExclusions(null, Occur.MUST, positives, negatives);
    Query relaxed = positives.size() > 1 ? withExclusions(null, Occur.SHOULD, positives, negatives) : null;
    Query highlight = combine(Occur.SHOULD, positives);
    return new Parsed(strict, relaxed, highlight, false);
  }

  private static Query withExclusions(Query base, Occur occur, List<Query> positives, List<Query> negatives) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (base != null) {
      b.add(base, Occur.MUST);
    }
    for (Query q : positives) {
      b.add(q, occur);
    }
    if (occur == Occur.SHOULD) {
      b.setMinimumNumberShouldMatch(1);
    }
    for (Query q : negatives) {
      b.add(q, Occur.MUST_NOT);
    }
    return b.build();
  }

  private static Query combine(Occur occur, List<Query> queries) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, occur));
    return b.build();
  }

  private Query groupQuery(List<Clause> alternatives) {
    List<Query> queries = new ArrayList<>();
    for (Clause clause : alternatives) {
      Query q = clauseQuery(clause);
      if (q != null) {
        queries.add(q);
      }
    }
    return queries.isEmpty() ? null : combine(Occur.SHOULD, queries);
  }

  /** One word or phrase, searched in every field; null when it has only stop words or punctuation. */
  private Query clauseQuery(Clause clause) {
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
      // A hyphenated word (« nord-coréen ») is a compound: its parts must be adjacent, as typed.
      Query q = clause.phrase() || isCompound(clause.text())
          ? builder.createPhraseQuery(field.getKey(), clause.text())
          : builder.createBooleanQuery(field.getKey(), clause.text(), Occur.MUST);
      if (q != null) {
        perField.add(field.getValue() == 1f ? q : new BoostQuery(q, field.getValue()));
      }
    }
    return perField.isEmpty() ? null : combine(Occur.SHOULD, perField);
  }

  private static boolean isCompound(String word) {
    for (int i = 1; i < word.length() - 1; i++) {
      char c = word.charAt(i);
      if ((c == '-' || c == '\u2010' || c == '\u2011')
          && Character.isLetterOrDigit(word.charAt(i - 1)) && Character.isLetterOrDigit(word.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static void tokenize(String text, List<List<Clause>> groups, List<Clause> excluded) {
    int i = 0;
    int n = text.length();
    boolean orPending = false;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
        negated = c == '-';
        i++;
        c = text.charAt(i);
      }
      Clause clause;
      if (c == '"' || c == '«' || c == '\u201C') {
        char close = c == '«' ? '»' : c == '\u201C' ? '\u201D' : '"';
        int end = text.indexOf(close, i + 1);
        if (end < 0) {
          end = n; // a quote left open closes at the end of the query
        }
        clause = new Clause(text.substring(i + 1, end), true);
        i = Math.min(n, end + 1);
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
          end++;
        }
        String word = text.substring(i, end);
        i = end;
        if (!negated && word.equals("OR")) {
          orPending = !groups.isEmpty();
          continue;
        }
        if (!negated && word.equals("AND")) {
          continue;
        }
        clause = new Clause(word, false);
      }
      if (negated) {
        excluded.add(clause);
        orPending = false;
      } else if (orPending) {
        groups.get(groups.size() - 1).add(clause);
        orPending = false;
      } else {
        List<Clause> group = new ArrayList<>();
        group.add(clause);
        groups.add(group);
      }
    }
  }
}
