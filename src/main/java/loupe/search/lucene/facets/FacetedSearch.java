package loupe.search.lucene.facets;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.index.Fields;
import loupe.rank.Reranker;
import loupe.search.DateHistogram;
import loupe.search.SearchRequest;
import loupe.search.SortOrder;
import loupe.search.lucene.SearcherViews;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Runs a text query with the request's ticked values, date range and sort, and counts the facets
 * multi-select style: each dimension's counts ignore its own selection, as the reader expects.
 */
public final class FacetedSearch {

  /**
   * The top hits (up to the end of the requested page), the facet counts (null on an index without
   * facets) and the date histogram of the hits (null when none is dated).
   */
  public record Result(TopDocs topDocs, Facets facets, DateHistogram histogram) {
    public long total() {
      return topDocs.totalHits.value();
    }
  }

  private final FacetsConfig facetsConfig;

  public FacetedSearch(FacetsConfig facetsConfig) {
    this.facetsConfig = facetsConfig;
  }

  /**
   * The query with the date range and the ticked values, plus one more value to tick when
   * {@code extraDim} is not null. Values of a dimension asked with « tous » (every one of them) are
   * plain filters, so that dimension is counted over the hits, which already hold all its ticked
   * values; the others are OR-ed drill-down dimensions, counted sideways.
   */
  public DrillDownQuery filtered(Query textQuery, SearchRequest request, String extraDim, String extraValue) {
    BooleanQuery.Builder base = new BooleanQuery.Builder().add(
        withDateRange(textQuery, request.dateFrom(), request.dateTo()), Occur.MUST);
    List<String[]> drillDowns = new ArrayList<>();
    request.filters().forEach((dim, values) -> {
      for (String value : values) {
        if (request.allOf().contains(dim)) {
          String field = facetsConfig.getDimConfig(dim).indexFieldName;
          base.add(new TermQuery(DrillDownQuery.term(field, dim, value)), Occur.FILTER);
        } else {
          drillDowns.add(new String[] {dim, value});
        }
      }
    });
    if (extraDim != null) {
      drillDowns.add(new String[] {extraDim, extraValue});
    }
    DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, base.build());
    drillDowns.forEach(d -> drillDown.add(d[0], d[1]));
    return drillDown;
  }

  /** User runs a query with ticked values; each OR-ed facet's counts ignore its own selection. */
  public Result run(SearcherViews.View view, Query textQuery, SearchRequest request, boolean matchAll)
      throws IOException {
    DrillDownQuery drillDown = filtered(textQuery, request, null, null);

    int topN = Math.max(1, request.from() + request.size());
    boolean oldest = request.sort() == SortOrder.OLDEST;
    boolean byDate = request.sort() == SortOrder.DATE || oldest || matchAll;
    if (Reranker.applies(request, matchAll) && !request.cursor()) {
      topN = Math.max(topN, Reranker.WINDOW); // the second stage reorders the best WINDOW
    }
    // Counting every hit costs little on a news corpus and keeps totals exact (no "10,000+").
    CollectorManager<?, ? extends TopDocs> collector;
    if (request.cursor()) {
      // One hit past the page: whether it exists says whether the walk goes on.
      collector = new TopFieldCollectorManager(CursorSort.sort(request, matchAll), request.size() + 1,
          CursorSort.after(request, matchAll), Integer.MAX_VALUE);
    } else {
      collector = byDate
          ? new TopFieldCollectorManager(oldest ? oldestFirst() : newestFirst(), topN, Integer.MAX_VALUE)
          : new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE);
    }
    if (view.facetState() == null) {
      // No entity facet yet (no article names a person or a country): the dates are still counted.
      Object[] both = view.searcher().search(drillDown, new MultiCollectorManager(collector, new FacetsCollectorManager()));
      return new Result((TopDocs) both[0], null,
          DateHistograms.of((FacetsCollector) both[1], request.dateFrom(), request.dateTo()));
    }
    DimensionDrillSideways sideways = new DimensionDrillSideways(view.searcher(), facetsConfig, view.facetState(), view.facetLabels());
    DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result = sideways.search(drillDown, collector);
    // The timeline counts the hits as they are, every filter applied: a span picked on it zooms in.
    DateHistogram histogram = sideways.drillDownHits == null ? null
        : DateHistograms.of(sideways.drillDownHits, request.dateFrom(), request.dateTo());
    return new Result(result.collectorResult, result.facets, histogram);
  }

  /**
   * Counts each dimension once, over the hits that ignore its own selection (the drill-sideways
   * hits when it has ticked values, the drill-down hits otherwise), with {@link DimensionCounts}.
   */
  private static final class DimensionDrillSideways extends DrillSideways {
    /** The hits with every filter applied, kept for the date histogram. */
    FacetsCollector drillDownHits;

    private final FacetLabels labels;

    DimensionDrillSideways(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state,
        FacetLabels labels) {
      super(searcher, config, state);
      this.labels = labels;
    }

    @Override
    protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
        String[] drillSidewaysDims) throws IOException {
      drillDownHits = drillDowns;
      Map<String, Facets> byDimension = new HashMap<>();
      List<String> sideways = drillSidewaysDims == null ? List.of() : Arrays.asList(drillSidewaysDims);
      for (int i = 0; i < sideways.size(); i++) {
        byDimension.put(sideways.get(i), new DimensionCounts(state, labels, drillSideways[i], sideways.get(i)));
      }
      // The dimensions without a ticked value share the drill-down hits: one pass counts them all.
      String[] rest = Arrays.stream(SearcherViews.dims()).filter(d -> !sideways.contains(d)).toArray(String[]::new);
      if (rest.length > 0) {
        Facets counts = new DimensionCounts(state, labels, drillDowns, rest);
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

  private static Sort oldestFirst() {
    // Undated articles sort last here too.
    SortField date = LongField.newSortField(Fields.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE);
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
