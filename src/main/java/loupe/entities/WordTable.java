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
  /**
   * One bit per hash value modulo 2^16, set for the hashes of the keys: small enough to stay in the
   * core's first cache, it turns away most words that no lexicon lists before the table is read.
   */
  private final long[] filter = new long[1 << 10];
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
      filter[(h >>> 6) & (filter.length - 1)] |= 1L << h;
      keys[i] = key;
      words[i] = word;
    });
    for (char c = 0; c < singleChars.length; c++) {
      singleChars[c] = get(String.valueOf(c));
    }
  }

  /** What the lexicons say about {@code key}, {@link Lexicon.Word#NONE} when nothing. */
  Lexicon.Word get(String key) {
    int slot = probe(key.hashCode(), key, 0, key.length(), false); // a String keeps its hash: no rehash
    return slot < 0 ? Lexicon.Word.NONE : words[slot];
  }

  /**
   * The slot of the key spelt by {@code chars[from, to)}, or -1 when no lexicon lists it: the tokenizer
   * looks words up in the text or in a scratch buffer, and makes no string for the half that misses.
   */
  int find(CharSequence chars, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + chars.charAt(k); // String.hashCode, so stored keys hash alike
    }
    return probe(h, chars, from, to, false);
  }

  /**
   * As {@link #find}, for a word of the text whose chars all have a {@link Fold#single} fold, given the
   * String hash of that fold: the key is compared char by char with the text, so no fold is ever written.
   */
  int findFolding(String text, int from, int to, int foldedHash) {
    return probe(foldedHash, text, from, to, true);
  }

  private int probe(int stringHash, CharSequence chars, int from, int to, boolean folding) {
    int h = spread(stringHash);
    if ((filter[(h >>> 6) & (filter.length - 1)] & (1L << h)) == 0) {
      return -1;
    }
    int i = h & mask;
    int stored;
    while ((stored = hashes[i]) != 0) {
      if (stored == h && spells(keys[i], chars, from, to, folding)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Whether {@code chars[from, to)}, folded char by char when {@code folding}, is {@code key}. */
  private static boolean spells(String key, CharSequence chars, int from, int to, boolean folding) {
    if (key.length() != to - from) {
      return false;
    }
    for (int k = 0; k < key.length(); k++) {
      char c = chars.charAt(from + k);
      if (key.charAt(k) != (folding ? Fold.single(c) : c)) {
        return false;
      }
    }
    return true;
  }

  /** What the lexicons say about the key in {@code slot}, a result of {@link #find}. */
  Lexicon.Word word(int slot) {
    return words[slot];
  }

  /** The stored key in {@code slot}, a result of {@link #find}. */
  String key(int slot) {
    return keys[slot];
  }

  /** The same as {@code get(String.valueOf(c))}, without a string. */
  Lexicon.Word get(char c) {
    return c < singleChars.length ? singleChars[c] : get(String.valueOf(c));
  }

  /** Spreads the high bits (String hashes of short words differ mostly low); never 0, the empty mark. */
  private static int hash(String key) {
    return spread(key.hashCode());
  }

  private static int spread(int h) {
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }
}
