package loupe.search.lucene;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import loupe.index.ArticleDocuments;
import loupe.index.Fields;
import loupe.ingest.ArticleDates;
import loupe.search.Hit;
import loupe.search.SearchRequest;
import loupe.search.lucene.highlight.HtmlSnippetFormatter;
import loupe.search.lucene.highlight.SnippetHighlighter;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Turns the requested page of top documents into the hits a reader sees: stored fields and snippets. */
final class HitPage {

  private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.DATE_TEXT, Fields.URL,
      Fields.SOURCE, Fields.SECTION, Fields.PERSON, Fields.COUNTRY, Fields.ORGANIZATION);
  private static final Set<String> HIT_AND_BODY_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.DATE_TEXT, Fields.URL,
      Fields.SOURCE, Fields.SECTION, Fields.PERSON, Fields.COUNTRY, Fields.ORGANIZATION, Fields.BODY);

  private HitPage() {}

  /** The hits of {@code request}'s page; snippets mark {@code highlightQuery}'s words, or none when it is null. */
  static List<Hit> read(SearcherViews.View view, IndexSearcher searcher, TopDocs topDocs,
      SearchRequest request, Query highlightQuery) throws IOException {
    ScoreDoc[] scoreDocs = topDocs.scoreDocs;
    int from = Math.min(request.from(), scoreDocs.length);
    int to = Math.min(scoreDocs.length, request.from() + request.size());
    if (to <= from) {
      return List.of();
    }
    int[] docIds = new int[to - from];
    for (int i = from; i < to; i++) {
      docIds[i - from] = scoreDocs[i].doc;
    }
    StoredFields stored = searcher.storedFields();
    // Each article is read (decompressed) once: what a result shows, plus the body when it is
    // highlighted; the highlighter takes its title and body from these documents.
    Set<String> fields = highlightQuery == null ? HIT_FIELDS : HIT_AND_BODY_FIELDS;
    Document[] docs = new Document[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      docs[i] = stored.document(docIds[i], fields);
    }
    SnippetHighlighter.Highlights highlights =
        highlightQuery == null ? null : view.highlighter().highlight(highlightQuery, docIds, docs);
    List<Hit> hits = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      // Only what a result shows: the stored mentions are left unread.
      Document doc = docs[i];
      String title = Objects.requireNonNullElse(doc.get(Fields.TITLE), "");
      String titleHighlighted = highlights == null ? null : highlights.title(i);
      List<String> snippets = highlights == null ? List.of() : highlights.body(i);
      if (snippets.isEmpty() && request.snippets()) {
        String body = fields.contains(Fields.BODY) ? doc.get(Fields.BODY)
            : stored.document(docIds[i], Set.of(Fields.BODY)).get(Fields.BODY);
        snippets = List.of(leadSnippet(body));
      }
      float score = Float.isNaN(scoreDocs[from + i].score) ? 0f : scoreDocs[from + i].score;
      String date = doc.get(Fields.DATE_TEXT);
      hits.add(new Hit(doc.get(Fields.ID), title,
          titleHighlighted == null ? HtmlSnippetFormatter.escapeAll(title) : titleHighlighted,
          displayDate(date),
          doc.get(Fields.URL), doc.get(Fields.SOURCE), score, snippets,
          ArticleDocuments.values(doc, Fields.PERSON), ArticleDocuments.values(doc, Fields.COUNTRY),
          ArticleDocuments.values(doc, Fields.ORGANIZATION), doc.get(Fields.SECTION)));
    }
    return hits;
  }

  /** The stored date as a result shows it ({@link ArticleDates#format}); null stays null. */
  static String displayDate(String stored) {
    if (stored == null) {
      return null;
    }
    // Most articles are dated by the day, stored as « 2024-06-19T00:00Z »: cutting it is cheaper
    // than parsing it with the ISO formatter.
    if (stored.length() == 17 && stored.endsWith("T00:00Z")) {
      return stored.substring(0, 10);
    }
    return ArticleDates.format(OffsetDateTime.parse(stored));
  }

  /** The opening of the body, cut at a word boundary, for hits with nothing to highlight. */
  static String leadSnippet(String body) {
    body = Objects.requireNonNullElse(body, "");
    int limit = SnippetHighlighter.SNIPPET_CHARS;
    if (body.length() <= limit) {
      return HtmlSnippetFormatter.escapeAll(body.strip());
    }
    int cut = body.lastIndexOf(' ', limit);
    return HtmlSnippetFormatter.escapeAll(body.substring(0, cut > 0 ? cut : limit).strip()) + " " + HtmlSnippetFormatter.ELLIPSIS;
  }
}
