package org.aet.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * Entry point of the {@code aet} command. Only {@link #main} exits the process; everything else
 * returns codes.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Charset charset =
        System.console() != null ? System.console().charset() : Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    System.exit(run(args, out, err));
  }

  /**
   * Runs {@code aet args}, printing to {@code out} and {@code err}; returns the exit code (0, 1 or
   * 2).
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    PrintWriter safeOut = new PrintWriter(new TerminalText(out), true);
    PrintWriter safeErr = new PrintWriter(new TerminalText(err), true);
    try {
      return commandLine(safeOut, safeErr).execute(args);
    } catch (OutOfMemoryError e) {
      safeErr.println(ErrorReporter.OUT_OF_MEMORY);
      return ErrorReporter.FAILED;
    } finally {
      safeOut.flush();
      safeErr.flush();
    }
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    RegistryHelp.publish();
    CommandLine commandLine = new CommandLine(new AetCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    return commandLine;
  }
}
