package org.aet.io;

/** The version of aet, as recorded in what it writes. */
public final class ToolVersion {
  private ToolVersion() {}

  /** The version from the jar's manifest ("dev" when run from classes). */
  public static String current() {
    String version = ToolVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
