package org.aet.cli;

/**
 * The command line's option for each setting the library names in its messages ({@link
 * org.aet.diagnostics.SettingException}, {@link org.aet.diagnostics.AetException#naming}): the one
 * place where the library's names meet the flags.
 */
final class SettingOptions {
  private SettingOptions() {}

  /** The option for {@code setting}, or null for a setting the command line has no option for. */
  static String option(String setting) {
    return switch (setting) {
      case "threads" -> "--threads";
      case "minProbability" -> "--min-probability";
      case "floor" -> "--floor";
      case "reviewQueue" -> "--queue";
      case "model" -> "--model";
      case "starter" -> "--starter";
      case "calibration" -> "--calibrate";
      case "rulesOnly" -> "--no-semantic";
      case "embeddings" -> "--embeddings";
      case "fromExamples" -> "--from-examples";
      case "codebook" -> "--codebook";
      case "coder" -> "--coder";
      case "overwrite" -> "--overwrite";
      case "review" -> "--review";
      case "acceptAll" -> "--accept-all";
      default -> null;
    };
  }
}
