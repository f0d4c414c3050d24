package loupe.rank;

/**
 * What the second stage reads of a first-stage window, answered by whichever engine found it (the
 * embedded index, SolrCloud), so that one model ranks alike on both: the window's scores, dates
 * and entities, and the query words' frequencies in each article and in the whole collection.
 *
 * <p>Articles are numbered from 0 in the first stage's order; words and entities in the order of
 * the {@link WindowNeeds} the facts were gathered for. Statistics count every article of the
 * collection, deleted ones included until merged away, as Lucene's own statistics do.
 */
public interface WindowFacts {

  /** Articles in the window. */
  int size();

  /** The first stage's score of an article. */
  float score(int article);

  /** Articles in the collection (all shards). */
  long maxDoc();

  /** The sum of a field's lengths over the collection (Lucene's sumTotalTermFreq), all shards. */
  long sumLength(String field);

  /** Articles of the collection (all shards) whose field has the word. */
  long docFreq(String field, int word);

  /** How often the word occurs in the article's field. */
  int termFreq(String field, int word, int article);

  /**
   * The field's length in words as the index's norm keeps it (BM25's one-byte length: exact up to
   * 40 words, rounded beyond); read only when a BM25 feature weighs.
   */
  int length(String field, int article);

  /** The position of the word's first occurrence in the body, -1 when absent; read only for the lead feature. */
  int firstBodyPosition(int word, int article);

  /** The article's date in milliseconds since 1970 (UTC), or {@link Long#MIN_VALUE} when undated. */
  long dateMillis(int article);

  /** Whether the article is tagged with the query's entity (as numbered by {@link WindowNeeds#entities}). */
  boolean tagged(int article, int entity);

  /** How many persons and countries the article is tagged with. */
  int entityCount(int article);
}
