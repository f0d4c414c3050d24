package loupe.search.lucene.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Passage boundaries: where a reader sees a sentence end, and the BreakIterator contract the highlighter relies on. */
class SentenceBreakIteratorTest {

  private static List<String> sentences(BreakIterator it, String text) {
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(text.substring(start, end));
    }
    return out;
  }

  @Test
  void plainSentencesBreakAsWithTheJdkIterator() {
    String text = "Il pleut sur Paris. Le vent souffle fort ! Que faire ? Rien, etc. et la suite. Demain, 3,5 degrés.";
    List<String> jdk = sentences(BreakIterator.getSentenceInstance(Locale.FRENCH), text);
    assertEquals(jdk, sentences(new SentenceBreakIterator(), text));
    assertEquals(List.of("Il pleut sur Paris. ", "Le vent souffle fort ! ", "Que faire ? ",
        "Rien, etc. et la suite. ", "Demain, 3,5 degrés."), jdk);
  }

  @Test
  void initialsQuotesAndLineBreaksAreReadAsAReaderWould() {
    String text = "M. Macron a parlé. Il a dit « c'est fini. » Puis il est parti.\nUn titre sans point\n"
        + "« Au secours ! » crie-t-il. J. Chirac aussi… Fin.";
    assertEquals(List.of("M. Macron a parlé. ", "Il a dit « c'est fini. » ", "Puis il est parti.\n",
        "Un titre sans point\n", "« Au secours ! » crie-t-il. ", "J. Chirac aussi… ", "Fin."),
        sentences(new SentenceBreakIterator(), text));
  }

  @Test
  void punctuationRunsAndWindowsLineBreaksEndOneSentenceEach() {
    // Only what follows sentence punctuation or a line break is read: runs of both, and a line break
    // inside the spaces after a full stop, must still give one boundary each.
    String text = "Quoi ?! Oui.\r\n\r\n« Non. » Alors…\nFin. \n Suite\u2028Dernière";
    assertEquals(List.of("Quoi ?! ", "Oui.\r\n\r\n", "« Non. » ", "Alors…\n", "Fin. \n ", "Suite\u2028", "Dernière"),
        sentences(new SentenceBreakIterator(), text));
  }

  @Test
  void sentencesGluedByALostSpaceAreSplitAtTheirCapital() {
    String text = "Selon ABCTV.Cette affiche divise.\"Une autre viendra.\"Il le dit. \"Bien.\" Y a-t-il un contentieux ?Les juges"
        + " lisent le site orange.fr et les 3.5 litres d'un V8 aux U.S.A. sans conclure.";
    assertEquals(List.of("Selon ABCTV.", "Cette affiche divise.", "\"Une autre viendra.\"", "Il le dit. ", "\"Bien.\" ",
        "Y a-t-il un contentieux ?", "Les juges lisent le site orange.fr et les 3.5 litres d'un V8 aux U.S.A. sans conclure."),
        sentences(new SentenceBreakIterator(), text));
  }

  @Test
  void followingAndPrecedingKeepTheBreakIteratorContract() {
    String text = "Un. Deux. Trois.";
    BreakIterator it = new SentenceBreakIterator();
    it.setText(text);
    assertEquals(4, it.following(0));
    assertEquals(4, it.current());
    assertEquals(10, it.following(4));
    assertEquals(text.length(), it.following(12));
    assertEquals(BreakIterator.DONE, it.following(text.length()));
    assertEquals(10, it.preceding(text.length()));
    assertEquals(4, it.preceding(10));
    assertEquals(0, it.preceding(3));
    assertEquals(BreakIterator.DONE, it.preceding(0));
    assertEquals(BreakIterator.DONE, it.previous());
    assertEquals(4, it.next());
    assertEquals(text.length(), it.last());
    assertEquals(10, it.previous());
    assertEquals(text.length(), it.next(1));
    assertEquals(4, it.next(-2));
    assertTrue(it.isBoundary(10));
    assertFalse(it.isBoundary(11));
    assertThrows(IllegalArgumentException.class, () -> it.following(text.length() + 1));
    assertThrows(IllegalArgumentException.class, () -> it.preceding(-1));
    assertEquals(text.length(), it.getText().getEndIndex());
  }

  @Test
  void emptyTextHasOneBoundary() {
    BreakIterator it = new SentenceBreakIterator();
    it.setText("");
    assertEquals(0, it.first());
    assertEquals(BreakIterator.DONE, it.next());
    assertEquals(BreakIterator.DONE, it.following(0));
    assertEquals(BreakIterator.DONE, it.preceding(0));
  }

  @Test
  void characterIteratorOffsetsAreKept() {
    BreakIterator it = new SentenceBreakIterator();
    it.setText(new StringCharacterIterator("xxUn. Deux.", 2, 11, 2));
    assertEquals(2, it.first());
    assertEquals(6, it.next());
    assertEquals(11, it.next());
    assertEquals(6, it.preceding(11));
  }
}
