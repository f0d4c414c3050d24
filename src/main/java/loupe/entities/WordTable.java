package loupe.entities;

import java.util.Map;

/**
 * The lexicons' words by folded key, looked up once for every word of every article. A HashMap spent
 * most of that lookup chasing a node per probe; this table keeps the hashes in one int array, so a
 * word no lexicon lists (about half of them) costs one array read, and punctuation none at all.
 *
 * <p>Immutable once built, so one instance is shared by every indexing thread.
 */
final class WordTable {

  private final int[] hashes;
  private final String[] keys;
  private final Lexicon.Word[] words;
  private final int mask;
  /** What the lexicons say about each Latin-1 char on its own (punctuation tokens). */
  private final Lexicon.Word[] singleChars = new Lexicon.Word[0x100];

  WordTable(Map<String, Lexicon.Word> vocabulary) {
    int capacity = Integer.highestOneBit(Math.max(4, vocabulary.size() * 3)) << 1;
    hashes = new int[capacity];
    keys = new String[capacity];
    words = new Lexicon.Word[capacity];
    mask = capacity - 1;
    vocabulary.forEach((key, word) -> {
      int h = hash(key);
      int i = h & mask;
      while (hashes[i] != 0) {
        i = (i + 1) & mask;
      }
      hashes[i] = h;
      keys[i] = key;
      words[i] = word;
    });
    for (char c = 0; c < singleChars.length; c++) {
      singleChars[c] = get(String.valueOf(c));
    }
  }

  /** What the lexicons say about {@code key}, {@link Lexicon.Word#NONE} when nothing. */
  Lexicon.Word get(String key) {
    int h = hash(key);
    int i = h & mask;
    int stored;
    while ((stored = hashes[i]) != 0) {
      if (stored == h && keys[i].equals(key)) {
        return words[i];
      }
      i = (i + 1) & mask;
    }
    return Lexicon.Word.NONE;
  }

  /** The same as {@code get(String.valueOf(c))}, without a string. */
  Lexicon.Word get(char c) {
    return c < singleChars.length ? singleChars[c] : get(String.valueOf(c));
  }

  /** Spreads the high bits (String hashes of short words differ mostly low); never 0, the empty mark. */
  private static int hash(String key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }
}
