package loupe.entities;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Builds the entity extractors Loupe ships: the standard lexicons, optionally extended by a user file.
 *
 * <p>A user lexicon is a UTF-8 TSV file; empty lines and lines starting with {@code #} are ignored, and every
 * other line is {@code KIND<TAB>FORM<TAB>VALUE[<TAB>COUNTRY-KIND]}:
 * <pre>
 * person      Jean-Baptiste Djebbari  Djebbari|JBD     a person, with optional |-separated aliases
 * alias       Manu                    Emmanuel Macron  another name of a person
 * given       Kylian                                   a given name that starts person names
 * not-person  Grand Corps Malade                       a capitalised phrase that is never a person
 * country     Listenbourg             XL               a country name (the first one becomes the canonical)
 * country     listenbourgeois         XL      demonym  kinds: name, demonym, capital, seat, place, locative
 * </pre>
 * The built-in lexicons, with the same columns as their headers describe, live in {@code /loupe/entities/} on
 * the classpath.
 */
public final class Extractors {
  private Extractors() {}

  /** Loads the lexicons once, on first use; the holder idiom makes that thread-safe without locks. */
  private static final class Standard {
    static final EntityExtractor INSTANCE = new RuleBasedExtractor(Lexicon.standard());
  }

  /**
   * The extractor with the built-in lexicons, which it reads at its first extraction rather than now:
   * a server or a search that never indexes starts without them (a noticeable share of start-up).
   */
  public static EntityExtractor standardOnFirstUse() {
    return new EntityExtractor() {
      @Override
      public ArticleEntities extract(String title, String body) {
        return standard().extract(title, body);
      }

      @Override
      public ArticleEntities extract(String title, String body, CorpusNames names) {
        return standard().extract(title, body, names);
      }
    };
  }

  /** The extractor with the built-in lexicons; one shared, thread-safe instance. */
  public static EntityExtractor standard() {
    return Standard.INSTANCE;
  }

  /**
   * An extractor with the built-in lexicons plus the entries of {@code file} (format in the class comment).
   *
   * @throws java.io.UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when a line has an unknown kind or misses its form
   */
  public static EntityExtractor withUserLexicon(Path file) {
    Objects.requireNonNull(file, "file");
    Lexicon lexicon = Lexicon.standard();
    lexicon.addUserFile(file);
    return new RuleBasedExtractor(lexicon);
  }
}
