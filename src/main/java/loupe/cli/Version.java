package loupe.cli;

import picocli.CommandLine;

/** Reports the version from the jar's manifest (the Maven project version). */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = LoupeCommand.class.getPackage().getImplementationVersion();
    return new String[] {"loupe " + (v == null ? "development build" : v)};
  }
}
