package loupe.entities;

/** The kinds of named entity Loupe extracts; the names are those of the entities contract. */
public enum EntityType {
  PERSON,
  COUNTRY,
  ORGANIZATION,
  PLACE
}
