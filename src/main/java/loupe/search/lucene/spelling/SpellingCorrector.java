package loupe.search.lucene.spelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.analysis.SpellingAnalyzer;
import loupe.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.spell.SuggestWordQueue;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Proposes a corrected query from the index's own vocabulary (unstemmed, accent-folded words of
 * titles and leads, names included; see Fields.SPELL): « Poutinne » → « Poutine », « Macrom » → « Macron ».
 *
 * <p>A word is replaced only by a word at most two edits away that is at least {@link #POPULARITY}
 * times more frequent, so rare but real words stay as typed. The replacement is written as the
 * corpus writes it (accents, capitals), read back from an article that contains it. Thread-safe.
 */
public final class SpellingCorrector {

  /** How much more frequent a replacement must be than the word typed. */
  static final int POPULARITY = 10;
  /** Shorter words are left alone: too many neighbours at two edits. */
  static final int MIN_WORD_LENGTH = SpellingAnalyzer.MIN_WORD_LENGTH;
  private static final int MIN_CANDIDATE_FREQUENCY = 1;
  /** Candidates per word, best first (similarity, then frequency). */
  private static final int CANDIDATES = 8;
  /** DirectSpellChecker's similarity floor: 1 - edits / length of the shorter word. */
  private static final float ACCURACY = 0.7f;
  /** Inflections of a word share all but its last few letters: the terms read to find them start so. */
  private static final int INFLECTION_ENDING = 3;
  /** At most this many terms are read for a word's inflections. */
  private static final int MAX_INFLECTION_TERMS = 512;
  /**
   * Articles whose title or lead must hold a word for it to be taken as correctly spelt without
   * looking further (the fuzzy search is the costliest step of a query). The vocabulary reads about
   * a third of each article: a word in 30 titles or leads is in a hundred articles or more.
   */
  static final int COMMON_WORD_ARTICLES = 30;

  private final Analyzer analyzer = new SpellingAnalyzer();
  private final Analyzer stemmer = new FrenchNewsAnalyzer();
  private final SurfaceForms surfaceForms = new SurfaceForms();
  /** Candidates up to two edits away: for words the corpus never wrote. */
  private final DirectSpellChecker wide = checker(2);
  /**
   * Candidates one edit away: all a word of the corpus may become, apart from its own inflections
   * (see {@link #inflections}). Its automaton costs a tenth of the two-edit one, which took about a
   * millisecond per word checked, most of the spelling check's time.
   */
  private final DirectSpellChecker near = checker(1);

  private static DirectSpellChecker checker(int maxEdits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMinPrefix(1);
    checker.setMinQueryLength(MIN_WORD_LENGTH);
    checker.setAccuracy(ACCURACY);
    // A word found in this many articles is an accepted spelling: skip the fuzzy search, the
    // costliest step of a query (the default, 1% of the corpus, grows with it).
    checker.setMaxQueryFrequency(COMMON_WORD_ARTICLES);
    return checker;
  }

  /**
   * The query with its misspelt words corrected, or empty when every word looks right.
   *
   * @param clauses the query's words and phrases as its parser read them, in the order typed: the
   *     corrector checks their words, and writes its corrections back into the query as typed
   */
  public Optional<String> correct(String query, List<String> clauses, IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<int[]> spans = words(query, clauses);
    // Each word is analysed once: its terms serve both as context for the others and for its own check.
    List<List<String>> spanTerms = new ArrayList<>(spans.size());
    List<String> context = new ArrayList<>();
    for (int[] span : spans) {
      List<String> terms = analyze(query.substring(span[0], span[1]));
      spanTerms.add(terms);
      for (String t : terms) {
        if (reader.docFreq(new Term(Fields.SPELL, t)) > 0) {
          context.add(t);
        }
      }
    }
    StringBuilder corrected = new StringBuilder(query.length());
    boolean changed = false;
    int last = 0;
    for (int i = 0; i < spans.size(); i++) {
      int[] span = spans.get(i);
      String word = query.substring(span[0], span[1]);
      Optional<String> replacement = correctWord(word, spanTerms.get(i), context, searcher, reader);
      corrected.append(query, last, span[0]);
      if (replacement.isPresent() && !replacement.get().equalsIgnoreCase(word)) {
        corrected.append(replacement.get());
        changed = true;
      } else {
        corrected.append(word);
      }
      last = span[1];
    }
    corrected.append(query.substring(last));
    return changed ? Optional.of(corrected.toString()) : Optional.empty();
  }

  private Optional<String> correctWord(String word, List<String> terms, List<String> context, IndexSearcher searcher,
      IndexReader reader) throws IOException {
    if (word.equals("OR") || word.equals("AND") || word.length() < MIN_WORD_LENGTH) {
      return Optional.empty();
    }
    if (terms.size() != 1) {
      return Optional.empty(); // compounds and stop words: nothing reliable to correct
    }
    Term term = new Term(Fields.SPELL, terms.get(0));
    int frequency = reader.docFreq(term);
    // The vocabulary reads titles and leads only (see Fields.SPELL): a word whose stem is found
    // further down an article may be a real word, only a rare one. It is not rewritten into another
    // word two edits away (« porcine » → « Poutine »), but still into its own correct spelling, which
    // shares its stem (« Poutinne » → « Poutine »).
    boolean stemBeyondLeads = frequency == 0 && inSomeBody(word, reader);
    // A word the corpus writes can only become a word one edit away or one of its own inflections
    // (the rules below): two edits are searched for the others alone.
    SuggestWord[] candidates = frequency == 0 && !stemBeyondLeads
        ? wide.suggestSimilar(term, CANDIDATES, reader, SuggestMode.SUGGEST_MORE_POPULAR)
        : nearOrInflected(term, frequency, reader);
    if (candidates.length == 0) {
      return Optional.empty(); // most words of most queries: spare the work below
    }
    List<String> others = context.stream().filter(t -> !t.equals(term.text())).toList();
    int typedTogether = others.isEmpty() || frequency == 0 ? 0 : searcher.count(withContext(term.text(), others));
    SuggestWord best = null;
    int bestTogether = -1;
    for (SuggestWord candidate : candidates) {
      if (stems(candidate.string).isEmpty()) {
        continue; // a stop word (« pout » → « pour ») is searched as nothing: the query would match everything
      }
      int typed = stemBeyondLeads && !sameStem(candidate.string, term.text()) ? 1 : frequency;
      // A word of the corpus (« porcine ») is replaced by a more frequent one only one edit away;
      // two edits are for words the corpus never wrote, or this would read « grippe Poutine ».
      boolean popular = candidate.freq >= Math.max(MIN_CANDIDATE_FREQUENCY, POPULARITY * typed)
          && (typed == 0 || editDistance(candidate.string, term.text()) <= 1);
      // Another inflection of the same word (« présidentiels » / « présidentielles ») is a real word
      // too: it replaces the typed one only when the rest of the query clearly prefers it.
      boolean betterInflection = !popular && !others.isEmpty() && candidate.freq >= 2 * frequency
          && sameStem(candidate.string, term.text())
          && searcher.count(withContext(candidate.string, others)) >= 2 * Math.max(1, typedTogether);
      if (!popular && !betterInflection) {
        continue;
      }
      // A misspelling rarely changes grammatical number: « présidentiels » is a plural, so its
      // correction is « présidentielles », not the nearer « présidentielle ». Then the form found with
      // the other words of the query wins, then the nearest, then the most frequent.
      boolean sameNumber = isPlural(candidate.string) == isPlural(term.text());
      int together = (sameNumber ? 1_000_000_000 : 0)
          + (others.isEmpty() ? 0 : Math.min(999_999_999, searcher.count(withContext(candidate.string, others))));
      if (best == null || together > bestTogether
          || (together == bestTogether && (candidate.score > best.score
              || (candidate.score == best.score && candidate.freq > best.freq)))) {
        best = candidate;
        bestTogether = together;
      }
    }
    return best == null ? Optional.empty() : Optional.of(surfaceForms.of(best.string, searcher));
  }

  /**
   * What the two-edit search would give for a word of the corpus, for the rules of {@link #correctWord}:
   * the words one edit away, and its inflections up to two edits away (« présidentiels » →
   * « présidentielles »), which share all but their endings.
   */
  private SuggestWord[] nearOrInflected(Term term, int frequency, IndexReader reader) throws IOException {
    SuggestWord[] near = this.near.suggestSimilar(term, CANDIDATES, reader, SuggestMode.SUGGEST_MORE_POPULAR);
    if (frequency > COMMON_WORD_ARTICLES) {
      return near;
    }
    List<SuggestWord> all = new ArrayList<>(List.of(near));
    for (SuggestWord inflection : inflections(term.text(), frequency, reader)) {
      if (all.stream().noneMatch(w -> w.string.equals(inflection.string))) {
        all.add(inflection);
      }
    }
    // Ordered as DirectSpellChecker orders its own suggestions.
    all.sort(Collections.reverseOrder(SuggestWordQueue.DEFAULT_COMPARATOR));
    return all.subList(0, Math.min(CANDIDATES, all.size())).toArray(SuggestWord[]::new);
  }

  /** Words of the vocabulary two edits away at most that share {@code word}'s stem, more frequent than it. */
  private List<SuggestWord> inflections(String word, int frequency, IndexReader reader) throws IOException {
    List<SuggestWord> found = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, Fields.SPELL);
    if (terms == null) {
      return found;
    }
    BytesRef prefix = new BytesRef(word.substring(0, Math.max(MIN_WORD_LENGTH - 1, word.length() - INFLECTION_ENDING)));
    TermsEnum te = terms.iterator();
    if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
      return found;
    }
    int read = 0;
    for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, prefix) && read < MAX_INFLECTION_TERMS;
        t = te.next(), read++) {
      int docFreq = te.docFreq();
      if (docFreq <= frequency) {
        continue;
      }
      String candidate = t.utf8ToString();
      int edits = editDistance(candidate, word);
      if (edits == 0 || edits > 2) {
        continue;
      }
      float score = 1f - (float) edits / Math.min(candidate.codePointCount(0, candidate.length()),
          word.codePointCount(0, word.length()));
      if (score >= ACCURACY && sameStem(candidate, word)) {
        SuggestWord w = new SuggestWord();
        w.string = candidate;
        w.score = score;
        w.freq = docFreq;
        found.add(w);
      }
    }
    return found;
  }

  private boolean inSomeBody(String word, IndexReader reader) throws IOException {
    List<String> stems = stems(word);
    for (String stem : stems) {
      if (reader.docFreq(new Term(Fields.BODY, stem)) == 0) {
        return false;
      }
    }
    return !stems.isEmpty();
  }

  private boolean sameStem(String a, String b) {
    List<String> stemA = stems(a);
    return !stemA.isEmpty() && stemA.equals(stems(b));
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static boolean isPlural(String folded) {
    return folded.endsWith("s") || folded.endsWith("x");
  }

  private static Query withContext(String candidate, List<String> others) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.SPELL, candidate)), BooleanClause.Occur.FILTER);
    for (String other : others) {
      b.add(new TermQuery(new Term(Fields.SPELL, other)), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private List<String> analyze(String word) {
    return terms(analyzer, Fields.SPELL, word);
  }

  private List<String> stems(String word) {
    return terms(stemmer, Fields.BODY, word);
  }

  private static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Spans of the words of a query: runs of letters, digits and inner hyphens. An apostrophe ends a
   * word, so an elided article stays as typed (« l'Ukrane » → « l'Ukraine »).
   */
  static List<int[]> words(String query, List<String> clauses) {
    List<int[]> spans = new ArrayList<>();
    int cursor = 0;
    for (String clause : clauses) {
      int at = query.indexOf(clause, cursor);
      if (at < 0) {
        continue; // not as typed (the parser unescaped it): left as it is
      }
      words(query, at, at + clause.length(), spans);
      cursor = at + clause.length();
    }
    return spans;
  }

  /** Adds the spans of the words between {@code from} and {@code to}. */
  private static void words(String query, int from, int to, List<int[]> spans) {
    int i = from;
    while (i < to) {
      if (!Character.isLetterOrDigit(query.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && (Character.isLetterOrDigit(query.charAt(i))
          || (isJoiner(query.charAt(i)) && i + 1 < to && Character.isLetterOrDigit(query.charAt(i + 1))))) {
        i++;
      }
      spans.add(new int[] {start, i});
    }
  }

  private static boolean isJoiner(char c) {
    return c == '-';
  }
}
