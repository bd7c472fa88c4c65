package org.aet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.aet.diagnostics.AetException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's message, not a stack trace: researchers need to know what to fix, not
 * where in the code it broke. With {@code --stacktrace} the trace is printed as well. Returns exit
 * code 1, or 2 for an output named with an extension the command does not write (a wrong use).
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  static final int FAILED = 1;

  /** What to say when the Java heap runs out: what happened, and the two ways forward. */
  static final String OUT_OF_MEMORY =
      "aet: ran out of memory. Nothing was written. Give Java more memory (for example"
          + " JAVA_TOOL_OPTIONS=-Xmx4g), or work on fewer or smaller files at a time.";

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof org.aet.export.OutputTargets.WrongExtension) {
      err.println(e.getMessage());
      err.flush();
      return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
    IOException io = ioCause(e);
    if (e instanceof AetException problem) {
      err.println(problem.message(SettingOptions::option));
    } else if (io != null) {
      err.println(
          "aet: a file could not be read or written: "
              + io.getMessage()
              + ". If the disk is full, free some space and run the command again; nothing was"
              + " left half-written.");
    } else {
      err.println(
          "aet: internal error: "
              + e
              + System.lineSeparator()
              + "This is a bug in aet, not a problem with your files. Please report it with the output of the same"
              + " command run with --stacktrace.");
    }
    if (parseResult.expandedArgs().contains("--stacktrace")) {
      e.printStackTrace(err);
    }
    err.flush();
    return FAILED;
  }

  /**
   * The input or output failure behind a library's own exception (POI wraps a full disk in an
   * OpenXML4JRuntimeException), or null.
   */
  static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t instanceof java.io.UncheckedIOException unchecked) {
        return unchecked.getCause();
      }
    }
    return null;
  }
}
