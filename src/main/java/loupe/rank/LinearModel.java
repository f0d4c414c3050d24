package loupe.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Weights of {@link RankFeatures}, in the JSON of Solr's LTR {@code LinearModel} (class, name,
 * features, params.weights), so the model Loupe learns can be uploaded to a Solr model store as is
 * once the SolrCloud backend defines the same features.
 */
public record LinearModel(String name, float[] weights) {

  /** The class name Solr's LTR module gives its linear model. */
  static final String SOLR_CLASS = "org.apache.solr.ltr.model.LinearModel";

  private static final ObjectMapper JSON = new ObjectMapper();

  public LinearModel {
    if (weights.length != RankFeatures.NAMES.size()) {
      throw new IllegalArgumentException("a weight per feature: " + RankFeatures.NAMES);
    }
    weights = weights.clone();
  }

  /** The score of one row of features. */
  public float score(float[] features) {
    float sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * features[i];
    }
    return sum;
  }

  /** Which features weigh at all: the others need not be computed. */
  boolean[] used() {
    boolean[] used = new boolean[weights.length];
    for (int i = 0; i < weights.length; i++) {
      used[i] = weights[i] != 0;
    }
    return used;
  }

  /** Reads a model in Solr's format; a feature it does not name weighs 0. */
  public static LinearModel parse(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (!SOLR_CLASS.equals(root.path("class").asText())) {
      throw new IOException("not a Solr LTR LinearModel: class is '" + root.path("class").asText() + "'");
    }
    JsonNode weights = root.path("params").path("weights");
    float[] w = new float[RankFeatures.NAMES.size()];
    for (Map.Entry<String, JsonNode> e : weights.properties()) {
      int i = RankFeatures.NAMES.indexOf(e.getKey());
      if (i < 0) {
        throw new IOException("the model weighs an unknown feature '" + e.getKey() + "', expected " + RankFeatures.NAMES);
      }
      w[i] = (float) e.getValue().asDouble();
    }
    return new LinearModel(root.path("name").asText("loupe"), w);
  }

  /** The model on the classpath at {@code resource}. */
  static LinearModel load(String resource) {
    try (InputStream in = LinearModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("ranking model " + resource + " missing from the classpath");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the ranking model " + resource, e);
    }
  }

  /** The model in Solr's format. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("class", SOLR_CLASS);
    root.put("name", name);
    var features = root.putArray("features");
    ObjectNode params = root.putObject("params");
    ObjectNode byName = params.putObject("weights");
    List<String> names = RankFeatures.NAMES;
    for (int i = 0; i < names.size(); i++) {
      features.addObject().put("name", names.get(i));
      byName.put(names.get(i), weights[i]);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
