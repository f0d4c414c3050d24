package loupe.solr;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import loupe.analysis.FrenchNewsAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Tokens of one text as Loupe's analyzer gives them (in this JVM, Lucene 10) and as the cluster's
 * body field gives them (Solr's field analysis request, Lucene 9): text, position and offsets.
 */
final class AnalysisParity {

  record Token(String text, int position, int start, int end) {}

  private AnalysisParity() {}

  static List<Token> loupe(String text) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (Analyzer analyzer = new FrenchNewsAnalyzer(); TokenStream ts = analyzer.tokenStream("body", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = 0;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        tokens.add(new Token(term.toString(), position, offsets.startOffset(), offsets.endOffset()));
      }
      ts.end();
    }
    return tokens;
  }

  static List<Token> solr(SolrClient client, String collection, String text) throws IOException, SolrServerException {
    // POST: an article does not fit in a URL (FieldAnalysisRequest sends a GET).
    ModifiableSolrParams params = new ModifiableSolrParams()
        .set("analysis.fieldname", "body").set("analysis.fieldvalue", text);
    QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
    request.setPath("/analysis/field");
    FieldAnalysisResponse response = new FieldAnalysisResponse();
    response.setResponse(client.request(request, collection));
    AnalysisResponseBase.AnalysisPhase last = null;
    for (AnalysisResponseBase.AnalysisPhase phase : response.getFieldNameAnalysis("body").getIndexPhases()) {
      last = phase;
    }
    List<Token> tokens = new ArrayList<>();
    if (last != null) {
      for (AnalysisResponseBase.TokenInfo t : last.getTokens()) {
        tokens.add(new Token(t.getText(), t.getPosition(), t.getStart(), t.getEnd()));
      }
    }
    return tokens;
  }
}
