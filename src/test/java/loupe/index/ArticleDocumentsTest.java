package loupe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleDocumentsTest {

  @Test
  void aShortBodyIsItsOwnLead() {
    assertEquals("Un court article.", ArticleDocuments.lead("Un court article."));
  }

  @Test
  void theLeadOfALongBodyNeverEndsInsideAWord() {
    String body = "a".repeat(Fields.SPELLING_LEAD_CHARS - 3) + " présidentielles et la suite";
    String lead = ArticleDocuments.lead(body);
    assertTrue(lead.length() <= Fields.SPELLING_LEAD_CHARS, "length " + lead.length());
    // The cut falls inside « présidentielles »: the whole word is left out, never a truncated « pr ».
    assertEquals("a".repeat(Fields.SPELLING_LEAD_CHARS - 3) + " ", lead);
  }
}
