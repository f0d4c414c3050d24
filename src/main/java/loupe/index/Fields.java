package loupe.index;

import java.util.Map;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.analysis.SpellingAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;

/** Names and types of the index fields, with the reason each one is indexed the way it is. */
public final class Fields {

  /** Keyword, stored: exact lookup and the key of upserts. */
  public static final String ID = "id";

  /** Analysed text with offsets in the postings, stored: search, and highlighting without re-analysis. */
  public static final String TITLE = "title";

  /** Same as the title; the main search field. */
  public static final String BODY = "body";

  /** Long point and doc values of the epoch millis: date-range filters and sort by date. */
  public static final String DATE = "date";

  /** The date as the source gave it (ISO-8601), stored only: what the API returns. */
  public static final String DATE_TEXT = "date_text";

  /** Stored only: shown, never searched. */
  public static final String URL = "url";

  /** Stored and a single-valued facet dimension (the publisher); never searched as text. */
  public static final String SOURCE = "source";

  /** Stored and a single-valued facet dimension (the publisher's rubrique), as the source. */
  public static final String SECTION = "section";

  /** Sorted-set facet dimension (counts, drill-down, drill-sideways); values stored as well. */
  public static final String PERSON = "person";

  /** Sorted-set facet dimension, canonical French country names; values stored as well. */
  public static final String COUNTRY = "country";

  /** Sorted-set facet dimension, canonical organisation names; values stored as well. */
  public static final String ORGANIZATION = "organization";

  /**
   * Sorted-set doc values only: the full names an article gives with strong evidence, found without corpus
   * knowledge. Counting them over the index is what the index knows of its people ({@link CorpusEvidence}), and it
   * is committed with the articles, so it can never disagree with them.
   */
  public static final String PERSON_EVIDENCE = "person_evidence";

  /**
   * Sorted-set doc values only: the person values as the article spells them, before the index picks one spelling
   * per folded key. Counting them is how the index picks that spelling ({@link CorpusEvidence}).
   */
  public static final String PERSON_SPELLING = "person_spelling";

  /**
   * Stored only: the body mentions (packed by {@link MentionCodec}; JSON in older indexes), so the
   * API can return them without re-extracting.
   */
  public static final String MENTIONS = "mentions";

  /** The stored field that holds the country ISO codes, in the order of {@link #COUNTRY}. */
  public static final String COUNTRY_CODE = "country_code";

  /**
   * The title and the lead of the body (its first {@link #SPELLING_LEAD_CHARS} characters) again,
   * unstemmed and unstored, documents only: the vocabulary spelling corrections and completions are
   * drawn from (see {@link loupe.analysis.SpellingAnalyzer}).
   */
  public static final String SPELL = "spell";

  /**
   * How much of a body the spelling vocabulary reads. Titles and leads hold the names and words
   * readers search for; reading whole bodies cost a quarter of the indexing time for words that
   * are rare by definition (those still count as real words: see the spelling check).
   */
  public static final int SPELLING_LEAD_CHARS = 600;

  /** Text fields with positions for phrases and offsets for the UnifiedHighlighter. */
  public static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  private Fields() {}

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** The spelling field: corrections need only which articles hold a word (its document frequency). */
  public static final FieldType SPELLING = spelling();

  private static FieldType spelling() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(false);
    type.setOmitNorms(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.freeze();
    return type;
  }

  /** The analyzer of every field: French analysis for search, unstemmed words for {@link #SPELL}. */
  public static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new FrenchNewsAnalyzer(), Map.of(SPELL, new SpellingAnalyzer()));
  }

  /** The facet configuration every writer and reader of a Loupe index must share. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(PERSON, true);
    config.setMultiValued(COUNTRY, true);
    config.setMultiValued(ORGANIZATION, true);
    return config;
  }
}
