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
import loupe.entities.CorpusNames;
import loupe.entities.NameEvidence;
import loupe.index.ArticleDocuments;
import loupe.index.ArticleWriter;
import loupe.index.Fields;
import loupe.index.IndexedArticle;
import loupe.ingest.Article;
import loupe.rank.Reranker;
import loupe.search.Correction;
import loupe.search.DateHistogram;
import loupe.search.Hit;
import loupe.search.SearchBackend;
import loupe.search.SearchRequest;
import loupe.search.SearchResponse;
import loupe.search.SortOrder;
import loupe.search.Suggestion;
import loupe.search.lucene.StoredHits;
import loupe.search.lucene.query.LastWordPrefix;
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

  /** Tries of one update request before the run fails (transport failures only). */
  static final int SEND_ATTEMPTS = 3;

  /** Pause before the second try, doubled before the third: time for a node to take connections again. */
  static final long SEND_RETRY_PAUSE_MS = 250;

  /** Documents per update request: large enough to amortise a round trip, small enough to retry. */
  static final int BATCH = 500;
  static final int SENDERS = 2;

  /** The stored fields an article is sent with, named as in {@link Fields}. */
  private static final Set<String> SENT_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.BODY, Fields.SPELL,
      Fields.DATE_TEXT, Fields.URL, Fields.SOURCE, Fields.PERSON, Fields.COUNTRY, Fields.COUNTRY_CODE,
      Fields.MENTIONS, Fields.ORGANIZATION, Fields.PERSON_EVIDENCE, Fields.PERSON_SPELLING, Fields.SECTION);
  private static final String HIT_FIELDS = "id,title,date_text,url,source,section,person,country,organization,score";
  // As LuceneBackend: a word scores by its best field, title and body weighing alike.
  private static final Map<String, Float> FIELD_BOOSTS = Map.of(Fields.TITLE, 1f, Fields.BODY, 1f);
  private static final char VALUE_SEPARATOR = '\u001F';

  private final CloudSolrClient client;
  private final String collection;
  /** Whether the collection's configset stacks « a|b » at query time: compounds then score as in the embedded index. */
  private final boolean stackedTerms;
  private final ArticleDocuments documents = new ArticleDocuments(Fields.facetsConfig());
  private final UserQueryParser parser = new UserQueryParser(new FrenchNewsAnalyzer(), FIELD_BOOSTS, Fields.BODY);
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
    Thread t = new Thread(r, "solr-sender");
    t.setDaemon(true);
    return t;
  });
  private final List<SolrInputDocument> buffer = new ArrayList<>();
  private final List<Future<?>> sent = new ArrayList<>();
  private final SolrCompletions completions = new SolrCompletions(this, parser);
  private final SolrSpelling spelling = new SolrSpelling(this, completions);

  SolrBackend(CloudSolrClient client, String collection, boolean stackedTerms) {
    this.client = client;
    this.collection = collection;
    this.stackedTerms = stackedTerms;
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
      String configset = SolrConnections.requireCollection(client, target).getConfigName();
      return new SolrBackend(client, target.collection(),
          CollectionSetup.version(configset) >= CollectionSetup.STACKED_TERMS_SINCE);
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
      Object value = bytes == null ? field.stringValue()
          : field.name().equals(Fields.PERSON_EVIDENCE) || field.name().equals(Fields.PERSON_SPELLING)
              ? bytes.utf8ToString() // doc values of names
          : ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
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
      for (int attempt = 1; ; attempt++) {
        try {
          UpdateRequest update = new UpdateRequest();
          update.add(batch);
          update.process(client, collection);
          return null;
        } catch (SolrServerException | IOException e) {
          // An upsert by id is idempotent: a connection the node closed under the request (« EOF reached while
          // reading ») or a node restarting is tried again before the run fails. A refused document (a
          // SolrException: HTTP 4xx) is not retried.
          if (attempt >= SEND_ATTEMPTS) {
            throw e;
          }
          Thread.sleep(SEND_RETRY_PAUSE_MS * attempt);
        }
      }
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
    completions.namesChanged();
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

  /** Deletes every article and commits: tests and benchmarks start from an empty collection. */
  public void clear() throws IOException {
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
    Optional<LastWordPrefix.Split> typing = request.prefixLast() ? LastWordPrefix.split(request.query()) : Optional.empty();
    UserQueryParser.Parsed parsed = read(request.query(), typing);
    // As the embedded index: the second stage reorders a relevance page, never a cursor walk.
    boolean rerank = Reranker.applies(request, parsed.matchAll()) && !request.cursor();
    QueryResponse page = run(parsed.strict(), request, parsed.matchAll(), rerank);

    Correction correction = null;
    // As the embedded index: keywords are always checked, a question or pasted text only when it finds nothing.
    boolean check = parsed.keywords() || page.getResults().getNumFound() == 0;
    if (!parsed.matchAll() && request.autocorrect() && check) {
      Optional<String> corrected = correct(request.query(), typing);
      if (corrected.isPresent()) {
        boolean applied = false;
        if (page.getResults().getNumFound() == 0) {
          UserQueryParser.Parsed fixed = read(corrected.get(), typing.flatMap(t -> LastWordPrefix.split(corrected.get())));
          QueryResponse fixedPage = run(fixed.strict(), request, fixed.matchAll(), rerank);
          if (fixedPage.getResults().getNumFound() > 0) {
            page = fixedPage;
            parsed = fixed;
            applied = true;
          }
        }
        correction = new Correction(request.query(), corrected.get(), applied);
      }
    }

    Query matched = parsed.strict();
    boolean relaxed = false;
    if (page.getResults().getNumFound() == 0 && parsed.canRelax()) {
      QueryResponse relaxedPage = run(parsed.relaxed(), request, false, rerank);
      if (relaxedPage.getResults().getNumFound() > 0) {
        page = relaxedPage;
        matched = parsed.relaxed();
        relaxed = true;
      }
    }
    SolrDocumentList results = page.getResults();
    if (rerank) {
      // Issue 20: the embedded index's second stage, on the facts the cluster gives (loupe.rank).
      results = SolrWindowFacts.rerank(results, matched, request,
          client.getClusterStateProvider().getCollection(collection).getActiveSlices(), p -> query(p).getResults());
    }
    List<Hit> hits = hits(results, request.snippets() ? parsed.highlight() : null, request.snippets());
    DateHistogram histogram = dateHistogram(page, matched, request);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    String next = !request.cursor() ? null : SolrCursor.next(request, parsed.matchAll(),
        SolrCursor.position(request, parsed.matchAll()), hits.size(), page.getResults().getNumFound(), page.getNextCursorMark());
    return new SearchResponse(request.query(), page.getResults().getNumFound(), tookMs, request.from(),
        request.size(), relaxed, correction, hits, StoredHits.facetLists(facets(page, request).asFacets(), request),
        histogram, next);
  }

  /**
   * The query as parsed; with {@code prefix_last}, the word being typed also matches its most frequent
   * completions in the cluster's vocabulary (Solr's terms component over every shard).
   */
  private UserQueryParser.Parsed read(String query, Optional<LastWordPrefix.Split> typing) throws IOException {
    UserQueryParser.Parsed whole = parser.parse(query);
    if (typing.isEmpty()) {
      return whole;
    }
    String typed = StoredHits.fold(typing.get().last());
    List<LastWordPrefix.Completion> expansions = new ArrayList<>();
    for (Map.Entry<String, Long> term : vocabulary(typed, LastWordPrefix.MAX_EXPANSIONS + 1).entrySet()) {
      if (!term.getKey().equals(typed) && expansions.size() < LastWordPrefix.MAX_EXPANSIONS) {
        expansions.add(new LastWordPrefix.Completion(term.getKey(), Math.toIntExact(term.getValue())));
      }
    }
    return LastWordPrefix.read(parser, whole, typing.get(), expansions);
  }

  /**
   * A corrected query, or empty ({@link SolrSpelling}). The word being typed is left as it is, and a
   * correction that would match every article (only stop words left) is no correction.
   */
  private Optional<String> correct(String query, Optional<LastWordPrefix.Split> typing) throws IOException {
    Optional<String> corrected = typing.isPresent()
        ? spelling.correct(typing.get().head()).map(fixed -> fixed + typing.get().last())
        : spelling.correct(query);
    return corrected.filter(c -> !parser.parse(c).matchAll());
  }

  /** User looks at the timeline of the hits: every filter applied, counted by day, month or year. */
  @SuppressWarnings("unchecked")
  private DateHistogram dateHistogram(QueryResponse page, Query matched, SearchRequest request) throws IOException {
    Optional<SolrDateHistogram.Span> span = SolrDateHistogram.span((NamedList<Object>) page.getResponse().get("facets"));
    if (span.isEmpty()) {
      return null;
    }
    ModifiableSolrParams params = matching(matched, request);
    params.set("rows", 0);
    params.set("json.facet", SolrDateHistogram.rangeFacet(span.get(), request));
    return SolrDateHistogram.read((NamedList<Object>) query(params).getResponse().get("facets"), span.get(), request);
  }

  /** User runs a query with ticked values; each facet's counts ignore its own selection (tag and exclude). */
  private QueryResponse run(Query textQuery, SearchRequest request, boolean matchAll, boolean rerank) throws IOException {
    ModifiableSolrParams params = matching(textQuery, request);
    // A walk (search_after) pages with Solr's cursorMark, which the sort below allows: it ends with the id.
    SolrCursor.Position position = request.cursor() ? SolrCursor.position(request, matchAll) : null;
    if (position != null) {
      params.set(CursorMarkParams.CURSOR_MARK_PARAM, position.cursorMark());
    } else {
      params.set("start", request.from());
    }
    params.set("rows", request.size());
    params.set("fl", request.snippets() ? HIT_FIELDS + ",body" : HIT_FIELDS);
    if (rerank) {
      SolrWindowFacts.widen(params, textQuery, request);
    }
    boolean oldest = request.sort() == SortOrder.OLDEST;
    boolean byDate = request.sort() == SortOrder.DATE || oldest || matchAll;
    // Undated articles last (sortMissingLast), then as the embedded index: score, then id for a stable page.
    params.set("sort", !byDate ? "score desc,id asc" : oldest ? "date asc,score desc,id asc" : "date desc,score desc,id asc");
    params.set("json.facet", facetJson(request));
    try {
      return query(params);
    } catch (IOException e) {
      if (position != null && SolrCursor.refused(e)) {
        throw SolrCursor.notACursor(request);
      }
      throw e;
    }
  }

  /** A writer of Loupe's queries for this collection's configset. */
  SolrQueryWriter queryWriter(Map<String, String> params) {
    return new SolrQueryWriter(params, stackedTerms);
  }

  /** The text query with the date range and the ticked values: exactly the articles the request matches. */
  ModifiableSolrParams matching(Query textQuery, SearchRequest request) {
    Map<String, String> extra = new LinkedHashMap<>();
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", queryWriter(extra).write(textQuery));
    extra.forEach(params::set);
    dateFilter(request.dateFrom(), request.dateTo()).ifPresent(fq -> params.add("fq", fq));
    request.filters().forEach((dim, values) -> addFacetFilter(params, dim, values, request.allOf().contains(dim)));
    return params;
  }

  /**
   * User ticks values of a facet: « au moins un » (OR) is one filter tagged with the dimension, which
   * that dimension's counts exclude; « tous » (AND) is one untagged filter a value, so the dimension
   * is counted over the hits, as the embedded index does.
   */
  private static void addFacetFilter(ModifiableSolrParams params, String dim, List<String> values, boolean allOf) {
    if (values.isEmpty()) {
      return;
    }
    String name = "loupe." + dim;
    if (allOf) {
      for (int i = 0; i < values.size(); i++) {
        params.set(name + "." + i, values.get(i));
        params.add("fq", "{!term f=" + dim + " v=$" + name + "." + i + "}");
      }
      return;
    }
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
    StringBuilder json = new StringBuilder("{").append(SolrDateHistogram.STATS);
    Map<String, String> prefixes = Map.of(Fields.COUNTRY, request.countryPrefix(), Fields.PERSON, request.personPrefix(),
        Fields.ORGANIZATION, request.organizationPrefix());
    for (String dim : request.filters().keySet()) {
      List<String> selected = request.filters().get(dim);
      String prefix = prefixes.getOrDefault(dim, "");
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

  static String quote(String s) {
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
    for (String dim : request.filters().keySet()) {
      buckets.put(dim, buckets(facets, dim));
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

  /** The buckets of a terms facet of a JSON Facet API response, as Solr lists them. */
  @SuppressWarnings("unchecked")
  static List<LabelAndValue> buckets(Object facets, String name) {
    List<LabelAndValue> values = new ArrayList<>();
    Object facet = facets instanceof NamedList<?> all ? all.get(name) : null;
    if (facet instanceof NamedList<?> list && list.get("buckets") instanceof List<?> bucketList) {
      for (Object b : bucketList) {
        NamedList<Object> bucket = (NamedList<Object>) b;
        values.add(new LabelAndValue(String.valueOf(bucket.get("val")), ((Number) bucket.get("count")).longValue()));
      }
    }
    return values;
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
    forEachOf(new ModifiableSolrParams().set("q", "*:*"), consumer);
  }

  /** Streams the articles the request's words and filters match, in id order, with a cursor (no relaxing). */
  @Override
  public void forEachMatching(SearchRequest request, Consumer<IndexedArticle> consumer) throws IOException {
    forEachOf(matching(parser.parse(request.query()).strict(), request), consumer);
  }

  private void forEachOf(ModifiableSolrParams matching, Consumer<IndexedArticle> consumer) throws IOException {
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      ModifiableSolrParams params = new ModifiableSolrParams(matching)
          .set("rows", 500).set("sort", "id asc").set("fl", "*")
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

  @Override
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    return suggest(prefix, size, SearchRequest.builder().build());
  }

  /** Names and words completing what the reader types, each counted under the ticked filters (see {@link SolrCompletions}). */
  @Override
  public List<Suggestion> suggest(String prefix, int size, SearchRequest context) throws IOException {
    return completions.suggest(prefix, size, context);
  }

  /** The words of the spell field starting with {@code prefix}, most frequent first, with their document counts. */
  @SuppressWarnings("unchecked")
  Map<String, Long> vocabulary(String prefix, int limit) throws IOException {
    ModifiableSolrParams params = new ModifiableSolrParams()
        .set("terms.fl", Fields.SPELL).set("terms.prefix", prefix).set("terms.limit", limit).set("terms.sort", "count");
    QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
    request.setPath("/terms");
    NamedList<Object> response = call(() -> client.request(request, collection));
    Map<String, Long> words = new LinkedHashMap<>();
    Object terms = response.get("terms");
    if (terms instanceof NamedList<?> byField && byField.get(Fields.SPELL) instanceof NamedList<?> list) {
      for (Map.Entry<String, ?> e : (NamedList<Object>) list) {
        words.put(e.getKey(), ((Number) e.getValue()).longValue());
      }
    }
    return words;
  }

  /**
   * What the committed articles give about their people, counted over the cluster (a facet of each
   * evidence field every article carries). Articles sent but not committed are not counted: SolrCloud
   * shows nothing before a commit, so a run learns from the runs before it and, for files, from the
   * pipeline's first pass over them, but does not re-read its own articles before the commit.
   */
  @Override
  public NameEvidence nameEvidence() throws IOException {
    ModifiableSolrParams params = new ModifiableSolrParams().set("q", "*:*").set("rows", 0)
        .set("json.facet", "{evidence:{type:terms,field:" + Fields.PERSON_EVIDENCE + ",limit:-1,refine:true},"
            + "spellings:{type:terms,field:" + Fields.PERSON_SPELLING + ",limit:-1,refine:true}}");
    Object facets = query(params).getResponse().get("facets");
    NameEvidence evidence = new NameEvidence();
    for (LabelAndValue lv : buckets(facets, "evidence")) {
      evidence.addFullName(lv.label, lv.value.intValue());
    }
    for (LabelAndValue lv : buckets(facets, "spellings")) {
      evidence.addPersonValue(lv.label, lv.value.intValue());
    }
    return evidence;
  }

  @Override
  public boolean keepsEvidence() {
    return true;
  }

  @Override
  public CorpusNames committedCorpusNames() throws IOException {
    return nameEvidence().learn();
  }

  @Override
  public CorpusNames corpusNames() throws IOException {
    return committedCorpusNames();
  }

  QueryResponse query(ModifiableSolrParams params) throws IOException {
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
