package org.aet.cli;

import org.aet.service.OutputStyle;
import picocli.CommandLine.Mixin;

/**
 * {@code --markup} and {@code --pseudonymise}: how every command that writes coded output shows the
 * transcripts' text ({@link OutputStyle} applies them).
 */
final class OutputStyleOptions {
  @Mixin MarkupOption markup;

  @Mixin PseudonymiseOption pseudonymise;

  /** How the output shows markup and names, as the options say. */
  OutputStyle style() {
    return new OutputStyle(markup.drops(), pseudonymise.key);
  }
}
