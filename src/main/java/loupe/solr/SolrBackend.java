package loupe.solr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import loupe.analysis.FrenchNewsAnalyzer;
import loupe.entities.ArticleEntities;
import loupe.index.ArticleDocuments;
import loupe.index.ArticleWriter;
import loupe.index.Fields;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import loupe.rank.Reranker;
import loupe.search.Hit;
import loupe.search.InvalidRequestException;
import loupe.search.SearchBackend;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.SortOrder;
import loupe.search.Suggestion;
import loupe.search.lucene.StoredHits;
import loupe.search.lucene.query.UserQueryParser;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * The SolrCloud implementation of {@link SearchBackend} and {@link ArticleWriter}: the articles live in a sharded,
 * replicated collection; Loupe keeps the analysis of queries, the entity extraction, the
 * highlighting and the facet rules, and Solr matches, scores, filters, sorts and counts.
 *
 * <p>Writes are sent in batches of {@value #BATCH} documents by {@value #SENDERS} threads and made
 * visible by {@link #commit()}. Several Loupe processes may write to and search one collection.
 * One instance per collection, shared by all requests and indexing threads.
 */
public final class SolrBackend implements SearchBackend, ArticleWriter {

  /** Documents per update request: large enough to amortise a round trip, small enough to retry. */
  static final int BATCH = 500;
  static final int SENDERS = 2;

  /** The stored fields an article is sent with, named as in {@link Fields}. */
  private static final Set<String> SENT_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.BODY, Fields.SPELL,
      Fields.DATE_TEXT, Fields.URL, Fields.SOURCE, Fields.PERSON, Fields.COUNTRY, Fields.COUNTRY_CODE,
      Fields.MENTIONS, "organization");
  private static final String HIT_FIELDS = "id,title,date_text,url,source,person,country,score";
  private static final String[] DIMENSIONS = {Fields.COUNTRY, Fields.PERSON, Fields.SOURCE};
  // As LuceneBackend: a word scores by its best field, title and body weighing alike.
  private static final Map<String, Float> FIELD_BOOSTS = Map.of(Fields.TITLE, 1f, Fields.BODY, 1f);
  private static final char VALUE_SEPARATOR = '\u001F';

  private final CloudSolrClient client;
  private final String collection;
  private final ArticleDocuments documents = new ArticleDocuments(Fields.facetsConfig());
  private final UserQueryParser parser = new UserQueryParser(new FrenchNewsAnalyzer(), FIELD_BOOSTS, Fields.BODY);
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
    Thread t = new Thread(r, "solr-sender");
    t.setDaemon(true);
    return t;
  });
  private final List<SolrInputDocument> buffer = new ArrayList<>();
  private final List<Future<?>> sent = new ArrayList<>();

  SolrBackend(CloudSolrClient client, String collection) {
    this.client = client;
    this.collection = collection;
  }

  /**
   * Connects to the collection through ZooKeeper, with the credentials of the environment (see
   * {@link SolrCredentials}); fails with a clear message when the cluster or the collection is not there.
   */
  public static SolrBackend open(SolrTarget target) throws IOException {
    return open(target, SolrCredentials.fromEnvironment());
  }

  static SolrBackend open(SolrTarget target, Optional<SolrCredentials> credentials) throws IOException {
    CloudSolrClient client = SolrConnections.connect(target, credentials);
    try {
      SolrConnections.requireCollection(client, target);
      return new SolrBackend(client, target.collection());
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public boolean isEmpty() throws IOException {
    return count() == 0;
  }

  @Override
  public void upsert(Article article, ArticleEntities entities) throws IOException {
    SolrInputDocument doc = toSolr(documents.toDocument(article, entities), article);
    List<SolrInputDocument> batch = null;
    synchronized (buffer) {
      buffer.add(doc);
      if (buffer.size() >= BATCH) {
        batch = new ArrayList<>(buffer);
        buffer.clear();
      }
    }
    if (batch != null) {
      send(batch);
    }
  }

  /** The document as Solr receives it: the stored fields Loupe's own index would keep, and the date as a date. */
  private static SolrInputDocument toSolr(Document doc, Article article) {
    SolrInputDocument solr = new SolrInputDocument();
    for (IndexableField field : doc.getFields()) {
      if (!SENT_FIELDS.contains(field.name())) {
        continue;
      }
      // Text first: a keyword field (the id) also exposes its term as bytes.
      BytesRef bytes = field.stringValue() == null ? field.binaryValue() : null;
      Object value = bytes != null ? ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length) : field.stringValue();
      if (value != null) {
        solr.addField(field.name(), value);
      }
    }
    if (article.date() != null) {
      solr.setField(Fields.DATE, Date.from(article.date().toInstant()));
    }
    return solr;
  }

  private void send(List<SolrInputDocument> batch) {
    Future<?> future = senders.submit(() -> {
      UpdateRequest update = new UpdateRequest();
      update.add(batch);
      update.process(client, collection);
      return null;
    });
    synchronized (sent) {
      sent.add(future);
    }
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed = contains(id);
    call(() -> client.deleteById(collection, id));
    return existed;
  }

  @Override
  public void commit() throws IOException {
    List<SolrInputDocument> rest;
    synchronized (buffer) {
      rest = new ArrayList<>(buffer);
      buffer.clear();
    }
    if (!rest.isEmpty()) {
      send(rest);
    }
    awaitSent();
    call(() -> client.commit(collection, true, true));
  }

  /** Waits for every batch sent; the first failure fails the commit, as nothing is acknowledged before it. */
  private void awaitSent() throws IOException {
    List<Future<?>> pending;
    synchronized (sent) {
      pending = new ArrayList<>(sent);
      sent.clear();
    }
    IOException failure = null;
    for (Future<?> future : pending) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = SolrFailures.io("sending articles to collection " + collection, e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while sending articles", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Drops the documents not yet sent. SolrCloud has no rollback: batches already sent stay in the
   * update log and become visible at the next commit (a difference from the embedded index).
   */
  @Override
  public void rollback() throws IOException {
    synchronized (buffer) {
      buffer.clear();
    }
    try {
      awaitSent();
    } catch (IOException ignored) {
      // the failure that led to the rollback
    }
  }

  /** Deletes every article and commits: tests start each case from a known collection. */
  void clear() throws IOException {
    call(() -> client.deleteByQuery(collection, "*:*"));
    call(() -> client.commit(collection, true, true));
  }

  @Override
  public boolean contains(String id) throws IOException {
    // Realtime get: sees what was sent but not yet committed, as the embedded index's batch does.
    return call(() -> client.getById(collection, id, new ModifiableSolrParams().set("fl", Fields.ID))) != null;
  }

  @Override
  public long count() throws IOException {
    ModifiableSolrParams params = new ModifiableSolrParams().set("q", "*:*").set("rows", 0);
    return query(params).getResults().getNumFound();
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    long started = System.nanoTime();
    // Added to the embedded index after this backend was written: refused rather than ignored,
    // since ignoring a filter would show wrong results.
    if (!request.allOf().isEmpty()) {
      String dim = request.allOf().iterator().next();
      throw new InvalidRequestException(dim + "_op", "'and' is not available on SolrCloud yet");
    }
    UserQueryParser.Parsed parsed = parser.parse(request.query());
    boolean rerank = Reranker.applies(request, parsed.matchAll());
    QueryResponse page = run(parsed.strict(), request, parsed.matchAll(), rerank);
    boolean relaxed = false;
    if (page.getResults().getNumFound() == 0 && parsed.canRelax()) {
      QueryResponse relaxedPage = run(parsed.relaxed(), request, false, rerank);
      if (relaxedPage.getResults().getNumFound() > 0) {
        page = relaxedPage;
        relaxed = true;
      }
    }
    SolrDocumentList results = page.getResults();
    if (rerank) {
      // Issue 20: the embedded index's second stage, on the facts the cluster gives (loupe.rank).
      results = SolrWindowFacts.rerank(results, relaxed ? parsed.relaxed() : parsed.strict(), request,
          client.getClusterStateProvider().getCollection(collection).getActiveSlices(), p -> query(p).getResults());
    }
    List<Hit> hits = hits(results, request.snippets() ? parsed.highlight() : null, request.snippets());
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new SearchResponse(request.query(), page.getResults().getNumFound(), tookMs, request.from(),
        request.size(), relaxed, null, hits, StoredHits.facetLists(facets(page, request).asFacets(), request));
  }

  /** User runs a query with ticked values; each facet's counts ignore its own selection (tag and exclude). */
  private QueryResponse run(Query textQuery, SearchRequest request, boolean matchAll, boolean rerank)
      throws IOException {
    Map<String, String> extra = new LinkedHashMap<>();
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", new SolrQueryWriter(extra).write(textQuery));
    extra.forEach(params::set);
    dateFilter(request.dateFrom(), request.dateTo()).ifPresent(fq -> params.add("fq", fq));
    addFacetFilter(params, Fields.COUNTRY, request.countries());
    addFacetFilter(params, Fields.PERSON, request.persons());
    addFacetFilter(params, Fields.SOURCE, request.sources());
    params.set("start", request.from());
    params.set("rows", request.size());
    params.set("fl", request.snippets() ? HIT_FIELDS + ",body" : HIT_FIELDS);
    if (rerank) {
      SolrWindowFacts.widen(params, textQuery, request);
    }
    boolean byDate = request.sort() == SortOrder.DATE || matchAll;
    // Undated articles last (sortMissingLast), then as the embedded index: score, then id for a stable page.
    params.set("sort", byDate ? "date desc,score desc,id asc" : "score desc,id asc");
    params.set("json.facet", facetJson(request));
    return query(params);
  }

  private void addFacetFilter(ModifiableSolrParams params, String dim, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    String name = "loupe." + dim;
    params.set(name, String.join(String.valueOf(VALUE_SEPARATOR), values));
    // The separator by reference: a control character would end a local parameter's value.
    params.set("loupe.separator", String.valueOf(VALUE_SEPARATOR));
    params.add("fq", "{!terms tag=" + dim + " f=" + dim + " separator=$loupe.separator v=$" + name + "}");
  }

  static Optional<String> dateFilter(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return Optional.empty();
    }
    String lower = from == null ? "*" : from.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    String upper = to == null ? "*" : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1).toString();
    return Optional.of(Fields.DATE + ":[" + lower + " TO " + upper + "]");
  }

  /** Per dimension its top values (all of them when a prefix filters the list), and each ticked value's count. */
  private static String facetJson(SearchRequest request) {
    StringBuilder json = new StringBuilder("{");
    for (String dim : DIMENSIONS) {
      List<String> selected = request.filters().get(dim);
      String prefix = dim.equals(Fields.COUNTRY) ? request.countryPrefix()
          : dim.equals(Fields.PERSON) ? request.personPrefix() : "";
      int limit = request.facetSize() == 0 ? 0 : prefix.isEmpty() ? request.facetSize() : -1;
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(quote(dim)).append(":{type:terms,field:").append(dim).append(",limit:").append(limit)
          .append(",mincount:1,refine:true,sort:{count:desc},domain:{excludeTags:").append(dim).append("}}");
      for (int i = 0; i < selected.size(); i++) {
        json.append(',').append(quote(dim + "__" + i)).append(":{type:query,q:")
            .append(quote("{!term f=" + dim + "}" + selected.get(i))).append(",domain:{excludeTags:")
            .append(dim).append("}}");
      }
    }
    return json.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  private static SolrFacets facets(QueryResponse response, SearchRequest request) {
    Map<String, List<LabelAndValue>> buckets = new LinkedHashMap<>();
    Map<String, Map<String, Long>> specific = new LinkedHashMap<>();
    NamedList<Object> facets = (NamedList<Object>) response.getResponse().get("facets");
    for (String dim : DIMENSIONS) {
      List<LabelAndValue> values = new ArrayList<>();
      Object dimFacets = facets == null ? null : facets.get(dim);
      if (dimFacets instanceof NamedList<?> list && list.get("buckets") instanceof List<?> bucketList) {
        for (Object b : bucketList) {
          NamedList<Object> bucket = (NamedList<Object>) b;
          values.add(new LabelAndValue(String.valueOf(bucket.get("val")), ((Number) bucket.get("count")).longValue()));
        }
      }
      buckets.put(dim, values);
      List<String> selected = request.filters().get(dim);
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int i = 0; i < selected.size(); i++) {
        Object q = facets == null ? null : facets.get(dim + "__" + i);
        long count = q instanceof NamedList<?> nl && nl.get("count") instanceof Number n ? n.longValue() : 0;
        counts.put(selected.get(i), count);
      }
      specific.put(dim, counts);
    }
    return new SolrFacets(buckets, specific);
  }

  private static List<Hit> hits(SolrDocumentList results, Query highlightQuery, boolean snippets) throws IOException {
    List<Document> docs = new ArrayList<>(results.size());
    float[] scores = new float[results.size()];
    for (int i = 0; i < results.size(); i++) {
      SolrDocument solr = results.get(i);
      docs.add(toLucene(solr));
      Object score = solr.getFieldValue("score");
      scores[i] = score instanceof Number n ? n.floatValue() : 0f;
    }
    return StoredHits.hits(docs, scores, highlightQuery, snippets);
  }

  /** Solr's stored fields as the Lucene document {@link ArticleDocuments#fromDocument} reads. */
  static Document toLucene(SolrDocument solr) {
    Document doc = new Document();
    for (String name : solr.getFieldNames()) {
      if (name.equals("score") || name.equals("_version_")) {
        continue;
      }
      Collection<Object> values = solr.getFieldValues(name);
      for (Object value : values) {
        if (value instanceof byte[] bytes) {
          doc.add(new StoredField(name, new BytesRef(bytes)));
        } else if (value instanceof ByteBuffer buffer) {
          byte[] bytes = new byte[buffer.remaining()];
          buffer.duplicate().get(bytes);
          doc.add(new StoredField(name, new BytesRef(bytes)));
        } else if (value != null) {
          doc.add(new StoredField(name, value.toString()));
        }
      }
    }
    return doc;
  }

  @Override
  public Optional<List<Hit>> related(String id, int size) throws IOException {
    if (!contains(id)) {
      return Optional.empty();
    }
    ModifiableSolrParams params = new ModifiableSolrParams();
    // Solr's MoreLikeThis on the text; the embedded index also weighs shared entities (a difference).
    params.set("q", "{!mlt qf=title,body mintf=1 mindf=1 maxqt=25 v=$loupe.id}");
    params.set("loupe.id", id);
    params.set("fq", "-id:" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(id));
    params.set("rows", size);
    params.set("fl", HIT_FIELDS + ",body");
    return Optional.of(hits(query(params).getResults(), null, true));
  }

  @Override
  public Optional<IndexedArticle> find(String id) throws IOException {
    SolrDocument doc = call(() -> client.getById(collection, id));
    return doc == null ? Optional.empty() : Optional.of(ArticleDocuments.fromDocument(toLucene(doc)));
  }

  /** Streams every article, in id order (the embedded index streams in index order), with a cursor. */
  @Override
  public void forEach(Consumer<IndexedArticle> consumer) throws IOException {
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      ModifiableSolrParams params = new ModifiableSolrParams()
          .set("q", "*:*").set("rows", 500).set("sort", "id asc").set("fl", "*")
          .set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse response = query(params);
      for (SolrDocument doc : response.getResults()) {
        consumer.accept(ArticleDocuments.fromDocument(toLucene(doc)));
      }
      String next = response.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return;
      }
      cursor = next;
    }
  }

  /** Completions of the word being typed from the cluster's vocabulary (the spell field, all shards). */
  @Override
  @SuppressWarnings("unchecked")
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    String text = prefix.strip();
    int wordStart = text.lastIndexOf(' ') + 1;
    String head = text.substring(0, wordStart);
    String last = StoredHits.fold(text.substring(wordStart));
    if (last.isEmpty()) {
      return List.of();
    }
    ModifiableSolrParams params = new ModifiableSolrParams()
        .set("terms.fl", Fields.SPELL).set("terms.prefix", last).set("terms.limit", size).set("terms.sort", "count");
    QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
    request.setPath("/terms");
    NamedList<Object> response = call(() -> client.request(request, collection));
    List<Suggestion> out = new ArrayList<>();
    Object terms = response.get("terms");
    if (terms instanceof NamedList<?> byField && byField.get(Fields.SPELL) instanceof NamedList<?> words) {
      for (Map.Entry<String, ?> e : (NamedList<Object>) words) {
        out.add(new Suggestion(head + e.getKey(), "term", ((Number) e.getValue()).longValue()));
      }
    }
    return out;
  }

  private QueryResponse query(ModifiableSolrParams params) throws IOException {
    return call(() -> new QueryRequest(params, SolrRequest.METHOD.POST).process(client, collection));
  }

  private interface SolrCall<T> {
    T run() throws SolrServerException, IOException;
  }

  private <T> T call(SolrCall<T> call) throws IOException {
    try {
      return call.run();
    } catch (SolrServerException | RuntimeException e) {
      throw SolrFailures.io("collection " + collection, e);
    }
  }

  @Override
  public void close() throws IOException {
    senders.shutdown();
    client.close();
  }
}
