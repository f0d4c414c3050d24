package loupe.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.entities.PersonNames.Candidate;
import loupe.entities.PersonNames.Person;
import loupe.entities.PersonNames.Strength;

/**
 * Turns the names {@link PersonNames} found in one article into its persons: full names first, then titled,
 * bare and given-name forms joined to the person they repeat (« Poutine » to « Vladimir Poutine »), each person
 * with one canonical value. Finding and merging are apart so that each can be read, and tested, alone.
 * Immutable; one instance serves every thread.
 */
final class PersonMerger {
  private final Lexicon lexicon;

  PersonMerger(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Merges the candidates of one article into persons; bare surnames join a fuller form or a known name. */
  List<Person> merge(List<Candidate> candidates) {
    List<Person> persons = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.strength() == Strength.FULL) {
        Person p = findFull(persons, c);
        if (p == null) {
          p = newPerson(persons, c);
        }
        add(p, c);
      }
    }
    // Cued forms before bare ones, so that « Péchoin » early in a text still joins a later « M. Péchoin ».
    for (Strength pass : new Strength[] {Strength.CUED, Strength.BARE, Strength.GIVEN}) {
      for (Candidate c : candidates) {
        if (c.strength() == pass) {
          resolve(persons, c);
        }
      }
    }
    for (Person p : persons) {
      p.written = PersonSpelling.canonical(longest(p.forms), lexicon);
      p.canonical = p.lexiconName != null ? p.lexiconName : p.written;
      p.spans.sort((x, y) -> Integer.compare(x[0], y[0]));
    }
    return merged(persons);
  }

  private void resolve(List<Person> persons, Candidate c) {
    Person p = findByPart(persons, c);
    if (p == null && c.lexiconName() != null) {
      p = findCanonical(persons, c.lexiconName());
      if (p == null) {
        p = newPerson(persons, c);
      }
    }
    if (p == null && c.strength() == Strength.GIVEN) {
      p = findByGivenName(persons, c.key());
      if (p == null) {
        p = newPerson(persons, c);
        // « Catherine » alone is a person in the text but too vague to be a facet value.
        p.facet = false;
      }
    }
    if (p == null && c.strength() == Strength.CUED) {
      p = newPerson(persons, c);
    }
    if (p != null) {
      add(p, c);
    }
  }

  /**
   * Persons whose canonical names coincide (« Kim Jong-un » and « Kim Jong Un ») become one. The one keeps the
   * evidence of each: a bare « Pichai » that the corpus resolves to « Sundar Pichai » must not hide that the article
   * also gives « Sundar Pichai » in full, or what the index learns would depend on what it already knew.
   */
  private List<Person> merged(List<Person> persons) {
    Map<String, Person> byKey = new LinkedHashMap<>();
    for (Person p : persons) {
      String k = Fold.fold(p.canonical).replace(".", "");
      Person q = byKey.get(k);
      if (q == null) {
        byKey.put(k, p);
      } else {
        q.forms.addAll(p.forms);
        q.spans.addAll(p.spans);
        q.spans.sort((x, y) -> Integer.compare(x[0], y[0]));
        q.strong |= p.strong;
        q.facet |= p.facet;
        q.written = PersonSpelling.canonical(longest(q.forms), lexicon);
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private Person newPerson(List<Person> persons, Candidate c) {
    Person p = new Person();
    p.firstKey = c.keys().get(0);
    p.lastKey = c.last();
    p.fullKey = c.key();
    p.fullKeyParts = p.fullKey.split(" ").length;
    p.familyFirst = c.keys().size() >= 2 && lexicon.familyFirstNames.contains(p.firstKey);
    setLexiconName(p, c.lexiconName());
    persons.add(p);
    return p;
  }

  private static void add(Person p, Candidate c) {
    if (c.strength() != Strength.GIVEN) {
      p.facet = true;
    }
    // Strong evidence, as the issue defines it: a given name, or a title or role before a name of two words or more.
    p.strong |= c.strength() == Strength.FULL || c.strength() == Strength.CUED && c.keys().size() >= 2;
    p.forms.add(String.join(" ", c.words()).replace(" - ", "-"));
    p.spans.add(new int[] {c.spanFrom(), c.to()});
    if (p.lexiconName == null && c.lexiconName() != null && fits(p, Fold.fold(c.lexiconName()))) {
      setLexiconName(p, c.lexiconName());
    }
    if (c.keys().size() > p.fullKeyParts) {
      p.fullKey = c.key();
      p.fullKeyParts = p.fullKey.split(" ").length;
      p.firstKey = c.keys().get(0);
    }
  }

  /**
   * Whether a person may take the name a short form resolves to: a person named in full in the article keeps its
   * own name when that name is another (« Arnaud Muselier » never becomes « Renaud Muselier » because a bare
   * « Muselier » of the same article stands for Renaud): relatives stay two persons.
   */
  private static boolean fits(Person p, String nameKey) {
    if (p.fullKeyParts == 1 || nameKey.equals(p.fullKey) || nameKey.endsWith(" " + p.fullKey)
        || nameKey.startsWith(p.fullKey + " ")) {
      return true;
    }
    int space = nameKey.indexOf(' ');
    return space > 0 && p.lastKey.equals(nameKey.substring(nameKey.lastIndexOf(' ') + 1))
        && compatible(p.firstKey, nameKey.substring(0, space));
  }

  private static void setLexiconName(Person p, String name) {
    p.lexiconName = name;
    p.lexiconKey = name == null ? null : Fold.fold(name);
  }

  /** A full name with the same surname and a compatible first name (« Marie-Noël » / « Marie-Noëlle »). */
  private static Person findFull(List<Person> persons, Candidate c) {
    for (Person p : persons) {
      if (p.fullKey.equals(c.key())) {
        return p;
      }
    }
    for (Person p : persons) {
      if (p.lastKey.equals(c.last()) && compatible(p.firstKey, c.keys().get(0))) {
        return p;
      }
    }
    return null;
  }

  private static boolean compatible(String a, String b) {
    if (a.equals(b) || a.startsWith(b) || b.startsWith(a)) {
      return true;
    }
    return (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0);
  }

  /** The person a short form refers to: its surname, its family name, or the tail of its full name. */
  private static Person findByPart(List<Person> persons, Candidate c) {
    String key = c.key();
    String lastWords = " " + key;
    String firstWords = key + " ";
    Person best = null;
    for (Person p : persons) {
      boolean hit = p.fullKey.equals(key) || p.fullKey.endsWith(lastWords)
          || (p.familyFirst && p.fullKey.startsWith(firstWords))
          || (p.lexiconKey != null && p.lexiconKey.endsWith(lastWords));
      if (hit && (best == null || p.spans.size() > best.spans.size())) {
        best = p;
      }
    }
    return best;
  }

  /** The one person of the article whose full name starts with this given name, or null if none or several. */
  private static Person findByGivenName(List<Person> persons, String given) {
    Person found = null;
    String firstWord = given + " ";
    for (Person p : persons) {
      if (p.fullKey.startsWith(firstWord) && !p.familyFirst) {
        if (found != null) {
          return null;
        }
        found = p;
      }
    }
    return found;
  }

  private static Person findCanonical(List<Person> persons, String canonical) {
    for (Person p : persons) {
      if (canonical.equals(p.lexiconName)) {
        return p;
      }
    }
    return null;
  }

  /**
   * The canonical value of a person outside the lexicon: the form with most words, then the longest, then the
   * first; all-capitals words are written as names (« André THEURIET » → « André Theuriet ») so that every
   * article spells the same person the same way, whatever its typography.
   */
  private static String longest(List<String> forms) {
    String best = forms.get(0);
    for (String f : forms) {
      int fw = f.split(" ").length;
      int bw = best.split(" ").length;
      if (fw > bw || (fw == bw && f.length() > best.length())) {
        best = f;
      }
    }
    return nameCase(best);
  }

  static String nameCase(String name) {
    StringBuilder b = new StringBuilder(name.length());
    int i = 0;
    while (i < name.length()) {
      int j = i;
      while (j < name.length() && Character.isLetter(name.charAt(j))) {
        j++;
      }
      String word = name.substring(i, j);
      if (word.length() > 1 && word.equals(word.toUpperCase(java.util.Locale.ROOT))
          && !word.equals(word.toLowerCase(java.util.Locale.ROOT)) && !isRegnal(word)) {
        b.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
      } else {
        b.append(word);
      }
      if (j < name.length()) {
        b.append(name.charAt(j));
        j++;
      }
      i = j;
    }
    return b.toString();
  }

  private static boolean isRegnal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if ("IVX".indexOf(word.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
