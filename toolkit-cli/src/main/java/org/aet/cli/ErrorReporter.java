package org.aet.cli;

import java.io.PrintWriter;
import org.aet.diagnostics.AetException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's message, not a stack trace: researchers need to know what to fix, not
 * where in the code it broke. With {@code --stacktrace} the trace is printed as well. Returns exit
 * code 1.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  static final int FAILED = 1;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof AetException) {
      err.println(e.getMessage());
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
}
