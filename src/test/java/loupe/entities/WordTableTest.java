package loupe.entities;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
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
}
