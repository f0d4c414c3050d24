package loupe.search.lucene.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Reads the web-style syntax of a query (words, {@code "phrases"}, {@code -exclusion}, {@code OR})
 * with Lucene's {@link SimpleQueryParser}, which never fails on what a user types. What Loupe reads
 * differently from it is settled by a thin pre-pass: French quotes, the words {@code OR} and
 * {@code AND}, a dash that opens a line rather than excludes, and characters that are ordinary
 * punctuation here. Thread-safe.
 */
final class QuerySyntax {

  /** A word (several when the user glued them with punctuation) or a quoted phrase, as typed. */
  record Clause(String text, boolean phrase) {}

  /**
   * What a query asks for: groups of alternatives (one clause each but where the user wrote
   * {@code OR}), every group wanted, and the excluded clauses; {@code typed} has them all in the
   * order typed.
   */
  record Reading(List<List<Clause>> groups, List<Clause> excluded, List<Clause> typed) {}

  /** Only the operators of web search: phrases, exclusion, alternatives; whitespace separates. */
  private static final int FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NOT_OPERATOR
      | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.ESCAPE_OPERATOR;

  /** Punctuation that ends a sentence: a dash after it is a line's dash, not an exclusion. */
  private static final String SENTENCE_ENDS = ".!?\u2026";

  private QuerySyntax() {}

  /** Reads a query; never fails. */
  static Reading read(String text) {
    Query tree = new ClauseParser().parse(prepare(text));
    List<List<Clause>> groups = new ArrayList<>();
    List<Clause> excluded = new ArrayList<>();
    List<Clause> typed = new ArrayList<>();
    for (Step step : steps(tree, Occur.MUST)) {
      typed.add(step.clause());
      if (step.negated()) {
        excluded.add(step.clause());
      } else if (step.operator() == Occur.SHOULD && !groups.isEmpty()) {
        groups.get(groups.size() - 1).add(step.clause());
      } else {
        List<Clause> group = new ArrayList<>();
        group.add(step.clause());
        groups.add(group);
      }
    }
    return new Reading(groups, excluded, typed);
  }

  /** One clause of the query in the order typed, with the operator that joined it to what came before. */
  private record Step(Occur operator, Clause clause, boolean negated) {}

  /**
   * The clauses of SimpleQueryParser's tree in the order typed. It builds a left-deep tree: a run of
   * clauses joined by one operator is one boolean query whose first clause holds what came before
   * the run. Loupe binds {@code OR} to its two neighbours alone (« a b OR c » wants a, and b or c),
   * as web search engines do, so the tree is read back as a sequence and regrouped by {@link #read}.
   */
  private static List<Step> steps(Query node, Occur joinedBy) {
    List<Step> steps = new ArrayList<>();
    if (node instanceof ClauseQuery clause) {
      steps.add(new Step(joinedBy, clause.clause, false));
    } else if (negation(node) instanceof ClauseQuery clause) {
      steps.add(new Step(joinedBy, clause.clause, true));
    } else if (node instanceof BooleanQuery bq) {
      List<BooleanClause> clauses = bq.clauses();
      for (int i = 0; i < clauses.size(); i++) {
        Occur operator = i == 0 ? joinedBy : clauses.get(i).occur();
        steps.addAll(steps(clauses.get(i).query(), operator));
      }
    }
    return steps;
  }

  /** The clause SimpleQueryParser wrapped as « -clause » (must not, beside match-all), else null. */
  private static Query negation(Query node) {
    if (node instanceof BooleanQuery bq && bq.clauses().size() == 2
        && bq.clauses().get(0).occur() == Occur.MUST_NOT
        && bq.clauses().get(1).query() instanceof MatchAllDocsQuery) {
      return bq.clauses().get(0).query();
    }
    return null;
  }

  /**
   * Writes Loupe's reading of the characters SimpleQueryParser would read otherwise: « » and “ ”
   * quote like {@code "}, a quote left open closes at the end, {@code OR} is {@code |}, {@code AND}
   * and a leading {@code +} say nothing, and a dash excludes only when a word follows it and no
   * sentence ends before it; other whitespace becomes a space.
   */
  static String prepare(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        out.append(' ');
        i++;
        continue;
      }
      // The start of a clause: an optional sign, then a phrase or a word.
      if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))
          && !afterSentenceEnd(text, i)) {
        if (c == '-') {
          out.append('-');
        }
        i++;
        c = text.charAt(i);
      }
      if (c == '"' || c == '«' || c == '\u201C') {
        char close = c == '«' ? '»' : c == '\u201C' ? '\u201D' : '"';
        int end = text.indexOf(close, i + 1);
        if (end < 0) {
          end = n; // a quote left open closes at the end of the query
        }
        out.append('"');
        escape(text.substring(i + 1, end), out, true);
        out.append('"');
        i = Math.min(n, end + 1);
        continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
        end++;
      }
      String word = text.substring(i, end);
      boolean signed = out.length() > 0 && out.charAt(out.length() - 1) == '-';
      if (!signed && word.equals("OR")) {
        out.append('|');
      } else if (!signed && word.equals("AND")) {
        out.append(' ');
      } else {
        escape(word, out, false);
      }
      i = end;
      // A word ends at a quote, which then opens a phrase: keep them apart as the parser expects.
      out.append(' ');
    }
    return out.toString();
  }

  /** Escapes what SimpleQueryParser would read as an operator inside a word or a phrase. */
  private static void escape(String s, StringBuilder out, boolean inPhrase) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\' || c == '|' || c == '"' || (c == '-' && k == 0 && !inPhrase)) {
        out.append('\\');
      }
      out.append(c);
    }
  }

  /**
   * Whether position {@code i} follows the end of a sentence (« … juin. -Selon la mairie »): a dash
   * there opens a line of a pasted text, it does not exclude the word.
   */
  private static boolean afterSentenceEnd(String text, int i) {
    int j = i - 1;
    while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    return j >= 0 && SENTENCE_ENDS.indexOf(text.charAt(j)) >= 0;
  }

  /** SimpleQueryParser with each word and phrase kept as typed, for Loupe's policy to build its queries. */
  private static final class ClauseParser extends SimpleQueryParser {
    ClauseParser() {
      super(new KeywordAnalyzer(), Map.of("", 1f), FLAGS);
      setDefaultOperator(Occur.MUST);
    }

    @Override
    protected Query newDefaultQuery(String text) {
      return new ClauseQuery(new Clause(text, false));
    }

    @Override
    protected Query newPhraseQuery(String text, int slop) {
      return new ClauseQuery(new Clause(text, true));
    }
  }

  /** A clause carried through SimpleQueryParser's tree; never run. */
  private static final class ClauseQuery extends Query {
    final Clause clause;

    ClauseQuery(Clause clause) {
      this.clause = clause;
    }

    @Override
    public String toString(String field) {
      return (clause.phrase() ? "\"" + clause.text() + "\"" : clause.text());
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other) && clause.equals(((ClauseQuery) other).clause);
    }

    @Override
    public int hashCode() {
      return classHash() ^ clause.hashCode();
    }
  }
}
