package loupe.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import loupe.search.lucene.query.QuerySyntax.Clause;
import org.junit.jupiter.api.Test;

/** What a reader types, read as web search engines read it, through SimpleQueryParser. */
class QuerySyntaxTest {

  /** Groups as « a OR b » (alternatives), phrases in quotes, then « -excluded ». */
  private static String read(String query) {
    QuerySyntax.Reading reading = QuerySyntax.read(query);
    String groups = reading.groups().stream()
        .map(g -> g.stream().map(QuerySyntaxTest::show).collect(Collectors.joining(" OR ")))
        .collect(Collectors.joining(" "));
    String excluded = reading.excluded().stream().map(c -> "-" + show(c)).collect(Collectors.joining(" "));
    return excluded.isEmpty() ? groups : groups + " " + excluded;
  }

  private static String show(Clause c) {
    return c.phrase() ? "\"" + c.text() + "\"" : c.text();
  }

  @Test
  void wordsAreAllWanted() {
    assertEquals("Macron retraites", read("Macron   retraites"));
  }

  @Test
  void orBindsItsTwoNeighboursOnly() {
    assertEquals("grève SNCF OR RATP", read("grève SNCF OR RATP"));
    assertEquals("a OR b OR c d", read("a OR b OR c d"));
    assertEquals("Paris OR \"la capitale\"", read("Paris OR \"la capitale\""));
  }

  @Test
  void orWithNothingBeforeOrAfterIsDropped() {
    assertEquals("Macron", read("OR Macron OR"));
  }

  @Test
  void frenchAndCurlyQuotesMakePhrases() {
    assertEquals("\"gilets jaunes\" \"prix Nobel\"", read("«gilets jaunes» \u201Cprix Nobel\u201D"));
  }

  @Test
  void aQuoteLeftOpenClosesAtTheEnd() {
    assertEquals("Macron \"réforme des retraites\"", read("Macron \"réforme des retraites"));
  }

  @Test
  void aDashBeforeAWordExcludesIt() {
    assertEquals("Trump -Biden -\"Maison Blanche\"", read("Trump -Biden -\"Maison Blanche\""));
  }

  @Test
  void aDashOpeningALineOrStandingAloneExcludesNothing() {
    assertEquals("juin. -Selon mairie - ok", read("juin. -Selon mairie - ok"));
  }

  @Test
  void operatorsOfOtherEnginesAreOrdinaryCharacters() {
    assertEquals("a|b c\\d (e) f* g~2 h i", read("a|b c\\d (e) f* g~2 +h +i"));
    assertEquals("\"a | b\"", read("\"a | b\""));
  }

  @Test
  void andSaysNothingAndAPlusSignIsDropped() {
    assertEquals("chômage jeunes", read("chômage AND +jeunes"));
  }

  @Test
  void anEmptyQueryHasNoClause() {
    assertEquals(List.of(), QuerySyntax.read("   ").groups());
  }
}
