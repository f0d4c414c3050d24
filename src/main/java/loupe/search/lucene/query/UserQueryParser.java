package loupe.search.lucene.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import loupe.search.InvalidRequestException;
import loupe.search.lucene.query.QuerySyntax.Clause;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.QueryBuilder;

/**
 * Loupe's reading of a query, once {@link QuerySyntax} has read its syntax: what must match and
 * what only ranks.
 *
 * <p>A query is read one of two ways, so that keyword totals keep their meaning and questions still
 * rank well. <b>Keywords</b> (up to {@value #KEYWORD_WORDS} words besides stop words, not a
 * question): every word and phrase is required. <b>A question or a pasted text</b> (a {@code ?}, a
 * first word such as « comment » or « quel », or more words): an article needs a fifth of the words
 * (one at least, three at most), function words (« comment », « est », « selon »…) are left out, and quoted
 * passages and compounds count word by word, a quote earning a bonus when found as quoted. Either
 * way, words found close together in the body earn a bonus (not those of a pasted paragraph of
 * {@value #PROXIMITY_MAX_WORDS} words or more), and a word's score is its best field's (title or
 * body) plus a share of the other's. Thread-safe.
 */
public final class UserQueryParser {

  /** Beyond this many words a query is a pasted text, not a question; it is refused rather than run. */
  public static final int MAX_CLAUSES = 256;

  /** Up to this many words (stop words aside) a query is keywords, and every word is required. */
  public static final int KEYWORD_WORDS = 4;

  /**
   * Share of its words an article must have to match a question or a pasted text (at least one):
   * totals stay smaller than « any word », and a paraphrase still finds its article.
   */
  static final float NATURAL_MIN_SHARE = 0.2f;

  /** The most words a question or a pasted text requires, however long: a short article has few. */
  static final int NATURAL_MAX_REQUIRED = 3;

  /**
   * A word found in both fields scores as its best field plus this share of the other, so a title
   * that repeats the body's words does not count them twice (Elasticsearch's best_fields tie_breaker).
   */
  static final float FIELD_TIE_BREAKER = 0.3f;

  /** Two adjacent query words found at most this many positions off in the body earn a bonus. */
  static final int PROXIMITY_SLOP = 2;

  /** Weight of that bonus, next to a word's own weight of 1: it reorders, it does not decide. */
  static final float PROXIMITY_BOOST = 0.2f;

  /**
   * A query of this many words or more (stop words included, a quoted passage counting as one) is
   * a pasted paragraph: its neighbouring words were not typed as a pair, so they earn no proximity
   * bonus; on long news summaries used as queries the bonus ranked worse, on questions better
   * (docs/decisions.md).
   */
  static final int PROXIMITY_MAX_WORDS = 20;

  /**
   * Words that shape a French question or sentence without naming its subject, missing from
   * Lucene's stop list (which has « quel », « qui », « sont » but not « est », « a », « comment »,
   * « selon », « après »). Left out of questions and pasted text only: a keyword query keeps every
   * word it was given. Dropping them costs no ranking quality and leaves fewer clauses to score
   * (docs/decisions.md).
   */
  private static final Set<String> FUNCTION_WORDS = Set.of("comment", "combien", "pourquoi", "quand", "où", "ou",
      "quoi", "lequel", "laquelle", "lesquels", "lesquelles", "est", "a",
      "été", "ont", "plus", "après", "selon", "très", "aussi", "alors", "encore", "depuis", "lors", "dont",
      "fait", "faire", "avoir", "être", "sans", "sous", "entre", "contre", "vers", "chez", "va", "peut", "doit",
      "ainsi", "déjà", "tout", "tous", "toute", "toutes", "cela", "ça", "bien", "si", "comme", "leurs", "cet",
      "cette", "ces", "celui", "celle", "ceux", "fois", "mais", "donc", "car", "puis");

  /** First words that make a query a question even without a question mark. */
  private static final Set<String> INTERROGATIVES = Set.of("qui", "que", "qu", "quoi", "quel", "quelle", "quels",
      "quelles", "lequel", "laquelle", "lesquels", "lesquelles", "comment", "combien", "pourquoi", "quand", "où", "ou");

  /** A sentence end with no space before the next sentence: a lower-case letter or digit, [.!?], a capital. */
  private static final Pattern GLUED_SENTENCE = Pattern.compile("(?<=[\\p{Ll}\\p{N}][.!?])(?=\\p{Lu})");

  private static final CharArraySet STOP_WORDS = FrenchAnalyzer.getDefaultStopSet();

  private final QueryBuilder builder;
  private final Map<String, Float> fieldBoosts;
  private final String proximityField;

  /**
   * @param analyzer the analyzer the fields were indexed with
   * @param fieldBoosts the fields searched and their weights
   */
  public UserQueryParser(Analyzer analyzer, Map<String, Float> fieldBoosts) {
    this(analyzer, fieldBoosts, null);
  }

