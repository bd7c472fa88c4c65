package org.aet.project;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.aet.pipeline.ProgressListener;

/**
 * Run in a separate JVM by {@link ReviewWorkbookTest}: imports a workbook and, halfway through
 * writing the decisions, says so and waits to be killed, as a machine that loses power in the
 * middle of an import would.
 */
public final class ImportThenHang {
  private ImportThenHang() {}

  public static void main(String[] args) throws Exception {
    AtomicInteger rows = new AtomicInteger();
    try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
      ReviewImport.run(
          store,
          Path.of(args[1]),
          false,
          new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total) {
              if (rows.incrementAndGet() == 2) {
                System.out.println("HALFWAY");
                System.out.flush();
                try {
                  Thread.sleep(60_000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }
          });
    }
  }
}
