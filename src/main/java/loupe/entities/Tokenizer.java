package loupe.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Cuts raw text into word pieces and punctuation while keeping offsets into the original string. */
final class Tokenizer {
  private Tokenizer() {}

  /** One shared string per Latin-1 punctuation char, rather than a new one per punctuation token. */
  private static final String[] PUNCTUATION = new String[0x100];

  static {
    for (char c = 0; c < PUNCTUATION.length; c++) {
      PUNCTUATION[c] = String.valueOf(c);
    }
  }

  private static final WordTable NO_WORDS = new WordTable(Map.of());

  /** Tokens without their lexicon facts, to build the lexicon itself. */
  static List<Token> tokenize(String text) {
    return tokenize(text, NO_WORDS);
  }

  /** Tokens that carry what {@code vocabulary} says about their key. */
  static List<Token> tokenize(String text, WordTable vocabulary) {
    List<Token> out = new ArrayList<>(text.length() / 5 + 4);
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    Token.Join join = Token.Join.SPACE;
    StringBuilder scratch = new StringBuilder();
    while (i < n) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        if (c == '\n') {
          sentenceStart = true;
        }
        join = Token.Join.SPACE;
        i++;
        continue;
      }
      if (isWordChar(c)) {
        int s = i;
        // One pass finds the word's end, folds it and hashes the fold, as the lexicon table hashes its keys.
        int hash = 0;
        boolean single = true;
        // Where a lower-case letter meets a capital late enough in the word (« CastexChristian »), with the fold's
        // hash up to there: the place of a line break the source may have lost.
        int cut = -1;
        int headHash = 0;
        boolean headSingle = true;
        while (i < n) {
          char w = text.charAt(i);
          if (!isWordChar(w)) {
            break;
          }
          if (cut < 0 && i - s >= MIN_GLUED_HEAD && isUpperCase(w) && isLowerCase(text.charAt(i - 1))) {
            cut = i;
            headHash = hash;
            headSingle = single;
          }
          char f = Fold.single(w);
          single &= f != 0;
          hash = 31 * hash + f;
          i++;
        }
        // An apostrophe right after letters ends an elided piece (« l' », « d' », « O' ») that is its own token.
        boolean elided = elidedAt(text, i);
        int e = elided ? i + 1 : i;
        if (elided) {
          hash = 31 * hash + '\'';
        }
        int slot = lookup(text, s, e, hash, single, vocabulary, scratch);
        boolean glued = cut >= 0 && slot < 0 && gluedLineStart(text, s, cut, e, vocabulary, scratch);
        if (glued) {
          e = cut;
          slot = lookup(text, s, e, headHash, headSingle, vocabulary, scratch);
        }
        String key = slot >= 0 ? vocabulary.key(slot) : null;
        out.add(new Token(text, s, e, true, join, sentenceStart,
            slot < 0 ? Lexicon.Word.NONE : vocabulary.word(slot), isUpperCase(c), key));
        i = e;
        if (glued) {
          // The tail opens the line the source ran into this one (« UruguayDans ces pays »): a sentence start
          // with no space before it, which only such a tail has among words (see Token#opensGluedLine).
          sentenceStart = true;
          join = Token.Join.NONE;
          continue;
        }
        sentenceStart = false;
        join = elided ? Token.Join.APOSTROPHE : Token.Join.NONE;
        if (!elided && i + 1 < n && isHyphen(text.charAt(i)) && isWordChar(text.charAt(i + 1))) {
          join = Token.Join.HYPHEN;
          i++;
        }
        continue;
      }
      String p = c < PUNCTUATION.length ? PUNCTUATION[c] : null;
      out.add(new Token(text, i, i + 1, false, join, sentenceStart, vocabulary.get(c), false, p));
      if (c == '.' || c == '!' || c == '?' || c == '…' || c == ':' || c == '«' || c == '"' || c == '“'
          || c == '—' || c == '–' || c == '(' || c == ';') {
        sentenceStart = !(c == '.' && isInitialDot(out));
      }
      join = Token.Join.NONE;
      i++;
    }
    return out;
  }

  /**
   * Letters a word keeps before a glued line (« Pen|Dans »): « McCain », « DiCaprio », « LeBron » stay whole. Before a
   * given name or a title the head needs {@link #MIN_HEAD_BEFORE_NAME} (« MacArthur », « MacDonald » stay whole).
   */
  static final int MIN_GLUED_HEAD = 3;

  static final int MIN_HEAD_BEFORE_NAME = 4;

  /** The slot of the fold of {@code text[s, e)} in {@code vocabulary}, or -1; {@code hash} is that fold's hash. */
  private static int lookup(String text, int s, int e, int hash, boolean single, WordTable vocabulary,
      StringBuilder scratch) {
    if (single) {
      return vocabulary.findFolding(text, s, e, hash);
    } else if (Fold.foldInto(text, s, e, scratch)) {
      return vocabulary.find(scratch, 0, scratch.length());
    }
    String key = Fold.normalizingFold(text.substring(s, e));
    return vocabulary.find(key, 0, key.length());
  }

  /**
   * A word the lexicons do not know whole whose capitalised tail from {@code cut} is a word they list as a function or
   * common word, a given name or a title (« TakieddineNicolas Sarkozy », « Le PenDans », « ParisA Paris »,
   * « PetitjeanL'homme »): the source lost the line break between two lines, so the tail is a word of its own.
   * Brands written in one word (« HuffPost », « WhatsApp ») rarely end in such a word, and a brand the lexicons list
   * is known whole.
   */
  private static boolean gluedLineStart(String text, int start, int cut, int end, WordTable vocabulary,
      StringBuilder scratch) {
    char first = Fold.single(text.charAt(cut));
    if (end - cut == 2 && isApostrophe(text.charAt(cut + 1))) {
      // « L'homme », « D'autres »: an elided article opening the line.
      return first == 'l' || first == 'd';
    }
    if (end - cut >= 2 ? !isLowerCase(text.charAt(cut + 1)) : first != 'a') {
      // « MkIII », « LamyTOP », « SpaceX »: capitals, model numbers and lone letters are not a line's first word;
      // the preposition « A » / « À » is.
      return false;
    }
    int slot = Fold.foldInto(text, cut, end, scratch) ? vocabulary.find(scratch, 0, scratch.length()) : -1;
    if (slot < 0) {
      return false;
    }
    Lexicon.Word w = vocabulary.word(slot);
    if (w.notPerson && !w.given) {
      return true;
    }
    // Not a role: a role ends brands (« MasterChef »), and a role opening a line is listed as a common word anyway.
    return cut - start >= MIN_HEAD_BEFORE_NAME && (w.given || w.courtesy);
  }

  /** An apostrophe at {@code end}, right after letters and before more, ends an elided piece (« l' », « d' », « O' »). */
  private static boolean elidedAt(String text, int end) {
    return end + 1 < text.length() && isApostrophe(text.charAt(end)) && isWordChar(text.charAt(end + 1));
  }

  /**
   * Whether a capitalised word piece of {@code text}, as {@link #tokenize} cuts it and other than an elided one, has
   * a folded key {@code keys} accepts. It makes no token: the relearn runs it over every article of the index.
   */
  static boolean anyCapitalisedPiece(String text, Predicate<String> keys) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      if (!elidedAt(text, i) && isUpperCase(text.charAt(start)) && keys.test(Fold.fold(text.substring(start, i)))) {
        return true;
      }
      if (gluedPieceMatches(text, start, i, keys)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pieces {@link #tokenize} may cut a word into at lost line breaks (« CastexChristian »): whether it cuts
   * depends on the lexicons, so every piece it could make is tested, head and tail at each cut.
   */
  private static boolean gluedPieceMatches(String text, int start, int end, Predicate<String> keys) {
    int seg = start;
    for (int p = start + 1; p < end; p++) {
      if (p - seg >= MIN_GLUED_HEAD && isUpperCase(text.charAt(p)) && isLowerCase(text.charAt(p - 1))) {
        if (isUpperCase(text.charAt(seg)) && keys.test(Fold.fold(text.substring(seg, p)))
            || keys.test(Fold.fold(text.substring(p, end)))) {
          return true;
        }
        seg = p;
      }
    }
    return false;
  }

  /** A dot after a single capital (« J. Dupont », « M. Macron ») does not end the sentence. */
  private static boolean isInitialDot(List<Token> out) {
    if (out.size() < 2) {
      return false;
    }
    Token prev = out.get(out.size() - 2);
    if (!prev.word()) {
      return false;
    }
    if (prev.length() == 1) {
      return prev.capitalized();
    }
    if (prev.length() > 4) {
      return false;
    }
    String t = prev.text();
    return t.equals("M") || t.equals("MM") || t.equals("Mme") || t.equals("Mlle") || t.equals("Dr")
        || t.equals("Mgr") || t.equals("Pr") || t.equals("St") || t.equals("Me") || t.equals("Mr");
  }

  /**
   * What the tokenizer asks of a char (a word char, upper case, white space), read from one table for the chars
   * most text is written in: it runs on every char. The table reaches past General Punctuation (U+2000–U+206F),
   * whose typographic apostrophe, dashes and spaces French news writes in nearly every sentence; a lookup in
   * {@link Character} costs several calls per char.
   */
  private static final byte[] KINDS = new byte[0x2070];
  private static final byte WORD = 1;
  private static final byte UPPER = 2;
  private static final byte SPACE = 4;
  private static final byte LOWER = 8;

  static {
    for (char c = 0; c < KINDS.length; c++) {
      KINDS[c] = (byte) ((isLetterDigitOrMark(c) ? WORD : 0) | (Character.isUpperCase(c) ? UPPER : 0)
          | (Character.isWhitespace(c) ? SPACE : 0) | (Character.isLowerCase(c) ? LOWER : 0));
    }
  }

  static boolean isWordChar(char c) {
    return c < KINDS.length ? (KINDS[c] & WORD) != 0 : isLetterDigitOrMark(c);
  }

  private static boolean isUpperCase(char c) {
    return c < KINDS.length ? (KINDS[c] & UPPER) != 0 : Character.isUpperCase(c);
  }

  private static boolean isLowerCase(char c) {
    return c < KINDS.length ? (KINDS[c] & LOWER) != 0 : Character.isLowerCase(c);
  }

  private static boolean isWhitespace(char c) {
    return c < KINDS.length ? (KINDS[c] & SPACE) != 0 : Character.isWhitespace(c);
  }

  private static boolean isLetterDigitOrMark(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == 'ʼ';
  }

  static boolean isHyphen(char c) {
    return c == '-' || c == '‐' || c == '‑';
  }
}