  /**
   * @param analyzer the analyzer the fields were indexed with
   * @param fieldBoosts the fields searched and their weights
   * @param proximityField the field where adjacent query words found close together earn a bonus
   *     (the body: titles are too short to tell), or {@code null} for none
   */
  public UserQueryParser(Analyzer analyzer, Map<String, Float> fieldBoosts, String proximityField) {
    this.builder = new QueryBuilder(analyzer);
    this.fieldBoosts = Map.copyOf(fieldBoosts);
    this.proximityField = proximityField;
  }

  /**
   * A parsed query: the strict form (every word of keywords, a share of a question's) and the
   * relaxed one (any word), tried when the strict one finds nothing; {@code keywords} tells the
   * two readings apart; {@code clauses} are the words and phrases as typed, in order, for the
   * spelling corrector.
   */
  public record Parsed(Query strict, Query relaxed, Query highlight, boolean matchAll, boolean keywords,
      List<String> clauses) {
    /** Whether relaxing can find more than the strict form. */
    public boolean canRelax() {
      return relaxed != null;
    }
  }

  /** Parses a user query. An empty query (or one with only stop words) matches every article. */
  public Parsed parse(String text) {
    // « … révèle Le Courrier.Paul Marchand … »: sentences glued by a copy lose a space, and the
    // tokenizer would read « libre.freddy » as one word that no article has.
    QuerySyntax.Reading reading = QuerySyntax.read(GLUED_SENTENCE.matcher(text).replaceAll(" "));
    List<List<Clause>> groups = reading.groups();
    List<Clause> excluded = reading.excluded();
    List<String> clauses = reading.typed().stream().map(Clause::text).toList();

    List<Query> positives = new ArrayList<>();
    for (List<Clause> group : groups) {
      Query q = groupQuery(group, true);
      if (q != null) {
        positives.add(q);
      }
    }
    List<Query> negatives = new ArrayList<>();
    for (Clause clause : excluded) {
      Query q = clauseQuery(clause, true);
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
      return new Parsed(all, null, null, negatives.isEmpty(), true, clauses);
    }
    List<Query> bonuses = groups.size() < PROXIMITY_MAX_WORDS ? proximityBonuses(groups) : new ArrayList<>();
    boolean keywords = positives.size() <= KEYWORD_WORDS && !isQuestion(text);
    // Words for the loose readings: a quoted passage or a compound counts word by word, and a
    // quote found as quoted earns a bonus; a question or pasted text drops its function words.
    List<Query> phraseBonuses = new ArrayList<>();
    List<Query> words = looseWords(groups, !keywords, phraseBonuses);
    if (words.isEmpty()) {
      words = positives; // « comment ? »: only function words, so they are the subject
    }
    List<Query> looseBonuses = new ArrayList<>(bonuses);
    looseBonuses.addAll(phraseBonuses);
    Query anyWord = words.size() > 1 || words.size() > positives.size() || !phraseBonuses.isEmpty()
        ? withBonuses(withExclusions(null, Occur.SHOULD, words, negatives), looseBonuses)
        : null;
    if (keywords) {
      Query strict = withExclusions(null, Occur.MUST, positives, negatives);
      return new Parsed(withBonuses(strict, bonuses), anyWord, combine(Occur.SHOULD, positives), false, true, clauses);
    }
    int required = Math.min(NATURAL_MAX_REQUIRED, Math.max(1, (int) (words.size() * NATURAL_MIN_SHARE)));
    BooleanQuery.Builder some = new BooleanQuery.Builder();
    words.forEach(q -> some.add(q, Occur.SHOULD));
    some.setMinimumNumberShouldMatch(required);
    negatives.forEach(q -> some.add(q, Occur.MUST_NOT));
    return new Parsed(withBonuses(some.build(), looseBonuses), required > 1 ? anyWord : null,
        combine(Occur.SHOULD, words), false, false, clauses);
  }

  private List<Query> looseWords(List<List<Clause>> groups, boolean dropQuestionWords, List<Query> phraseBonuses) {
    List<Query> words = new ArrayList<>();
    for (List<Clause> group : groups) {
      Clause first = group.get(0);
      if (group.size() == 1 && first.phrase()) {
        String[] phraseWords = first.text().strip().split("\\s+");
        for (String word : phraseWords) {
          addIfPresent(words, looseClauseQuery(word));
        }
        if (phraseWords.length > 1) {
          addIfPresent(phraseBonuses, clauseQuery(first, true));
        }
      } else if (group.size() == 1) {
        if (!dropQuestionWords || !isFunctionWord(first.text())) {
          addIfPresent(words, looseClauseQuery(first.text()));
        }
      } else {
        addIfPresent(words, groupQuery(group, false));
      }
    }
    return words;
  }

