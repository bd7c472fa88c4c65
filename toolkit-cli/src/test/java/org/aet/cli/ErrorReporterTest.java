package org.aet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Failures that are not aet's bugs end in a message, not "internal error". */
class ErrorReporterTest {
  private static String report(Exception e) {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
    int exit =
        new ErrorReporter()
            .handleExecutionException(e, commandLine, commandLine.parseArgs("inspect", "x"));
    assertEquals(ErrorReporter.FAILED, exit);
    return err.toString();
  }

  @Test
  void aFullDiskWrappedByALibraryIsSaidPlainly() {
    // POI reports a full disk during "review export" as an OpenXML4JRuntimeException around it.
    String message =
        report(
            new IllegalStateException("fail to save", new IOException("No space left on device")));
    assertTrue(message.contains("a file could not be read or written: No space left on device"));
    assertTrue(message.contains("free some space"), message);
    assertFalse(message.contains("internal error"), message);
  }

  @Test
  void aRealBugIsStillReportedAsOne() {
    assertTrue(report(new NullPointerException("x")).contains("internal error"));
  }
}
