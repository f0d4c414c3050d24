package loupe.entities;

import java.util.List;
import java.util.Optional;

/**
 * Turns a country name, demonym, capital or seat of power into an ISO 3166 alpha-2 code and gives the
 * canonical French name of a code. Plain strings in, plain strings out: usable by facets and queries alike.
 */
final class CountryResolver {
  private final Lexicon lexicon;

  CountryResolver(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Resolves a whole string (« la Birmanie », « nord-coréennes », « Kremlin ») to its ISO code. */
  Optional<String> resolve(String text) {
    String key = Lexicon.phraseKey(text);
    Lexicon.Entry e = lexicon.phrases.get(key);
    if (e == null && key.indexOf(' ') > 0) {
      // Drop a leading article or preposition (« la Corée du Nord », « aux États-Unis »).
      e = lexicon.phrases.get(key.substring(key.indexOf(' ') + 1));
    }
    if (e == null) {
      List<Token> toks = Tokenizer.tokenize(text);
      if (!toks.isEmpty() && toks.get(0).join() == Token.Join.SPACE && toks.get(0).text().endsWith("'")) {
        e = lexicon.phrases.get(Lexicon.phraseKey(text.substring(toks.get(0).end())));
      }
    }
    if (e == null || e.code() == null || e.kind() == Lexicon.Kind.PREFIX) {
      return Optional.empty();
    }
    return Optional.of(e.code());
  }

  /** The usual French short name of a code (« KP » → « Corée du Nord »), or the code when unknown. */
  String canonicalName(String code) {
    return lexicon.countryNames.getOrDefault(code, code);
  }
}