  /** A word where each analysed part may match alone (« Villeneuse-sur-Yonne » misspelt still finds « Yonne »). */
  private Query looseClauseQuery(String word) {
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
      Query q = builder.createBooleanQuery(field.getKey(), word, Occur.SHOULD);
      if (q != null) {
        perField.add(field.getValue() == 1f ? q : new BoostQuery(q, field.getValue()));
      }
    }
    if (perField.size() > 1) {
      return new DisjunctionMaxQuery(perField, FIELD_TIE_BREAKER);
    }
    return perField.isEmpty() ? null : perField.get(0);
  }

  private static void addIfPresent(List<Query> queries, Query q) {
    if (q != null) {
      queries.add(q);
    }
  }

  /** Adds the bonuses as optional clauses: they change the order, never which articles match. */
  private static Query withBonuses(Query matching, List<Query> bonuses) {
    if (matching == null || bonuses.isEmpty()) {
      return matching;
    }
    // Lucene refuses a query of more than maxClauseCount terms: a long pasted text keeps its words
    // and loses the bonuses that do not fit.
    int budget = IndexSearcher.getMaxClauseCount() - termCount(matching);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(matching, Occur.MUST);
    for (Query bonus : bonuses) {
      int terms = termCount(bonus);
      if (terms > budget) {
        break;
      }
      budget -= terms;
      b.add(bonus, Occur.SHOULD);
    }
    return b.build();
  }

  private static int termCount(Query query) {
    int[] count = {0};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        count[0] += terms.length;
      }

      @Override
      public void visitLeaf(Query q) {
        count[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }
    });
    return count[0];
  }

  /**
   * One sloppy phrase for each pair of adjacent plain words (stop words between them kept, so
   * « prix Nobel de la paix » pairs « nobel » with « paix »).
   */
  private List<Query> proximityBonuses(List<List<Clause>> groups) {
    List<Query> bonuses = new ArrayList<>();
    if (proximityField == null) {
      return bonuses;
    }
    List<String> run = new ArrayList<>();
    for (List<Clause> group : groups) {
      if (group.size() == 1 && !group.get(0).phrase()) {
        run.add(group.get(0).text());
      } else {
        addPairs(run, bonuses);
        run.clear();
      }
    }
    addPairs(run, bonuses);
    return bonuses;
  }

  private void addPairs(List<String> run, List<Query> bonuses) {
    for (int i = 0; i < run.size(); i++) {
      if (builder.createBooleanQuery(proximityField, run.get(i)) == null) {
        continue; // a stop word does not start a pair
      }
      StringBuilder span = new StringBuilder(run.get(i));
      for (int j = i + 1; j < run.size(); j++) {
        span.append(' ').append(run.get(j));
        Query q = builder.createPhraseQuery(proximityField, span.toString(), PROXIMITY_SLOP);
        if (q instanceof PhraseQuery || q instanceof MultiPhraseQuery) {
          bonuses.add(new BoostQuery(q, PROXIMITY_BOOST));
          break;
        }
      }
    }
  }

  /** A question mark, or a first word that asks (« Qui », « Qu'est-ce », « Combien »). */
  private static boolean isQuestion(String text) {
    if (text.indexOf('?') >= 0 || text.indexOf('\u00BF') >= 0) {
      return true;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < t.length() && Character.isLetter(t.charAt(end))) {
      end++;
    }
    return INTERROGATIVES.contains(t.substring(0, end));
  }

  /** « comment », « Où », « est-ce », « a-t-il », « selon »: made only of function words, stop words and single letters. */
  private static boolean isFunctionWord(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    int start = 0;
    int end = w.length();
    while (start < end && !Character.isLetter(w.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetter(w.charAt(end - 1))) {
      end--;
    }
    w = w.substring(start, end);
    int apostrophe = w.indexOf('\'');
    if (apostrophe > 0 && apostrophe <= 3) {
      w = w.substring(apostrophe + 1); // qu'est-ce, l'on
    }
    if (w.isEmpty()) {
      return false;
    }
    for (String part : w.split("-")) {
      if (part.length() > 1 && !FUNCTION_WORDS.contains(part) && !STOP_WORDS.contains(part)) {
        return false;
      }
    }
    return true;
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

  private Query groupQuery(List<Clause> alternatives, boolean compoundAsPhrase) {
    List<Query> queries = new ArrayList<>();
    for (Clause clause : alternatives) {
      Query q = clauseQuery(clause, compoundAsPhrase);
      if (q != null) {
        queries.add(q);
      }
    }
    return queries.isEmpty() ? null : combine(Occur.SHOULD, queries);
  }

  /**
   * One word or phrase, searched in every field; null when it has only stop words or punctuation.
   * A compound is a phrase of its parts when {@code compoundAsPhrase}, else each part is required.
   */
  private Query clauseQuery(Clause clause, boolean compoundAsPhrase) {
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
      // A hyphenated word (« nord-coréen ») is a compound: its parts must be adjacent, as typed.
      Query q = clause.phrase() || (compoundAsPhrase && isCompound(clause.text()))
          ? builder.createPhraseQuery(field.getKey(), clause.text())
          : builder.createBooleanQuery(field.getKey(), clause.text(), Occur.MUST);
      if (q != null) {
        perField.add(field.getValue() == 1f ? q : new BoostQuery(q, field.getValue()));
      }
    }
    if (perField.size() > 1) {
      return new DisjunctionMaxQuery(perField, FIELD_TIE_BREAKER);
    }
    return perField.isEmpty() ? null : perField.get(0);
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
}
