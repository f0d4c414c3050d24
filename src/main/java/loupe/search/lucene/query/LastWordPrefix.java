package loupe.search.lucene.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import loupe.index.Fields;
import loupe.search.lucene.suggest.Suggester;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The word still being typed at the end of a query, read as a prefix (as Algolia's {@code prefixLast}
 * and Meilisearch do), so « Pout » finds Poutine before the word is finished. The prefix becomes the
 * typed word OR-ed with its most frequent completions from the vocabulary, a bounded number of them,
 * so a one-letter-short prefix never turns into a query over thousands of terms.
 */
public final class LastWordPrefix {

  /** Completions of the typed word searched beside it. */
  public static final int MAX_EXPANSIONS = 16;
  /** Terms of the dictionary read after the prefix; the most frequent of them are kept. */
  static final int TERMS_SCANNED = 2_000;
  /** A single letter completes into too much to mean anything. */
  static final int MIN_PREFIX = 2;

  /** A query cut before its last word: {@code head + last} is the query. */
  public record Split(String head, String last) {}

  /** A word that completes the typed one, with the number of articles whose title or lead has it. */
  public record Completion(String word, int docFreq) {}

  private LastWordPrefix() {}

  /**
   * The query's head and the word being typed, or empty when the query does not end inside a plain
   * word: after a space or a closing quote the word is finished, and in a phrase or after « - » it is
   * not a word to complete.
   */
  public static Optional<Split> split(String query) {
    // The word ends the query: letters and digits, with inner hyphens (« Saint-Naz »).
    int start = query.length();
    while (start > 0 && (Character.isLetterOrDigit(query.charAt(start - 1))
        || (query.charAt(start - 1) == '-' && start < query.length() && start - 1 > 0
            && Character.isLetterOrDigit(query.charAt(start - 2))))) {
      start--;
    }
    int[] last = {start, query.length()};
    if (last[1] - last[0] < MIN_PREFIX) {
      return Optional.empty();
    }
    if (last[0] > 0 && query.charAt(last[0] - 1) == '-') {
      return Optional.empty(); // an exclusion is not completed
    }
    String head = query.substring(0, last[0]);
    long quotes = head.chars().filter(c -> c == '"').count();
    if (quotes % 2 == 1 || head.lastIndexOf('«') > head.lastIndexOf('»')) {
      return Optional.empty(); // inside a phrase: the words are matched as written
    }
    return Optional.of(new Split(head, query.substring(last[0])));
  }

  /**
   * The most frequent words of the vocabulary (accent-folded, see {@link Fields#SPELL}) that start
   * with the typed word, at most {@link #MAX_EXPANSIONS}, the typed word itself not included.
   */
  public static List<Completion> expansions(IndexReader reader, String typed) throws IOException {
    String folded = Suggester.fold(typed);
    Terms terms = MultiTerms.getTerms(reader, Fields.SPELL);
    if (terms == null || folded.length() < MIN_PREFIX) {
      return List.of();
    }
    TermsEnum it = terms.iterator();
    BytesRef prefix = new BytesRef(folded);
    if (it.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
      return List.of();
    }
    List<Completion> candidates = new ArrayList<>();
    int scanned = 0;
    for (BytesRef term = it.term(); term != null && scanned < TERMS_SCANNED; term = it.next(), scanned++) {
      if (!StringHelper.startsWith(term, prefix)) {
        break;
      }
      if (!term.bytesEquals(prefix)) {
        candidates.add(new Completion(term.utf8ToString(), it.docFreq()));
      }
    }
    candidates.sort(Comparator.comparingInt(Completion::docFreq).reversed());
    return candidates.stream().limit(MAX_EXPANSIONS).toList();
  }

  /**
   * The query with the word being typed matching the typed word or one of {@code expansions}, each
   * weighed by its frequency. Completions that are stop words match nothing and are left out; when
   * no completion remains, {@code whole} (the query as typed) is returned.
   */
  public static UserQueryParser.Parsed read(UserQueryParser parser, UserQueryParser.Parsed whole, Split split,
      List<Completion> expansions) {
    List<Completion> words = new ArrayList<>();
    words.add(new Completion(split.last(), -1)); // the word as typed, at full weight
    words.addAll(expansions);
    int mostFrequent = words.stream().mapToInt(Completion::docFreq).max().orElse(1);
    BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
    BooleanQuery.Builder highlight = new BooleanQuery.Builder();
    int alternatives = 0;
    for (Completion word : words) {
      UserQueryParser.Parsed one = parser.parse(word.word());
      if (!one.matchAll()) {
        // A rare completion (« poutres » for « pout ») would outrank the common one the reader
        // most likely means (« Poutine ») by its rarity alone: completions weigh by frequency.
        float weight = word.docFreq() < 0 ? 1f : (float) Math.sqrt((double) word.docFreq() / Math.max(1, mostFrequent));
        anyWord.add(new BoostQuery(one.strict(), weight), Occur.SHOULD);
        if (one.highlight() != null) {
          highlight.add(one.highlight(), Occur.SHOULD);
        }
        alternatives++;
      }
    }
    if (alternatives == 0) {
      return whole;
    }
    UserQueryParser.Parsed head = parser.parse(split.head());
    Query strict = anyWord.build();
    if (!head.matchAll()) {
      strict = new BooleanQuery.Builder().add(head.strict(), Occur.MUST).add(strict, Occur.MUST).build();
      if (head.highlight() != null) {
        highlight.add(head.highlight(), Occur.SHOULD);
      }
    }
    // No relaxed form: dropping words while one is being typed would show unrelated articles.
    return new UserQueryParser.Parsed(strict, null, highlight.build(), false, whole.keywords(), whole.clauses());
  }
}
