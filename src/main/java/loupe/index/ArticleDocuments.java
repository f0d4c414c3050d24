package loupe.index;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import loupe.entities.ArticleEntities;
import loupe.entities.Mention;
import loupe.ingest.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/** Turns articles into Lucene documents and back, so the field layout lives in one place. */
public final class ArticleDocuments {

  private final FacetsConfig facetsConfig;

  public ArticleDocuments(FacetsConfig facetsConfig) {
    this.facetsConfig = facetsConfig;
  }

  /** Builds the document to index for an article and its entities. */
  public Document toDocument(Article article, ArticleEntities entities) throws IOException {
    Document doc = new Document();
    doc.add(new KeywordField(Fields.ID, article.id(), Field.Store.YES));
    doc.add(new Field(Fields.TITLE, article.title(), Fields.TEXT_WITH_OFFSETS));
    doc.add(new Field(Fields.BODY, article.body(), Fields.TEXT_WITH_OFFSETS));
    doc.add(new Field(Fields.SPELL, article.title(), Fields.SPELLING));
    doc.add(new Field(Fields.SPELL, lead(article.body()), Fields.SPELLING));
    if (article.date() != null) {
      doc.add(new LongField(Fields.DATE, article.date().toInstant().toEpochMilli(), Field.Store.NO));
      doc.add(new StoredField(Fields.DATE_TEXT, article.date().toString()));
    }
    if (article.url() != null) {
      doc.add(new StoredField(Fields.URL, article.url()));
    }
    if (article.source() != null) {
      doc.add(new StoredField(Fields.SOURCE, article.source()));
      if (!article.source().isBlank()) {
        doc.add(new SortedSetDocValuesFacetField(Fields.SOURCE, article.source().strip()));
      }
    }
    if (article.section() != null) {
      doc.add(new StoredField(Fields.SECTION, article.section()));
      doc.add(new SortedSetDocValuesFacetField(Fields.SECTION, article.section()));
    }
    for (String person : entities.persons()) {
      doc.add(new SortedSetDocValuesFacetField(Fields.PERSON, person));
      doc.add(new StoredField(Fields.PERSON, person));
    }
    for (String country : entities.countries()) {
      doc.add(new SortedSetDocValuesFacetField(Fields.COUNTRY, country));
      doc.add(new StoredField(Fields.COUNTRY, country));
    }
    for (String organization : entities.organizations()) {
      doc.add(new SortedSetDocValuesFacetField(Fields.ORGANIZATION, organization));
      doc.add(new StoredField(Fields.ORGANIZATION, organization));
    }
    for (String name : entities.personEvidence()) {
      doc.add(new SortedSetDocValuesField(Fields.PERSON_EVIDENCE, new BytesRef(name)));
    }
    for (String value : entities.personSpellings()) {
      doc.add(new SortedSetDocValuesField(Fields.PERSON_SPELLING, new BytesRef(value)));
    }
    doc.add(new StoredField(Fields.MENTIONS, MentionCodec.encode(entities.mentions(), article.body())));
    return facetsConfig.build(doc);
  }

  /** The opening of a body up to {@link Fields#SPELLING_LEAD_CHARS}, never ending inside a word. */
  static String lead(String body) {
    if (body.length() <= Fields.SPELLING_LEAD_CHARS) {
      return body;
    }
    int cut = Fields.SPELLING_LEAD_CHARS;
    while (cut > 0 && Character.isLetter(body.charAt(cut)) && Character.isLetter(body.charAt(cut - 1))) {
      cut--;
    }
    return body.substring(0, cut);
  }

  /** Reads back what {@link #toDocument} stored. */
  public static IndexedArticle fromDocument(Document doc) {
    String dateText = doc.get(Fields.DATE_TEXT);
    Article article =
        new Article(
            doc.get(Fields.ID),
            doc.get(Fields.TITLE),
            doc.get(Fields.BODY),
            dateText == null ? null : OffsetDateTime.parse(dateText),
            doc.get(Fields.URL),
            doc.get(Fields.SOURCE),
            doc.get(Fields.SECTION));
    return new IndexedArticle(
        article,
        new ArticleEntities(mentions(doc), values(doc, Fields.PERSON), values(doc, Fields.COUNTRY),
            values(doc, Fields.ORGANIZATION)));
  }

  /** The stored values of a multi-valued field, in indexing order. */
  public static List<String> values(Document doc, String field) {
    List<String> values = new ArrayList<>();
    for (IndexableField f : doc.getFields(field)) {
      String v = f.stringValue();
      if (v != null) {
        values.add(v);
      }
    }
    return values;
  }

  private static List<Mention> mentions(Document doc) {
    IndexableField stored = doc.getField(Fields.MENTIONS);
    if (stored == null) {
      return List.of();
    }
    if (stored.binaryValue() != null) {
      return MentionCodec.decode(stored.binaryValue(), Objects.requireNonNullElse(doc.get(Fields.BODY), ""));
    }
    return MentionCodec.decodeJson(stored.stringValue(), doc.get(Fields.ID));
  }
}
