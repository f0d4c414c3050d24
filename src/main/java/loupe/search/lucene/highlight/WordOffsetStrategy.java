package loupe.search.lucene.highlight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.util.BytesRef;

/**
 * Where the words of a query occur in one field, for a query that is only words OR-ed together (most
 * typed queries). Each word's postings list is opened once per index segment and request, then
 * advanced through the documents being highlighted, which come in doc id order.
 *
 * <p>The stock weight-matches path rewrites the query, builds its weight and opens every postings
 * list again for each document and field: on a result page, that was most of the highlighting time.
 * For such queries both give the highlighter the same matches, terms and frequencies (see
 * {@link #freqAsWeightMatches}), so the same passages. Made per request and field, by one thread.
 */
final class WordOffsetStrategy extends FieldOffsetStrategy {

  private final BytesRef[] words;
  private LeafReader leaf;
  private int lastDoc = -1;
  private PostingsEnum[] postings;

  private WordOffsetStrategy(UHComponents components, BytesRef[] words) {
    super(components);
    this.words = words;
  }

  /** The strategy for this field, or null when the query has more than words OR-ed (phrases, synonyms, MUST…). */
  static WordOffsetStrategy of(UHComponents components) {
    BytesRef[] words = wordsOf(components.query(), components.field());
    return words == null ? null : new WordOffsetStrategy(components, words);
  }

  /** The field's words of a query that is only words OR-ed together, else null. */
  static BytesRef[] wordsOf(Query query, String field) {
    Set<BytesRef> words = new HashSet<>();
    return collectWords(query, field, words) ? words.toArray(BytesRef[]::new) : null;
  }

  /** Adds the field's words of an OR of words to {@code words}; false when the query is anything else. */
  private static boolean collectWords(Query query, String field, Set<BytesRef> words) {
    if (query instanceof TermQuery term) {
      // The same word twice would be two matches at one place in the weight-matches path.
      return !term.getTerm().field().equals(field) || words.add(term.getTerm().bytes());
    }
    if (query instanceof BoostQuery boost) {
      return collectWords(boost.getQuery(), field, words);
    }
    if (query instanceof DisjunctionMaxQuery max) {
      for (Query q : max.getDisjuncts()) {
        if (!collectWords(q, field, words)) {
          return false;
        }
      }
      return true;
    }
    if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
      for (BooleanClause clause : bool.clauses()) {
        if (clause.occur() != BooleanClause.Occur.SHOULD || !collectWords(clause.query(), field, words)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public OffsetSource getOffsetSource() {
    return OffsetSource.POSTINGS;
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
    if (reader != leaf || docId < lastDoc) {
      open(reader);
    }
    lastDoc = docId;
    List<OffsetsEnum> found = new ArrayList<>(words.length);
    for (int i = 0; i < words.length; i++) {
      PostingsEnum p = postings[i];
      if (p != null && p.docID() < docId) {
        p.advance(docId);
      }
      if (p != null && p.docID() == docId) {
        found.add(new OffsetsEnum.OfPostings(words[i], p) {
          @Override
          public int freq() {
            return freqAsWeightMatches();
          }
        });
      }
    }
    return switch (found.size()) {
      case 0 -> OffsetsEnum.EMPTY;
      case 1 -> found.get(0);
      default -> new OffsetsEnum.MultiOffsetsEnum(found);
    };
  }

  /**
   * The weight-matches path tells the passage scorer every word occurs once in the document, so a
   * passage's score counts its distinct words and their repeats, not how rare each word is in the
   * article; the same is told here, so the passages chosen do not change.
   */
  static int freqAsWeightMatches() {
    return 1;
  }

  private void open(LeafReader reader) throws IOException {
    leaf = reader;
    postings = new PostingsEnum[words.length];
    Terms terms = reader.terms(getField());
    if (terms == null) {
      return;
    }
    TermsEnum termsEnum = terms.iterator();
    for (int i = 0; i < words.length; i++) {
      if (termsEnum.seekExact(words[i])) {
        postings[i] = termsEnum.postings(null, PostingsEnum.OFFSETS);
      }
    }
  }
}
