package loupe.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.SynonymQuery;
import org.junit.jupiter.api.Test;

/** How a compound's stacked forms reach a collection, by the configset it was made with. */
class SolrQueryWriterTest {

  private static final SynonymQuery COMPOUND =
      new SynonymQuery.Builder("body").addTerm(new Term("body", "nord")).addTerm(new Term("body", "nordcoreen")).build();

  @Test
  void aLoupe7CollectionGetsTheFormsStackedAsOneTerm() {
    Map<String, String> params = new LinkedHashMap<>();
    String q = new SolrQueryWriter(params, true).write(COMPOUND);
    assertEquals("{!field f=body v=$lq0}", q);
    assertEquals(Map.of("lq0", "nord|nordcoreen"), params);
  }

  @Test
  void anOlderCollectionStillGetsAQueryItCanRead() {
    Map<String, String> params = new LinkedHashMap<>();
    String q = new SolrQueryWriter(params, false).write(COMPOUND);
    assertEquals("{!bool should=$lq1 should=$lq3}", q);
    assertEquals("nord", params.get("lq0"));
    assertEquals("nordcoreen", params.get("lq2"));
  }

  @Test
  void aTermThatCouldNotSurviveTheTripIsSentTheOldWay() {
    SynonymQuery odd = new SynonymQuery.Builder("body").addTerm(new Term("body", "a|b")).addTerm(new Term("body", "c"))
        .build();
    String q = new SolrQueryWriter(new LinkedHashMap<>(), true).write(odd);
    assertEquals("{!bool should=$lq1 should=$lq3}", q);
  }

  @Test
  void aCompoundInAPhraseKeepsItsPositionsAndSlop() {
    MultiPhraseQuery phrase = new MultiPhraseQuery.Builder()
        .add(new Term[] {new Term("body", "nord"), new Term("body", "nordcoreen")}, 0)
        .add(new Term[] {new Term("body", "coreen")}, 1)
        .add(new Term[] {new Term("body", "soldat")}, 3)
        .setSlop(2)
        .build();
    Map<String, String> params = new LinkedHashMap<>();
    new SolrQueryWriter(params, true).write(phrase);
    assertEquals("body:\"nord|nordcoreen coreen ? soldat\"~2", params.get("lq0"));
  }

  @Test
  void theConfigsetNameCarriesItsVersion() {
    assertEquals(7, CollectionSetup.version("loupe-7"));
    assertEquals(12, CollectionSetup.version("loupe-12"));
    assertEquals(0, CollectionSetup.version("_default"));
    assertEquals(0, CollectionSetup.version(null));
  }
}
