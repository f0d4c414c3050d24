package loupe.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the rules know about names, read from the TSV resources (and optionally a user file).
 * Built once, then only read, so one instance is shared by every thread.
 */
final class Lexicon {
  static final String RESOURCES = "/loupe/entities/";

  /** What a lexicon phrase stands for. */
  enum Kind { NAME, DEMONYM, PREFIX, CAPITAL, SEAT, PLACE, LOCATIVE, LOCATIVE_NAME, NOT_COUNTRY, NOT_PERSON, ORGANIZATION }

  /**
   * One phrase of the country or stop lexicons.
   *
   * @param code ISO code, or null for blockers
   * @param capitalised the text must start with a capital, as the lexicon form does
   * @param acronym the text must be all capitals, as the lexicon form is
   * @param organization the canonical organisation name, for {@link Kind#ORGANIZATION}; null otherwise
   * @param capitals bit {@code k} set when word {@code k} of the form is capitalised (organisations only), so
   *     that « Le Monde » does not match « le monde entier »
   */
  record Entry(String code, Kind kind, boolean capitalised, boolean acronym, String organization, long capitals) {
    Entry(String code, Kind kind, boolean capitalised, boolean acronym) {
      this(code, kind, capitalised, acronym, null, 0L);
    }
  }

  /**
   * What the lexicons say about one folded word. Each token carries its own, so that the rules, which ask about
   * every word several times, look it up only once.
   */
  static final class Word {
    /** The word of a text that no lexicon lists. */
    static final Word NONE = new Word();

    /** The phrases that start with this word, or null. */
    PhraseNode phrases;
    boolean given;
    boolean familyFirst;
    boolean courtesy;
    boolean notPerson;
    /** The number of tokens of the role written as this one word, or null. */
    Integer role;
  }

  /** The words read so far of one or more phrases: the phrase they complete, and the words that may follow. */
  static final class PhraseNode {
    Entry entry;
    /** Null when no longer phrase starts with these words. */
    Map<String, PhraseNode> next;
  }

  final Map<String, Entry> phrases = new HashMap<>();
  /** The same phrases as a tree of words (« corée » → « du » → « nord »), so matching looks up each token once. */
  final Map<String, PhraseNode> phraseTree = new HashMap<>();
  int maxPhraseLength = 1;
  final Map<String, String> countryNames = new LinkedHashMap<>();
  final Set<String> givenNames = new HashSet<>();
  /** Folded given name → its spelling with an accented capital when the list has one (« eric » → « Éric »). */
  final Map<String, String> givenSpellings = new HashMap<>();
  final Set<String> familyFirstNames = new HashSet<>();
  final Set<String> courtesyTitles = new HashSet<>();
  final Map<String, Integer> roles = new HashMap<>();
  int maxRoleLength = 1;
  /** Every proper word-suffix of a role (« d' etat » for « chef d' etat »): lets the role search stop early. */
  final Set<String> roleSuffixes = new HashSet<>();
  final Set<String> notPersonWords = new HashSet<>();
  /** Canonical names of the listed organisations. */
  final Set<String> organizationNames = new HashSet<>();
  /** Folded full name or alias → canonical name of a well-known person. */
  final Map<String, String> persons = new HashMap<>();

  static Lexicon standard() {
    Lexicon lex = new Lexicon();
    lex.readResource("countries.tsv", lex::addCountryRow);
    lex.readResource("first-names.tsv", lex::addGivenNameRow);
    lex.readResource("titles.tsv", lex::addTitleRow);
    lex.readResource("non-persons.tsv", lex::addNotPersonRow);
    lex.readResource("persons.tsv", lex::addPersonRow);
    // Last, so that an organisation replaces the blocker or seat its name already has in the files above.
    lex.readResource("organizations.tsv", lex::addOrganizationRow);
    return lex;
  }

