package loupe.search;

/**
 * A search request that cannot be served as asked (size out of range, unparsable date…); the
 * server answers it with HTTP 400 and the CLI with exit status 2.
 */
public final class InvalidRequestException extends RuntimeException {

  private final String parameter;

  /**
   * @param parameter the request parameter at fault, as the API spells it
   * @param message what is wrong and what is accepted
   */
  public InvalidRequestException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The request parameter at fault, as the API spells it. */
  public String parameter() {
    return parameter;
  }
}
