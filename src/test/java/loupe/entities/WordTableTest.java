package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTableTest {

  @Test
  void everyKeyFindsItsOwnWordAndOtherKeysFindNone() {
    Map<String, Lexicon.Word> vocabulary = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      vocabulary.put("mot" + i, new Lexicon.Word());
    }
    vocabulary.put(",", new Lexicon.Word());
    WordTable table = new WordTable(vocabulary);
    vocabulary.forEach((key, word) -> assertSame(word, table.get(key), key));
    for (int i = 5_000; i < 10_000; i++) {
      assertSame(Lexicon.Word.NONE, table.get("mot" + i));
    }
    assertSame(vocabulary.get(","), table.get(','));
    assertSame(Lexicon.Word.NONE, table.get(';'));
    assertSame(Lexicon.Word.NONE, table.get('\u2014'));
  }

  @Test
  void anEmptyTableFindsNothing() {
    WordTable table = new WordTable(Map.of());
    assertSame(Lexicon.Word.NONE, table.get("macron"));
    assertSame(Lexicon.Word.NONE, table.get('.'));
  }

  @Test
  void tokensFindTheirLexiconWordWhateverTheAccentsCaseApostropheOrScript() {
    Map<String, Lexicon.Word> vocabulary = new HashMap<>();
    for (String key : List.of("l'", "elysee", "oeuvre", "ελλαδα", "d'")) {
      vocabulary.put(key, new Lexicon.Word());
    }
    WordTable table = new WordTable(vocabulary);
    // Plain folds, a typographic apostrophe, a two-letter fold (« Œ ») and a script the normalizer folds.
    List<Token> tokens = Tokenizer.tokenize("L’ÉLYSÉE et l'Elysee, ŒUVRE d’Ελλάδα, Elyseé", table);
    List<String> words = tokens.stream().filter(Token::word).map(Token::text).toList();
    assertEquals(List.of("L’", "ÉLYSÉE", "et", "l'", "Elysee", "ŒUVRE", "d’", "Ελλάδα", "Elyseé"), words);
    for (Token t : tokens) {
      if (t.word() && !t.text().equals("et")) {
        assertSame(vocabulary.get(t.key()), t.lex(), t.text());
      }
    }
    assertEquals("elysee", tokens.get(1).key());
    assertSame(Lexicon.Word.NONE, tokens.get(2).lex());
    assertEquals("et", tokens.get(2).key());
  }
}