  /**
   * Adds a user lexicon: TSV lines {@code KIND<TAB>FORM<TAB>VALUE}, see {@link Extractors#withUserLexicon}.
   */
  void addUserFile(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (skip(line)) {
          continue;
        }
        String[] c = line.split("\t", -1);
        String kind = c[0].trim().toLowerCase();
        String form = c.length > 1 ? c[1].trim() : "";
        String value = c.length > 2 ? c[2].trim() : "";
        if (form.isEmpty()) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": missing form");
        }
        switch (kind) {
          case "person" -> addPersonRow(value.isEmpty() ? form : form + "\t" + value);
          case "alias" -> addAlias(form, value);
          case "given" -> addGivenNameRow(form);
          case "not-person" -> addNotPersonRow(form + "\tuser");
          case "organization" -> addOrganizationRow(form + "\t" + value + "\t" + (c.length > 3 ? c[3].trim() : ""));
          case "country" -> {
            String code = value.toUpperCase();
            String k = c.length > 3 && !c[3].isBlank() ? c[3].trim() : "name";
            if (!countryNames.containsKey(code) && k.equals("name")) {
              countryNames.put(code, form);
            }
            addCountryRow(code + "\t" + k + "\t" + form);
          }
          default -> throw new IllegalArgumentException(
              file + ":" + lineNo + ": unknown kind '" + kind + "' (person, alias, given, not-person, country, organization)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading user lexicon " + file, e);
    }
  }

  private void addCountryRow(String line) {
    String[] c = line.split("\t");
    String code = c[0].trim();
    if (c[1].trim().equals("canonical")) {
      countryNames.put(code, c[2].trim());
      return;
    }
    Kind kind = switch (c[1].trim()) {
      case "name" -> Kind.NAME;
      case "demonym" -> Kind.DEMONYM;
      case "prefix" -> Kind.PREFIX;
      case "capital" -> Kind.CAPITAL;
      case "seat" -> Kind.SEAT;
      case "place" -> Kind.PLACE;
      case "locative" -> Kind.LOCATIVE;
      case "locative-name" -> Kind.LOCATIVE_NAME;
      case "none" -> Kind.NOT_COUNTRY;
      default -> throw new IllegalArgumentException("unknown country kind: " + line);
    };
    String[] forms = c[2].split("\\|");
    if (kind == Kind.NAME && !countryNames.containsKey(code)) {
      countryNames.put(code, forms[0].trim());
    }
    for (String f : forms) {
      f = f.trim();
      if (f.isEmpty()) {
        continue;
      }
      putPhrase(f, code.equals("-") ? null : code, kind);
      if (kind == Kind.DEMONYM) {
        char last = f.charAt(f.length() - 1);
        if (last != 's' && last != 'x' && last != 'z') {
          putPhrase(f + "s", code, kind);
        }
      }
    }
  }

  private void putPhrase(String form, String code, Kind kind) {
    String key = phraseKey(form);
    Entry old = phrases.get(key);
    // A country reading wins over a stop entry for the same words; the first country row wins otherwise.
    if (old != null && (old.code() != null || code == null)) {
      return;
    }
    boolean acronym = form.length() > 1 && form.equals(form.toUpperCase()) && !form.equals(form.toLowerCase());
    Entry entry = new Entry(code, kind, Character.isUpperCase(form.charAt(0)), acronym);
    phrases.put(key, entry);
    maxPhraseLength = Math.max(maxPhraseLength, key.split(" ").length);
    Map<String, PhraseNode> level = phraseTree;
    PhraseNode node = null;
    for (String word : key.split(" ", -1)) {
      if (node != null) {
        if (node.next == null) {
          node.next = new HashMap<>();
        }
        level = node.next;
      }
      node = level.computeIfAbsent(word, w -> new PhraseNode());
    }
    node.entry = entry;
  }

  /**
   * An organisation row: {@code CANONICAL<TAB>ALIAS|ALIAS<TAB>COUNTRY}. Each form replaces any earlier phrase with
   * the same words (a blocker, or a seat whose country it then keeps unless the row names one).
   */
  private void addOrganizationRow(String line) {
    String[] c = line.split("\t", -1);
    String canonical = c[0].trim();
    if (canonical.isEmpty()) {
      throw new IllegalArgumentException("organisation without a name: " + line);
    }
    String code = c.length > 2 && !c[2].isBlank() ? c[2].trim().toUpperCase() : null;
    List<String> forms = new ArrayList<>();
    forms.add(canonical);
    if (c.length > 1) {
      for (String a : c[1].split("\\|")) {
        if (!a.isBlank()) {
          forms.add(a.trim());
        }
      }
    }
    organizationNames.add(canonical);
    for (String form : forms) {
      String key = phraseKey(form);
      if (key.isEmpty() || countryNameKeys().contains(key)) {
        // « Canal+ » would be « canal », « France 2 » without its digit « france »: a form must keep its words.
        throw new IllegalArgumentException("organisation form '" + form + "' reads as '" + key + "'");
      }
      Entry old = phrases.get(key);
      String inherited = code != null ? code : old != null ? old.code() : null;
      boolean acronym = form.length() > 1 && form.equals(form.toUpperCase()) && !form.equals(form.toLowerCase());
      long capitals = 0;
      int k = 0;
      for (Token t : Tokenizer.tokenize(form)) {
        if (t.word()) {
          if (t.capitalized() && k < 64) {
            capitals |= 1L << k;
          }
          k++;
        }
      }
      if (old != null && old.kind() == Kind.ORGANIZATION && canonical.equals(old.organization())) {
        // « Assemblée nationale » and « Assemblée Nationale »: one name, either case of its later words.
        capitals &= old.capitals();
      }
      phrases.remove(key);
      putPhrase(form, inherited, Kind.ORGANIZATION);
      Entry e = new Entry(inherited, Kind.ORGANIZATION, Character.isUpperCase(form.charAt(0)), acronym, canonical,
          capitals);
      phrases.put(key, e);
      phraseNode(key).entry = e;
    }
  }

  private Set<String> countryNameKeys() {
    if (countryNameKeys == null) {
      countryNameKeys = new HashSet<>();
      phrases.forEach((key, e) -> {
        if (e.kind() == Kind.NAME) {
          countryNameKeys.add(key);
        }
      });
    }
    return countryNameKeys;
  }

  private Set<String> countryNameKeys;

  private PhraseNode phraseNode(String key) {
    Map<String, PhraseNode> level = phraseTree;
    PhraseNode node = null;
    for (String word : key.split(" ", -1)) {
      if (node != null) {
        level = node.next;
      }
      node = level.get(word);
    }
    return node;
  }

  /** The key of a phrase: its word pieces, folded and joined by one space; the words are those of the tokens. */
  static String phraseKey(String form) {
    StringBuilder b = new StringBuilder();
    for (Token t : Tokenizer.tokenize(form)) {
      if (t.word()) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(t.key());
      }
    }
    return b.toString();
  }

  private void addGivenNameRow(String line) {
    String[] c = line.split("\t");
    String key = Fold.fold(c[0]);
    givenNames.add(key);
    String spelling = c[0].trim();
    String old = givenSpellings.get(key);
    if (old == null || old.charAt(0) < 0x80 && spelling.charAt(0) >= 0x80) {
      givenSpellings.put(key, spelling);
    }
    if (c.length > 1 && c[1].trim().equals("family")) {
      familyFirstNames.add(key);
    }
  }

  private void addTitleRow(String line) {
    String[] c = line.split("\t");
    String key = phraseKey(c[0]);
    if (c.length > 1 && c[1].trim().equals("courtesy")) {
      courtesyTitles.add(key);
    } else {
      int len = Tokenizer.tokenize(c[0]).size();
      roles.put(key, len);
      maxRoleLength = Math.max(maxRoleLength, len);
      for (int space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
        roleSuffixes.add(key.substring(space + 1));
      }
    }
  }

  private void addNotPersonRow(String line) {
    String phrase = line.split("\t")[0].trim();
    List<Token> toks = Tokenizer.tokenize(phrase);
    if (toks.size() == 1) {
      notPersonWords.add(toks.get(0).key());
    } else {
      putPhrase(phrase, null, Kind.NOT_PERSON);
    }
  }

  private void addPersonRow(String line) {
    String[] c = line.split("\t");
    String canonical = c[0].trim();
    persons.putIfAbsent(phraseKey(canonical), canonical);
    if (c.length > 1) {
      for (String a : c[1].split("\\|")) {
        if (!a.isBlank()) {
          addAlias(a.trim(), canonical);
        }
      }
    }
  }

  private void addAlias(String alias, String canonical) {
    if (canonical.isEmpty()) {
      throw new IllegalArgumentException("alias '" + alias + "' needs a canonical name");
    }
    persons.putIfAbsent(phraseKey(alias), canonical);
  }

  private void readResource(String name, Consumer<String> row) {
    // The lexicons ship inside the jar; a missing one is a packaging bug, not bad input.
    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!skip(line)) {
          row.accept(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }

  /** The word lists of person-cues.tsv, read once: list name → words. */
  private static final class PersonCues {
    static final Map<String, Set<String>> LISTS = read();

    private static Map<String, Set<String>> read() {
      Map<String, Set<String>> lists = new HashMap<>();
      new Lexicon().readResource("person-cues.tsv", line -> {
        String[] c = line.split("\t");
        lists.computeIfAbsent(c[0].trim(), k -> new HashSet<>()).add(c[1].trim());
      });
      return lists;
    }
  }

  /**
   * A word list of person-cues.tsv. A HashSet: these sets are probed for nearly every capitalised word, and a
   * HashSet finds its bucket with a mask where {@code Set.of} divides. Never modified.
   *
   * @throws IllegalStateException when the list is missing: a packaging bug, not bad input
   */
  static Set<String> wordList(String name) {
    Set<String> words = PersonCues.LISTS.get(name);
    if (words == null) {
      throw new IllegalStateException("missing word list " + name + " in " + RESOURCES + "person-cues.tsv");
    }
    return words;
  }

  private static boolean skip(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  /** Every listed single word with what the lexicons say about it; read the lexicon in full before calling this. */
  Map<String, Word> vocabulary() {
    Map<String, Word> words = new HashMap<>();
    phraseTree.forEach((key, node) -> words.computeIfAbsent(key, k -> new Word()).phrases = node);
    // Every later word of a phrase is listed too: a word no lexicon lists then continues no phrase.
    phraseTree.values().forEach(node -> listFollowingWords(node, words));
    givenNames.forEach(key -> words.computeIfAbsent(key, k -> new Word()).given = true);
    familyFirstNames.forEach(key -> words.computeIfAbsent(key, k -> new Word()).familyFirst = true);
    courtesyTitles.forEach(key -> words.computeIfAbsent(key, k -> new Word()).courtesy = true);
    notPersonWords.forEach(key -> words.computeIfAbsent(key, k -> new Word()).notPerson = true);
    roles.forEach((key, len) -> words.computeIfAbsent(key, k -> new Word()).role = len);
    return words;
  }

  private static void listFollowingWords(PhraseNode node, Map<String, Word> words) {
    if (node.next != null) {
      node.next.forEach((key, child) -> {
        words.computeIfAbsent(key, k -> new Word());
        listFollowingWords(child, words);
      });
    }
  }

  List<String> countryCodes() {
    return new ArrayList<>(countryNames.keySet());
  }
}
