package org.aet.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.diagnostics.InputException;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of what a team does to a project (add transcripts, code with two codebooks and
 * two units, export review and consensus workbooks, edit them as people would, sometimes wrongly,
 * import them, export the final coding) keep the project's invariants after every step: SQLite
 * finds it sound, every decision names a coder, the history only grows (no earlier row changes), a
 * refused import records nothing, and the final export succeeds.
 */
class ProjectInvariantsTest {
  private static final List<String> TEXTS =
      List.of(
          "Ann: It was a tick box exercise at first.\nTom: And the money?\n"
              + "Ann: We paid contributors for their time, in the end.\n",
          "Raj: The papers were full of jargon and acronyms.\nTom: Who decided?\n"
              + "Raj: The board held the power; the public members had no say.\n",
          "Lee: Honestly, the structures got in the way. Funding cycles are short.\n"
              + "Tom: And people?\nLee: People cared, they gave their evenings.\n");
  private static final List<String> CODERS = List.of("alice", "bob", "Alice", "carol");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomWorkKeepsTheProjectWhole(long seed, @TempDir Path dir) throws Exception {
    Random random = new Random(seed);
    Path file = dir.resolve("p.aet");
    List<Path> workbooks = new ArrayList<>();
    List<String> history = List.of();
    int added = 0;
    boolean coded = false;
    try (ProjectStore store = ProjectStore.create(file)) {
      for (int step = 0; step < 40; step++) {
        int action = random.nextInt(10);
        String what = "seed " + seed + ", step " + step + ", action " + action;
        switch (action) {
          case 0 -> {
            String text = TEXTS.get(random.nextInt(TEXTS.size()));
            Transcript t =
                new PlainTextReader()
                    .read(
                        new SourceText(
                            Path.of("t" + added + ".txt"), "t" + added, "", text, "UTF-8"))
                    .transcript();
            added++;
            store.addTranscript(t, Integer.toHexString(text.hashCode()));
          }
          case 1 -> {
            if (store.transcripts().isEmpty()) {
              continue;
            }
            code(store, random);
            coded = true;
          }
          case 2, 3 -> {
            if (!coded) {
              continue;
            }
            Path target = dir.resolve("w" + step + ".xlsx");
            if (random.nextInt(4) == 0 && !store.latestDecisions().isEmpty()) {
              ReviewWorkbook.export(store, null, false, DecisionKind.CONSENSUS, target);
            } else {
              ReviewWorkbook.export(
                  store,
                  CODERS.get(random.nextInt(CODERS.size())),
                  random.nextBoolean(),
                  DecisionKind.REVIEW,
                  target);
            }
            workbooks.add(target);
          }
          case 4, 5, 6 -> {
            if (!workbooks.isEmpty()) {
              edit(store, workbooks.get(random.nextInt(workbooks.size())), random);
            }
          }
          case 7, 8 -> {
            if (workbooks.isEmpty()) {
              continue;
            }
            int before = store.decisionCount();
            try {
              ReviewImport.run(
                  store,
                  workbooks.get(random.nextInt(workbooks.size())),
                  random.nextInt(3) == 0,
                  ProgressListener.SILENT);
            } catch (InputException refused) {
              assertEquals(
                  before, store.decisionCount(), what + ": a refused import records nothing");
            }
          }
          default -> {
            if (coded) {
              FinalCoding.Result result = FinalCoding.of(store, null, CoreNlpAnnotator.shared());
              assertTrue(result.codings() >= 0, what);
            }
          }
        }
        assertEquals("ok", store.integrityCheck(), what);
        List<String> now = decisionRows(file);
        assertTrue(now.size() >= history.size(), what + ": the history only grows");
        assertEquals(history, now.subList(0, history.size()), what + ": no earlier row changed");
        assertTrue(
            now.stream().noneMatch(r -> r.startsWith("|")), what + ": every row has a coder");
        history = now;
      }
    }
  }

  /** Codes every transcript with one of two codebooks, by turn or by sentence. */
  private static void code(ProjectStore store, Random random) throws Exception {
    Codebook book = Codebooks.load(random.nextBoolean() ? "four-tensions" : "power");
    SegmentUnit unit = random.nextInt(4) == 0 ? SegmentUnit.SENTENCE : SegmentUnit.TURN;
    RuleCoder coder = new RuleCoder(book);
    List<Segment> segments = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    for (Transcript t : store.transcripts()) {
      for (Segment s :
          new Segmenter(unit).segment(t, CoreNlpAnnotator.shared().annotate(t.text()))) {
        segments.add(s);
        codings.addAll(coder.code(s));
      }
    }
    store.addCodebook(book);
    store.addRun("run-" + random.nextLong(), segments, unit, codings, book);
  }

  /** Edits random rows as a person would, now and then wrongly. */
  private static void edit(ProjectStore store, Path file, Random random) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      Sheet sheet = workbook.getSheet("Review");
      String version = "";
      for (Row row : workbook.getSheet("aet")) {
        if (row.getCell(0).getStringCellValue().equals("codebook_version")) {
          version = row.getCell(1).getStringCellValue();
        }
      }
      List<Code> codes = store.codebook(version).codes();
      Codebook book = store.codebook(version);
      for (int n = 0; n < 3; n++) {
        int r = 1 + random.nextInt(Math.max(1, sheet.getLastRowNum()));
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        switch (random.nextInt(6)) {
          case 0 -> set(row, 8, List.of("accept", "reject", "recode", "").get(random.nextInt(4)));
          case 1 -> set(row, 9, book.path(codes.get(random.nextInt(codes.size())).id()));
          case 2 -> set(row, 10, random.nextBoolean() ? "a memo" : "=SUM(A1:A3)");
          case 3 -> {
            set(row, 8, "");
            set(row, 9, "");
            set(row, 10, "");
          }
          case 4 -> set(row, 9, "not/a-code");
          default -> set(row, 6, "edited text");
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }

  private static void set(Row row, int column, String value) {
    Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    cell.setCellValue(value);
  }

  /** Every row of the decision history, in order, as text. */
  private static List<String> decisionRows(Path file) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT coder, segment_id, kind, decision, codes, memo, codebook_version"
                    + " FROM decisions ORDER BY id")) {
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
          row.append(r.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
