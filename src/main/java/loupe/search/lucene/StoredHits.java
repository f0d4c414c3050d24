package loupe.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.index.ArticleDocuments;
import loupe.index.Fields;
import loupe.search.FacetValue;
import loupe.search.Hit;
import loupe.search.SearchRequest;
import loupe.search.lucene.facets.FacetLists;
import loupe.search.lucene.highlight.HtmlSnippetFormatter;
import loupe.search.lucene.highlight.SnippetHighlighter;
import loupe.search.lucene.suggest.Suggester;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Builds result hits and facet lists from articles a remote engine returned (their stored fields
 * and scores), with the same highlighting, lead snippets and facet rules as the embedded index:
 * what another backend needs to answer exactly as the embedded index does.
 *
 * <p>Stateless and thread-safe.
 */
public final class StoredHits {

  private StoredHits() {}

  /**
   * The hits of one page, in the given order: the title and body of each article are analysed
   * again here (a page is at most {@value SearchRequest#MAX_SIZE} articles) so that Loupe's own
   * highlighter marks the surface forms of the query words.
   *
   * @param docs each article's stored fields, named as in {@link Fields}
   * @param highlightQuery the parsed query's highlight part, or null for no highlighting
   */
  public static List<Hit> hits(List<Document> docs, float[] scores, Query highlightQuery, boolean snippets)
      throws IOException {
    SnippetHighlighter.Highlights highlights = null;
    if (highlightQuery != null && snippets && !docs.isEmpty()) {
      highlights = highlight(docs, highlightQuery);
    }
    List<Hit> hits = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      Document doc = docs.get(i);
      String title = Objects.requireNonNullElse(doc.get(Fields.TITLE), "");
      String titleHighlighted = highlights == null ? null : highlights.title(i);
      List<String> bodySnippets = highlights == null ? List.of() : highlights.body(i);
      if (bodySnippets.isEmpty() && snippets) {
        bodySnippets = List.of(HitPage.leadSnippet(doc.get(Fields.BODY)));
      }
      hits.add(new Hit(doc.get(Fields.ID), title,
          titleHighlighted == null ? HtmlSnippetFormatter.escapeAll(title) : titleHighlighted,
          HitPage.displayDate(doc.get(Fields.DATE_TEXT)), doc.get(Fields.URL), doc.get(Fields.SOURCE),
          Float.isNaN(scores[i]) ? 0f : scores[i], bodySnippets,
          ArticleDocuments.values(doc, Fields.PERSON), ArticleDocuments.values(doc, Fields.COUNTRY),
          ArticleDocuments.values(doc, Fields.ORGANIZATION), doc.get(Fields.SECTION)));
    }
    return hits;
  }

  private static SnippetHighlighter.Highlights highlight(List<Document> docs, Query query) throws IOException {
    FrenchNewsAnalyzer analyzer = new FrenchNewsAnalyzer();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (Document stored : docs) {
          Document doc = new Document();
          doc.add(new Field(Fields.TITLE, Objects.requireNonNullElse(stored.get(Fields.TITLE), ""), Fields.TEXT_WITH_OFFSETS));
          doc.add(new Field(Fields.BODY, Objects.requireNonNullElse(stored.get(Fields.BODY), ""), Fields.TEXT_WITH_OFFSETS));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        int[] docIds = new int[docs.size()];
        for (int i = 0; i < docIds.length; i++) {
          docIds[i] = i; // one segment, added in page order
        }
        return new SnippetHighlighter(new IndexSearcher(reader), analyzer).highlight(query, docIds);
      }
    }
  }

  /** The facet lists of a response from counts the engine made: top values plus the ticked ones. */
  public static Map<String, List<FacetValue>> facetLists(Facets facets, SearchRequest request) throws IOException {
    return FacetLists.of(facets, request);
  }

  /** Folds a typed prefix as the suggestion vocabulary is folded (lower case, no accents). */
  public static String fold(String text) {
    return Suggester.fold(text);
  }
}
