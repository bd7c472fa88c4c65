package org.aet.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.pipeline.ProgressListener;
import org.aet.segment.SegmentUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review round trip on real workbooks, edited with POI as a person would, and every way import
 * refuses.
 */
class ReviewWorkbookTest {
  private static Path export(ProjectStore store, Path dir, String coder, boolean blind)
      throws Exception {
    Path file = dir.resolve("review-" + coder + ".xlsx");
    ReviewWorkbook.export(store, coder, blind, DecisionKind.REVIEW, file);
    return file;
  }

  /**
   * Opens the workbook, lets {@code edit} change the Review sheet, and saves it, as a person in
   * Excel would.
   */
  private static void edit(Path file, Consumer<Sheet> edit) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      edit.accept(workbook.getSheet("Review"));
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }

  private static void set(Sheet sheet, int row, int column, String value) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    (r.getCell(column) == null ? r.createCell(column) : r.getCell(column)).setCellValue(value);
  }

  @Test
  void theWorkbookIsLaidOutForAPerson(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path file = export(store, dir, "alice", false);
      try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
        Sheet sheet = workbook.getSheet("Review");
        assertEquals(
            ReviewWorkbook.HEADERS.get(8), sheet.getRow(0).getCell(8).getStringCellValue());
        assertEquals(5, sheet.getLastRowNum(), "a row per segment");
        assertTrue(workbook.getSheet("Review").getProtect(), "ids and text are locked");
        assertTrue(sheet.getRow(1).getCell(0).getCellStyle().getLocked());
        assertTrue(!sheet.getRow(1).getCell(8).getCellStyle().getLocked(), "the decision is open");
        assertEquals(1, sheet.getDataValidations().size(), "the decision dropdown");
        assertEquals("narratives/tokenistic", sheet.getRow(1).getCell(7).getStringCellValue());
        assertEquals(
            "",
            sheet.getRow(1).getCell(5).getStringCellValue(),
            "no time in the transcript, none shown");
        assertTrue(workbook.isSheetHidden(workbook.getSheetIndex("aet")));
        assertTrue(workbook.getSheet("Codebook").getLastRowNum() >= 14);
      }
      Path blind = export(store, dir, "bob", true);
      try (XSSFWorkbook workbook = new XSSFWorkbook(blind.toFile())) {
        assertEquals("", workbook.getSheet("Review").getRow(1).getCell(7).getStringCellValue());
      }
    }
  }

  @Test
  void readingAndValidatingRecordNothingUntilApplied(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path file = export(store, dir, "alice", false);
      edit(
          file,
          sheet -> {
            set(sheet, 1, 8, "accept");
            set(sheet, 3, 8, "reject");
          });
      ReviewImport.Filled filled = ReviewImport.read(file);
      assertEquals(5, filled.entries().size(), "every row read");
      ReviewImport.Checked checked = ReviewImport.validate(store, filled, false);
      assertEquals(2, checked.decisions().size());
      assertEquals(3, checked.unreviewed());
      assertEquals(0, store.decisionCount(), "validation records nothing");
      List<Long> heard = new java.util.ArrayList<>();
      ReviewImport.apply(
          store,
          checked,
          new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total) {
              heard.add(done);
            }
          });
      assertEquals(2, store.decisionCount());
      assertEquals(List.of(1L, 2L), heard, "progress for each decision recorded");
    }
  }

  @Test
  void decisionsAreRecordedUnderTheCodersNameAndHistoryIsKept(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path file = export(store, dir, "alice", false);
      edit(
          file,
          sheet -> {
            set(sheet, 1, 8, "accept");
            set(sheet, 1, 10, "Clearly tokenistic.");
            set(sheet, 3, 8, "Reject");
            set(sheet, 5, 8, "recode");
            set(sheet, 5, 9, "excluding-language; language");
          });
      ReviewImport.Imported imported =
          ReviewImport.run(store, file, false, ProgressListener.SILENT);
      assertEquals(3, imported.recorded());
      assertEquals(2, imported.unreviewed());
      List<ProjectStore.Decision> decisions = store.latestDecisions();
      assertEquals(List.of("narratives/tokenistic"), decisions.get(0).codes());
      assertEquals("alice", decisions.get(0).coder());
      assertEquals("Clearly tokenistic.", decisions.get(0).memo());
      assertEquals(List.of(), decisions.get(1).codes(), "rejected: no code applies");
      assertEquals(List.of("language/excluding-language", "language"), decisions.get(2).codes());
      edit(file, sheet -> set(sheet, 1, 8, "reject"));
      ReviewImport.run(store, file, false, ProgressListener.SILENT);
      assertEquals(
          4, store.decisionCount(), "a changed decision is a new row; unchanged ones add none");
      assertEquals(
          List.of(),
          store.latestDecisions().stream()
              .filter(d -> d.segmentId().equals(decisions.get(0).segmentId()))
              .findFirst()
              .orElseThrow()
              .codes());
    }
  }

  @Test
  void everyProblemIsReportedWithSheetAndCellAndNothingIsApplied(@TempDir Path dir)
      throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path file = export(store, dir, "alice", true);
      edit(
          file,
          sheet -> {
            set(sheet, 1, 8, "acept");
            set(sheet, 2, 8, "accept");
            set(sheet, 3, 9, "power/reciprocity; powr/nothing");
            set(sheet, 4, 0, "t@9999-99999");
            set(sheet, 4, 9, "power");
            set(sheet, 5, 8, "recode");
            set(sheet, 6, 0, sheet.getRow(5).getCell(0).getStringCellValue());
            set(sheet, 6, 9, "power");
          });
      InputException e =
          assertThrows(
              InputException.class,
              () -> ReviewImport.run(store, file, false, ProgressListener.SILENT));
      List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
      assertEquals(6, messages.size(), messages.toString());
      assertTrue(
          messages.get(0).startsWith("Review!I2: \"acept\" is not a decision"), messages.get(0));
      assertTrue(
          messages
              .get(1)
              .startsWith("Review!I3: \"accept\" needs suggestions, and this workbook is blind"));
      assertTrue(
          messages.get(2).startsWith("Review!J4: \"powr/nothing\" is not a code of four-tensions"));
      assertTrue(
          messages.get(3).startsWith("Review!A5: segment id \"t@9999-99999\" was not in this"),
          messages.get(3));
      assertTrue(messages.get(4).startsWith("Review!J6: \"recode\" needs the codes"));
      assertTrue(messages.get(5).startsWith("Review!A7: segment"), messages.get(5));
      assertEquals(0, store.decisionCount(), "nothing applied");
    }
  }

  @Test
  void aRefusedImportLeavesTheProjectFileByteForByteAsItWas(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("p.aet");
    Path file;
    try (ProjectStore store = ProjectFixture.create(project)) {
      file = export(store, dir, "alice", true);
    }
    edit(file, sheet -> set(sheet, 1, 8, "acept"));
    byte[] before = Files.readAllBytes(project);
    try (ProjectStore store = ProjectStore.open(project)) {
      assertThrows(
          InputException.class,
          () -> ReviewImport.run(store, file, false, ProgressListener.SILENT));
    }
    assertTrue(
        java.util.Arrays.equals(before, Files.readAllBytes(project)),
        "the project file changed (SQLite's change counter at bytes 24-27 included)");
  }

  @Test
  void aWorkbookFromAnotherProjectIsRefused(@TempDir Path dir) throws Exception {
    Path file;
    try (ProjectStore other = ProjectFixture.create(dir.resolve("other.aet"))) {
      file = export(other, dir, "alice", false);
    }
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      InputException e =
          assertThrows(
              InputException.class,
              () -> ReviewImport.run(store, file, false, ProgressListener.SILENT));
      assertTrue(
          e.getMessage().contains("aet!B1: this workbook was exported from another project"),
          e.getMessage());
    }
  }

  @Test
  void aProcessKilledInTheMiddleOfAnImportLeavesTheProjectAsBefore(@TempDir Path dir)
      throws Exception {
    Path project = dir.resolve("p.aet");
    Path file;
    try (ProjectStore store = ProjectFixture.create(project)) {
      file = export(store, dir, "alice", false);
    }
    edit(
        file,
        sheet -> {
          for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            set(sheet, r, 9, "power");
          }
        });
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ImportThenHang.class.getName(),
                project.toString(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("HALFWAY")) {
        // wait until the import is half done
      }
      assertEquals("HALFWAY", line);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    try (ProjectStore store = ProjectStore.open(project)) {
      assertEquals("ok", store.integrityCheck());
      assertEquals(0, store.decisionCount(), "nothing half applied");
      ReviewImport.run(store, file, false, ProgressListener.SILENT);
      assertEquals(5, store.decisionCount(), "and the import works afterwards");
    }
  }

  @Test
  void aProjectFromTheFirstSchemaIsMigrated(@TempDir Path dir) throws Exception {
    // The first schema as it shipped, frozen in a file (not today's migration list, which could be
    // edited along with this test), with a transcript, a segment and a suggestion in it.
    String schema1;
    try (var in = getClass().getResourceAsStream("schema-1.sql")) {
      schema1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path file = dir.resolve("old.aet");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String sql : schema1.split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
      s.execute("INSERT INTO meta (key, value) VALUES ('project_id', 'old-project')");
      s.execute(
          "INSERT INTO sources VALUES ('t', 't.txt', 'txt', 'h', 'Northbrook', '{}', '[]',"
              + " 'Ann: hi', '[]', '2026-01-01T00:00:00Z')");
      s.execute(
          "INSERT INTO segments VALUES ('t@0-7', 't', 'turn', 0, 'Ann', '', NULL, 0, 7, 'Ann: hi')");
      s.execute(
          "INSERT INTO codings (segment_id, code_id, code_path, source, confidence, evidence,"
              + " status, codebook_version, run_id, created_at) VALUES ('t@0-7', 'realistic',"
              + " 'narratives/realistic', 'rule', 0.35, '[]', 'suggested', 'v1', 'run-a',"
              + " '2026-01-02T00:00:00Z')");
      s.execute("PRAGMA user_version = 1");
    }
    try (ProjectStore store = ProjectStore.open(file)) {
      assertEquals(ProjectSchema.MIGRATIONS.size(), store.schemaVersion());
      assertEquals("old-project", store.projectId());
      assertEquals(0, store.decisionCount(), "the decisions table of schema 2 is there");
      assertEquals(List.of("t"), store.transcripts().stream().map(t -> t.id()).toList());
      assertEquals(
          List.of("narratives/realistic"),
          store.suggestions("run-a").get("t@0-7"),
          "the first schema's suggestions survive");
      assertEquals("ok", store.integrityCheck());
    }
  }

  private static ReviewImport.Imported importIt(ProjectStore store, Path file) throws Exception {
    return ReviewImport.run(store, file, false, ProgressListener.SILENT);
  }

  private static ProjectStore.Decision latestOn(ProjectStore store, String segmentId)
      throws Exception {
    return store.latestDecisions().stream()
        .filter(d -> d.segmentId().equals(segmentId))
        .findFirst()
        .orElse(null);
  }

  private static String cellText(Path file, String sheet, int row, int column) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      return workbook.getSheet(sheet).getRow(row).getCell(column).getStringCellValue();
    }
  }

  @Test
  void aClearedRowWithdrawsTheDecisionAndAnUnchangedWorkbookRecordsNothing(@TempDir Path dir)
      throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path first = export(store, dir, "alice", false);
      edit(
          first,
          sheet -> {
            set(sheet, 1, 8, "accept");
            set(sheet, 1, 9, "power/reciprocity");
            set(sheet, 1, 10, "Clearly tokenistic.");
            set(sheet, 2, 10, "Only a memo: come back to this.");
          });
      ReviewImport.Imported imported = importIt(store, first);
      assertEquals(2, imported.recorded());
      String segment = cellText(first, "Review", 1, 0);
      String memoOnly = cellText(first, "Review", 2, 0);
      assertEquals(
          Verdict.MEMO, latestOn(store, memoOnly).decision(), "a memo is kept without codes");
      assertTrue(!latestOn(store, memoOnly).isCoding());

      ReviewImport.Imported again = importIt(store, first);
      assertEquals(0, again.recorded());
      assertEquals(2, again.unchanged());
      assertEquals(2, store.decisionCount(), "the same workbook again adds no history");

      Path second = dir.resolve("review-alice-2.xlsx");
      ReviewWorkbook.export(store, "alice", false, DecisionKind.REVIEW, second);
      assertEquals("accept", cellText(second, "Review", 1, 8), "the decision comes back filled in");
      assertEquals("power/reciprocity", cellText(second, "Review", 1, 9));
      assertEquals("Clearly tokenistic.", cellText(second, "Review", 1, 10));
      assertEquals(0, importIt(store, second).recorded(), "a fresh export round-trips unchanged");
      edit(
          second,
          sheet -> {
            set(sheet, 1, 8, "");
            set(sheet, 1, 9, "");
            set(sheet, 1, 10, "");
          });
      ReviewImport.Imported cleared = importIt(store, second);
      assertEquals(1, cleared.withdrawn());
      assertEquals(null, latestOn(store, segment), "withdrawn: no current decision");
      assertEquals(3, store.decisionCount(), "the withdrawal is a new row in the history");
    }
  }

  @Test
  void aSecondCopyOfAWorkbookWithdrawsNothingItNeverShowed(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path first = export(store, dir, "alice", false);
      Path copy = dir.resolve("copy-of-alice.xlsx");
      java.nio.file.Files.copy(first, copy);
      edit(
          first,
          sheet -> {
            set(sheet, 1, 9, "power/reciprocity");
            set(sheet, 2, 9, "narratives/realistic");
            set(sheet, 3, 10, "A memo.");
          });
      assertEquals(3, importIt(store, first).recorded());
      edit(copy, sheet -> set(sheet, 5, 9, "power/power-differences"));
      ReviewImport.Imported second = importIt(store, copy);
      assertEquals(0, second.withdrawn(), "rows the copy showed blank and still shows blank");
      assertEquals(1, second.recorded());
      assertEquals(
          List.of("power/reciprocity"), latestOn(store, cellText(first, "Review", 1, 0)).codes());
      assertEquals(Verdict.MEMO, latestOn(store, cellText(first, "Review", 3, 0)).decision());
      assertEquals(4, store.decisionCount());

      // a workbook exported with a decision filled in, left as it was, does not undo a later one
      Path filled = dir.resolve("filled.xlsx");
      ReviewWorkbook.export(store, "alice", false, DecisionKind.REVIEW, filled);
      Path later = dir.resolve("later.xlsx");
      Thread.sleep(5);
      ReviewWorkbook.export(store, "alice", false, DecisionKind.REVIEW, later);
      edit(later, sheet -> set(sheet, 1, 9, "narratives/idealistic"));
      importIt(store, later);
      edit(filled, sheet -> set(sheet, 4, 9, "narratives/tokenistic"));
      ReviewImport.run(store, filled, true, ProgressListener.SILENT);
      assertEquals(
          List.of("narratives/idealistic"),
          latestOn(store, cellText(first, "Review", 1, 0)).codes(),
          "the untouched row of the older workbook leaves the later decision standing");
    }
  }

  @Test
  void anOlderWorkbookThanTheLastImportedOneNeedsForce(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path older = export(store, dir, "alice", false);
      edit(older, sheet -> set(sheet, 1, 9, "power/reciprocity"));
      Path newer = dir.resolve("newer.xlsx");
      Thread.sleep(5);
      ReviewWorkbook.export(store, "alice", false, DecisionKind.REVIEW, newer);
      edit(newer, sheet -> set(sheet, 1, 9, "narratives/realistic"));
      importIt(store, newer);
      InputException e = assertThrows(InputException.class, () -> importIt(store, older));
      assertTrue(e.getMessage().contains("aet!B6: this workbook was exported at"), e.getMessage());
      assertTrue(e.getMessage().contains("add --force"), e.getMessage());
      assertEquals(1, store.decisionCount());
      ReviewImport.run(store, older, true, ProgressListener.SILENT);
      assertEquals(
          List.of("power/reciprocity"),
          latestOn(store, cellText(older, "Review", 1, 0)).codes(),
          "with --force the older decision is current again");
    }
  }

  @Test
  void editedLockedCellsAndHiddenSheetAreRefusedByCell(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path file = export(store, dir, "alice", false);
      edit(
          file,
          sheet -> {
            String first = sheet.getRow(1).getCell(0).getStringCellValue();
            set(sheet, 1, 0, sheet.getRow(2).getCell(0).getStringCellValue());
            set(sheet, 2, 0, first);
            set(sheet, 1, 9, "power/reciprocity");
            set(sheet, 3, 6, "Ann: something she never said.");
            set(sheet, 4, 7, "power/reciprocity");
          });
      InputException e = assertThrows(InputException.class, () -> importIt(store, file));
      List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
      assertEquals(4, messages.size(), messages.toString());
      assertTrue(messages.get(0).startsWith("Review!G2: this is not the text of segment"));
      assertTrue(messages.get(1).startsWith("Review!G3: this is not the text of segment"));
      assertTrue(messages.get(2).startsWith("Review!G4: this is not the text of segment"));
      assertTrue(messages.get(3).startsWith("Review!H5: the suggested codes were edited"));

      Path hidden = export(store, dir, "bob", false);
      try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(hidden))) {
        workbook.getSheet("aet").getRow(1).getCell(1).setCellValue("alice");
        try (OutputStream out = Files.newOutputStream(hidden)) {
          workbook.write(out);
        }
      }
      InputException coder = assertThrows(InputException.class, () -> importIt(store, hidden));
      assertTrue(
          coder.getMessage().contains("aet!B2: the hidden sheet says coder \"alice\", but this"),
          coder.getMessage());
      assertEquals(0, store.decisionCount());
    }
  }

  @Test
  void coderNamesAreRealNamesAndOneNameWhateverTheCase(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      for (String bad : List.of("", "  ", "machine", "Consensus", "two\nlines")) {
        assertThrows(
            AetException.class,
            () ->
                ReviewWorkbook.export(
                    store, bad, false, DecisionKind.REVIEW, dir.resolve("x.xlsx")),
            "refused: " + bad);
      }
      assertTrue(!Files.exists(dir.resolve("x.xlsx")));
      export(store, dir, "alice", false);
      ReviewWorkbook.Exported upper =
          ReviewWorkbook.export(
              store, "Alice", false, DecisionKind.REVIEW, dir.resolve("upper.xlsx"));
      assertEquals("alice", upper.coder(), "the spelling first used is kept");
    }
  }

  @Test
  void whatACoderTypedIsKeptAsTypedAndFormulasInCodesAreRefused(@TempDir Path dir)
      throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path file = export(store, dir, "alice", false);
      edit(
          file,
          sheet -> {
            set(sheet, 1, 8, "reject");
            sheet.getRow(1).getCell(10).setCellFormula("SUM(A1:A3)");
          });
      importIt(store, file);
      assertEquals("=SUM(A1:A3)", latestOn(store, cellText(file, "Review", 1, 0)).memo());

      Path other = export(store, dir, "bob", false);
      edit(
          other,
          sheet -> {
            sheet.getRow(1).getCell(8).setCellFormula("\"acc\"&\"ept\"");
            sheet.getRow(2).getCell(9).setCellFormula("\"power/reciprocity\"");
          });
      InputException e = assertThrows(InputException.class, () -> importIt(store, other));
      List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
      assertTrue(messages.get(0).startsWith("Review!I2: holds a formula"), messages.toString());
      assertTrue(messages.get(1).startsWith("Review!J3: holds a formula"), messages.toString());
    }
  }

  @Test
  void aWorkbookKeepsItsOwnRunWhenTheProjectIsCodedAgainWithAnotherCodebook(@TempDir Path dir)
      throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("p.aet"))) {
      Path file = export(store, dir, "alice", false);
      String tokenistic = cellText(file, "Review", 1, 7);
      assertEquals("narratives/tokenistic", tokenistic);
      org.aet.codebook.Codebook power = org.aet.codebook.Codebooks.load("power");
      store.addCodebook(power);
      store.addRun("run-2", List.of(), SegmentUnit.TURN, List.of(), power);
      edit(file, sheet -> set(sheet, 1, 8, "accept"));
      ReviewImport.Imported imported = importIt(store, file);
      assertEquals("four-tensions", imported.codebook().name());
      ProjectStore.Decision decision = latestOn(store, cellText(file, "Review", 1, 0));
      assertEquals(List.of("narratives/tokenistic"), decision.codes(), "what the workbook showed");
      assertEquals(
          org.aet.codebook.Codebooks.load("four-tensions").version(), decision.codebookVersion());

      FinalCoding.Result result =
          FinalCoding.of(store, null, org.aet.nlp.CoreNlpAnnotator.shared());
      assertEquals("four-tensions", result.codebook().name());
      assertEquals(1, result.codings());
      AetException unknown =
          assertThrows(
              AetException.class,
              () -> FinalCoding.of(store, "nothing", org.aet.nlp.CoreNlpAnnotator.shared()));
      assertTrue(unknown.getMessage().contains("its codebooks: four-tensions, power"));
      FinalCoding.Result other =
          FinalCoding.of(store, "power", org.aet.nlp.CoreNlpAnnotator.shared());
      assertEquals(0, other.codings());
      assertTrue(
          other.notes().get(0).contains("1 decision(s) against the codebook \"four-tensions\""),
          other.notes().toString());
    }
  }
}
