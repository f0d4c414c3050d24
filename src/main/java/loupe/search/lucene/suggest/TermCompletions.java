package loupe.search.lucene.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import loupe.index.Fields;
import loupe.search.Suggestion;
import loupe.search.lucene.spelling.SurfaceForms;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * Completes the word being typed from the corpus vocabulary, most frequent words first, written as
 * the corpus writes them. Reads a bounded slice of the term dictionary, so it stays fast on any corpus.
 */
public final class TermCompletions {

  /** Terms of the dictionary looked at after the prefix; the most frequent of them are kept. */
  private static final int TERMS_SCANNED = 2_000;
  private static final int MIN_PREFIX = 2;

  private final SurfaceForms surfaceForms = new SurfaceForms();

  private record Candidate(String folded, int docFreq) {}

  /** Words starting with the folded prefix, as they are written, with their article counts. */
  public List<Suggestion> complete(IndexSearcher searcher, String foldedPrefix, int size) throws IOException {
    if (foldedPrefix.length() < MIN_PREFIX || size <= 0) {
      return List.of();
    }
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.SPELL);
    if (terms == null) {
      return List.of();
    }
    TermsEnum it = terms.iterator();
    BytesRef prefix = new BytesRef(foldedPrefix);
    if (it.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    int scanned = 0;
    for (BytesRef term = it.term(); term != null && scanned < TERMS_SCANNED; term = it.next(), scanned++) {
      if (!startsWith(term, prefix)) {
        break;
      }
      candidates.add(new Candidate(term.utf8ToString(), it.docFreq()));
    }
    candidates.sort(Comparator.comparingInt(Candidate::docFreq).reversed());
    List<Suggestion> out = new ArrayList<>();
    for (Candidate c : candidates.subList(0, Math.min(size, candidates.size()))) {
      out.add(new Suggestion(surfaceForms.of(c.folded(), searcher), "term", c.docFreq()));
    }
    return out;
  }

  private static boolean startsWith(BytesRef term, BytesRef prefix) {
    if (term.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (term.bytes[term.offset + i] != prefix.bytes[prefix.offset + i]) {
        return false;
      }
    }
    return true;
  }
}
