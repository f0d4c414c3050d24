package loupe.search.lucene.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The allocation-free scorer ranks passages exactly as Lucene's. */
class LightPassageScorerTest {

  @Test
  void scoresAreTheStockScorersToTheBit() {
    Random random = new Random(42);
    PassageScorer stock = new PassageScorer();
    PassageScorer light = new LightPassageScorer();
    BytesRef[] vocabulary = {new BytesRef("climat"), new BytesRef("sommet"), new BytesRef("paris"), new BytesRef("accord")};
    for (int round = 0; round < 2_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(5_000);
      int length = 40 + random.nextInt(300);
      passage.setStartOffset(start);
      passage.setEndOffset(start + length);
      int matches = 1 + random.nextInt(12);
      for (int m = 0; m < matches; m++) {
        int term = random.nextInt(vocabulary.length);
        // A term has one frequency in the document, whichever match carries it; a copy of its bytes
        // checks terms are compared by content.
        passage.addMatch(start + m, start + m + 1, BytesRef.deepCopyOf(vocabulary[term]), 3 + term * 7);
      }
      int contentLength = start + length + random.nextInt(10_000);
      assertEquals(stock.score(passage, contentLength), light.score(passage, contentLength), passage.toString());
    }
  }
}
