package loupe.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import loupe.index.IndexedArticle;

/**
 * What Loupe needs to read from a search engine, so a second backend (SolrCloud for corpora beyond
 * one machine) can replace Lucene without touching the server, the CLI or the UI. Writing has its
 * own contract, {@link loupe.index.ArticleWriter}.
 *
 * <p>Implementations are thread-safe.
 */
public interface SearchBackend extends Closeable {

  /** Runs a search. */
  SearchResponse search(SearchRequest request) throws IOException;

  /** Articles like this one (text and shared entities), best first; empty when the id is unknown. */
  Optional<List<Hit>> related(String id, int size) throws IOException;

  /** The article with this id, if indexed. */
  Optional<IndexedArticle> find(String id) throws IOException;

  /** Streams every article in index order, for export. */
  void forEach(Consumer<IndexedArticle> consumer) throws IOException;

  /**
   * Streams exactly the articles a search with these words and filters matches (no correction, no
   * relaxing), in index order, for a filtered export; the request's paging and order are not used.
   */
  default void forEachMatching(SearchRequest request, Consumer<IndexedArticle> consumer) throws IOException {
    throw new UnsupportedOperationException("this backend cannot export a filtered set of articles");
  }

  /** Number of articles searchable now. */
  long count() throws IOException;

  /** Completions for a prefix typed in the search box. */
  List<Suggestion> suggest(String prefix, int size) throws IOException;

  /** Completions counted under the filters of {@code context} (its query text is not used). */
  default List<Suggestion> suggest(String prefix, int size, SearchRequest context) throws IOException {
    return suggest(prefix, size);
  }

  /** Picks up changes another process committed; cheap when there are none. */
  default void refresh() throws IOException {}

}
