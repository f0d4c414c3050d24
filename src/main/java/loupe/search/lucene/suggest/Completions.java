package loupe.search.lucene.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import loupe.search.Suggestion;
import org.apache.lucene.search.IndexSearcher;

/**
 * Completes what a reader is typing in the search box: entity names first, then the words of the
 * index that complete the word being typed, after the words already typed.
 */
public final class Completions {

  private final TermCompletions termCompletions = new TermCompletions();

  /** The words of an engine's vocabulary that complete a folded prefix, most frequent first, as written. */
  public interface Words {
    List<Suggestion> complete(String foldedPrefix, int size) throws IOException;
  }

  /** Up to {@code size} distinct completions of {@code prefix}, from {@code names} and the index's words. */
  public List<Suggestion> complete(String prefix, int size, Suggester names, IndexSearcher searcher)
      throws IOException {
    return complete(prefix, size, names, (folded, n) -> termCompletions.complete(searcher, folded, n));
  }

  /** Up to {@code size} distinct completions of {@code prefix}, from {@code names} and another engine's words. */
  public static List<Suggestion> complete(String prefix, int size, Suggester names, Words words) throws IOException {
    String text = prefix.strip();
    int lastBreak = text.lastIndexOf(' ');
    int wordStart = lastBreak + 1;
    // An elided article (« l'élec », « d’Ukr ») stays in front: the vocabulary has the bare words.
    int apostrophe = Math.max(text.indexOf('\'', wordStart), text.indexOf('\u2019', wordStart));
    if (apostrophe > wordStart && apostrophe - wordStart <= 6 && apostrophe + 1 < text.length()) {
      wordStart = apostrophe + 1;
    }
    String head = text.substring(0, wordStart);
    String last = text.substring(wordStart);
    // Names matching the whole input first (« vladimir pou »), then names and words that complete
    // the word being typed, after the words already typed.
    // A name's pick ticks it and keeps in the box only the words typed before it.
    List<Suggestion> found = new ArrayList<>();
    names.suggest(text, size).forEach(s -> found.add(new Suggestion(s.text(), s.type(), s.count(), "", s.type())));
    if (!head.isEmpty()) {
      names.suggest(last, size).forEach(s -> found.add(new Suggestion(s.text(), s.type(), s.count(), head.strip(), s.type())));
    }
    words.complete(Suggester.fold(last), size)
        .forEach(s -> found.add(new Suggestion(head + s.text(), s.type(), s.count())));
    List<Suggestion> distinct = new ArrayList<>();
    for (Suggestion s : found) {
      if (distinct.size() < size && distinct.stream().noneMatch(d -> d.text().equalsIgnoreCase(s.text()))) {
        distinct.add(s);
      }
    }
    return distinct;
  }
}
