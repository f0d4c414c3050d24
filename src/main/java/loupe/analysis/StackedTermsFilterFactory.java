package loupe.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** Names {@link StackedTermsFilter} in a Solr schema: the query analyzer of Loupe's configset uses it. */
public final class StackedTermsFilterFactory extends TokenFilterFactory {

  /** The SPI name Lucene asks of every factory; Loupe's schema names the class (no service is registered). */
  public static final String NAME = "loupeStackedTerms";

  public StackedTermsFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** For the service loader only. */
  public StackedTermsFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new StackedTermsFilter(input);
  }
}
