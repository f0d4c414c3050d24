package loupe.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loupe.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The UnifiedHighlighter set up for result lists: the whole title, and up to three ~160-char
 * passages of the body, read from the offsets in the postings (no re-analysis).
 *
 * <p>One per searcher, shared by all requests on it; thread-safe.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

  static final int SNIPPET_CHARS = 160;
  static final int MAX_SNIPPETS = 3;
  /** Where the first match sits in a passage: a little before the middle, so its sentence leads in. */
  private static final float FRAGMENT_ALIGNMENT = 0.4f;
  private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.FRENCH);
  private static final String[] FIELDS = {Fields.TITLE, Fields.BODY};
  private static final int[] MAX_PASSAGES = {1, MAX_SNIPPETS};

  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    super(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new HtmlSnippetFormatter())
        // Only the first 20,000 chars of a body are searched for passages: long bodies would
        // make every request pay for text nobody reads in a snippet.
        .withMaxLength(20_000)
        .withPassageRelevancyOverSpeed(true));
  }

  /** Highlighted title and body snippets of each document, in the order of {@code docIds}. */
  @SuppressWarnings("unchecked")
  Highlights highlight(Query query, int[] docIds) throws IOException {
    Map<String, Object[]> byField = highlightFieldsAsObjects(FIELDS, query, docIds, MAX_PASSAGES);
    return new Highlights(byField.get(Fields.TITLE), byField.get(Fields.BODY));
  }

  /** Highlighter output aligned with the docIds asked for; an entry is null where nothing matched. */
  record Highlights(Object[] titles, Object[] bodies) {
    @SuppressWarnings("unchecked")
    List<String> body(int i) {
      return bodies[i] == null ? List.of() : (List<String>) bodies[i];
    }

    @SuppressWarnings("unchecked")
    String title(int i) {
      List<String> t = titles[i] == null ? List.of() : (List<String>) titles[i];
      return t.isEmpty() ? null : t.get(0);
    }
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    if (Fields.TITLE.equals(field)) {
      return new WholeBreakIterator();
    }
    // Cloning a prototype is cheaper than building the rule-based iterator for every request.
    return LengthGoalBreakIterator.createClosestToLength(
        (BreakIterator) SENTENCES.clone(), SNIPPET_CHARS, FRAGMENT_ALIGNMENT);
  }

  @Override
  protected int getMaxNoHighlightPassages(String field) {
    // A hit found by its title alone still shows the start of its body.
    return 1;
  }
}
