package loupe.search.lucene.spelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.analysis.SpellingAnalyzer;
import loupe.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Writes a folded vocabulary term as the corpus writes it (« presidentielles » → « présidentielles »,
 * « macron » → « Macron »), read back from a few articles that contain it. Thread-safe.
 */
public final class SurfaceForms {

  private static final int ARTICLES_READ = 3;

  private final Analyzer analyzer = new SpellingAnalyzer();

  /** The most frequent spelling of {@code folded} in a few articles, or {@code folded} itself. */
  public String of(String folded, IndexSearcher searcher) throws IOException {
    Map<String, Integer> spellings = new HashMap<>();
    for (ScoreDoc hit : searcher.search(new TermQuery(new Term(Fields.SPELL, folded)), ARTICLES_READ).scoreDocs) {
      Document doc = searcher.storedFields().document(hit.doc);
      for (String field : List.of(Fields.TITLE, Fields.BODY)) {
        String text = doc.get(field);
        if (text != null) {
          collect(text, folded, spellings);
        }
      }
    }
    return mostFrequent(spellings, folded);
  }

  /**
   * For each folded word, its most frequent spelling in {@code texts} (articles another engine
   * returned for these words), or the folded word itself.
   */
  public Map<String, String> of(Collection<String> folded, List<String> texts) {
    Map<String, String> out = new HashMap<>();
    for (String word : folded) {
      Map<String, Integer> spellings = new HashMap<>();
      for (String text : texts) {
        collect(text, word, spellings);
      }
      out.put(word, mostFrequent(spellings, word));
    }
    return out;
  }

  private static String mostFrequent(Map<String, Integer> spellings, String folded) {
    // Sentence-initial capitals would make every word look like a name: prefer lower case on a tie.
    return spellings.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(e -> Character.isLowerCase(e.getKey().charAt(0))))
        .map(Map.Entry::getKey)
        .orElse(folded);
  }

  private void collect(String text, String folded, Map<String, Integer> spellings) {
    try (TokenStream ts = analyzer.tokenStream(Fields.SPELL, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.toString().equals(folded)) {
          spellings.merge(text.substring(offsets.startOffset(), offsets.endOffset()), 1, Integer::sum);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
