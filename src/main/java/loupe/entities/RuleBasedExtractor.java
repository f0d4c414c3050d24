package loupe.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lexicon-and-rules extractor: countries from names, demonyms, capitals and seats of power; organisations
 * from their names and acronyms; persons from capitalised runs with given-name and title cues. Immutable once built, so one instance serves all threads.
 */
final class RuleBasedExtractor implements EntityExtractor {
  /** A title mention weighs as much as this many body mentions when ranking facet values. */
  private static final int TITLE_WEIGHT = 3;

  private final WordTable vocabulary;
  private final LexiconMatcher matcher;
  private final CountryMentions countries;
  private final CountryResolver resolver;
  private final PersonNames persons;

  RuleBasedExtractor(Lexicon lexicon) {
    this.vocabulary = new WordTable(lexicon.vocabulary());
    this.matcher = new LexiconMatcher(lexicon);
    this.countries = new CountryMentions(lexicon);
    this.resolver = new CountryResolver(lexicon);
    this.persons = new PersonNames(lexicon);
  }

  @Override
  public ArticleEntities extract(String title, String body) {
    return extract(title, body, CorpusNames.EMPTY);
  }

  @Override
  public ArticleEntities extract(String title, String body, CorpusNames names) {
    java.util.Objects.requireNonNull(names, "names");
    title = Objects.requireNonNullElse(title, "");
    body = Objects.requireNonNullElse(body, "");
    // Title and body are read as one text so that « Trump » in the title joins « Donald Trump » in the body.
    int bodyStart = title.isBlank() ? 0 : title.length() + 2;
    String text = bodyStart == 0 ? body : title + "\n\n" + body;
    List<Token> tokens = Tokenizer.tokenize(text, vocabulary);
    LexiconMatcher.Match[] matches = matcher.match(tokens);
    boolean[] claimed = new boolean[tokens.size()];
    List<CountryMentions.Found> found = countries.find(tokens, matches, claimed);
    List<PersonNames.Person> people = persons.find(text, tokens, claimed, names);

    List<Mention> mentions = new ArrayList<>();
    Map<String, Salience> countryRank = new LinkedHashMap<>();
    Map<String, Salience> organizationRank = new LinkedHashMap<>();
    for (CountryMentions.Found f : found) {
      int start = tokens.get(f.from()).start();
      int end = tokens.get(f.to() - 1).end();
      if (f.organization() != null) {
        organizationRank.computeIfAbsent(f.organization(), k -> new Salience(k, start))
            .count(start >= bodyStart ? 1 : TITLE_WEIGHT);
        if (start >= bodyStart) {
          mentions.add(new Mention(EntityType.ORGANIZATION, text.substring(start, end), start - bodyStart,
              end - bodyStart, f.organization(), null));
        }
        if (f.code() == null) {
          continue;
        }
      }
      String name = resolver.canonicalName(f.code());
      countryRank.computeIfAbsent(name, k -> new Salience(k, start)).count(start >= bodyStart ? 1 : TITLE_WEIGHT);
      if (start >= bodyStart) {
        mentions.add(new Mention(EntityType.COUNTRY, text.substring(start, end), start - bodyStart, end - bodyStart,
            name, f.code()));
      }
    }
    Map<String, Salience> personRank = new LinkedHashMap<>();
    List<String> evidence = new ArrayList<>();
    List<String> spellings = new ArrayList<>();
    for (PersonNames.Person p : people) {
      if (p.strong && p.facet && p.written.indexOf(' ') > 0 && !evidence.contains(p.written)) {
        evidence.add(p.written);
      }
      if (p.facet && !spellings.contains(p.canonical)) {
        spellings.add(p.canonical);
      }
      // The spelling the index gives this value, so that no two values of the index differ only by accents,
      // case or hyphens; the article's own spelling stays the evidence it gives.
      String value = names.value(p.canonical);
      for (int[] span : p.spans) {
        int start = tokens.get(span[0]).start();
        int end = tokens.get(span[1] - 1).end();
        if (p.facet) {
          personRank.computeIfAbsent(value, k -> new Salience(k, start))
              .count(start >= bodyStart ? 1 : TITLE_WEIGHT);
        }
        if (start >= bodyStart) {
          mentions.add(new Mention(EntityType.PERSON, text.substring(start, end), start - bodyStart,
              end - bodyStart, value, null));
        }
      }
    }
    mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
    return new ArticleEntities(mentions, ranked(personRank), ranked(countryRank), ranked(organizationRank),
        evidence, spellings);
  }

  private static List<String> ranked(Map<String, Salience> rank) {
    List<Salience> all = new ArrayList<>(rank.values());
    all.sort(Comparator.comparingInt((Salience s) -> -s.weight).thenComparingInt(s -> s.first));
    List<String> out = new ArrayList<>(all.size());
    for (Salience s : all) {
      out.add(s.value);
    }
    return out;
  }

  /** How prominent a facet value is in one article: weighted mention count, then first position. */
  private static final class Salience {
    final String value;
    final int first;
    int weight;

    Salience(String value, int first) {
      this.value = value;
      this.first = first;
    }

    void count(int w) {
      weight += w;
    }
  }
}
