package loupe.search.lucene.facets;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.index.Fields;
import loupe.rank.Reranker;
import loupe.search.SearchRequest;
import loupe.search.SortOrder;
import loupe.search.lucene.SearcherViews;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Runs a text query with the request's ticked values, date range and sort, and counts the facets
 * multi-select style: each dimension's counts ignore its own selection, as the reader expects.
 */
public final class FacetedSearch {

  /** The top hits (up to the end of the requested page) and the facet counts; counts are null on an empty index. */
  public record Result(TopDocs topDocs, Facets facets) {
    public long total() {
      return topDocs.totalHits.value();
    }
  }

  private final FacetsConfig facetsConfig;

  public FacetedSearch(FacetsConfig facetsConfig) {
    this.facetsConfig = facetsConfig;
  }

  /** User runs a query with ticked values; each facet's counts ignore its own selection. */
  public Result run(SearcherViews.View view, Query textQuery, SearchRequest request, boolean matchAll)
      throws IOException {
    Query base = withDateRange(textQuery, request.dateFrom(), request.dateTo());
    DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, base);
    request.countries().forEach(value -> drillDown.add(Fields.COUNTRY, value));
    request.persons().forEach(value -> drillDown.add(Fields.PERSON, value));

    int topN = Math.max(1, request.from() + request.size());
    boolean byDate = request.sort() == SortOrder.DATE || matchAll;
    if (Reranker.applies(request, matchAll)) {
      topN = Math.max(topN, Reranker.WINDOW); // the second stage reorders the best WINDOW
    }
    // Counting every hit costs little on a news corpus and keeps totals exact (no "10,000+").
    CollectorManager<?, ? extends TopDocs> collector = byDate
        ? new TopFieldCollectorManager(newestFirst(), topN, Integer.MAX_VALUE)
        : new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE);
    if (view.facetState() == null) {
      return new Result(view.searcher().search(drillDown, collector), null);
    }
    DrillSideways sideways = new DimensionDrillSideways(view.searcher(), facetsConfig, view.facetState());
    DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result = sideways.search(drillDown, collector);
    return new Result(result.collectorResult, result.facets);
  }

  /**
   * Counts each dimension once, over the hits that ignore its own selection (the drill-sideways
   * hits when it has ticked values, the drill-down hits otherwise), with {@link DimensionCounts}.
   */
  private static final class DimensionDrillSideways extends DrillSideways {
    DimensionDrillSideways(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state) {
      super(searcher, config, state);
    }

    @Override
    protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
        String[] drillSidewaysDims) throws IOException {
      Map<String, Facets> byDimension = new HashMap<>();
      List<String> sideways = drillSidewaysDims == null ? List.of() : Arrays.asList(drillSidewaysDims);
      for (int i = 0; i < sideways.size(); i++) {
        byDimension.put(sideways.get(i), new DimensionCounts(state, drillSideways[i], sideways.get(i)));
      }
      // The dimensions without a ticked value share the drill-down hits: one pass counts them all.
      String[] rest = Arrays.stream(SearcherViews.dims()).filter(d -> !sideways.contains(d)).toArray(String[]::new);
      if (rest.length > 0) {
        Facets counts = new DimensionCounts(state, drillDowns, rest);
        for (String dim : rest) {
          byDimension.put(dim, counts);
        }
      }
      return new MultiFacets(byDimension);
    }
  }

  private static Sort newestFirst() {
    // Undated articles sort last.
    SortField date = LongField.newSortField(Fields.DATE, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE);
    return new Sort(date, SortField.FIELD_SCORE);
  }

  private static Query withDateRange(Query query, LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return query;
    }
    long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(LongField.newRangeQuery(Fields.DATE, lower, upper), Occur.FILTER)
        .build();
  }
}
