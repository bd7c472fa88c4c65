package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.aet.diagnostics.InputException;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * Word transcripts written with POI as a transcription service would, read back; and hostile
 * archives.
 */
class DocxReaderTest {
  private static final Path FILE = Path.of("interview.docx");

  private static ReadResult read(byte[] bytes) throws InputException {
    return new DocxReader().read(new SourceText(FILE, "interview", "", "", "docx", bytes));
  }

  private static byte[] save(XWPFDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.write(out);
    document.close();
    return out.toByteArray();
  }

  private static String turns(Transcript transcript) {
    StringBuilder out = new StringBuilder();
    for (Turn turn : transcript.turns()) {
      String time = Timestamps.format(turn.start());
      out.append(turn.line())
          .append(' ')
          .append(time.isEmpty() ? "" : time + " ")
          .append(turn.speaker())
          .append(": ")
          .append(turn.text().replace("\n", "\\n"))
          .append('\n');
    }
    return out.toString();
  }

  @Test
  void paragraphsOfNameAndText() throws Exception {
    XWPFDocument document = new XWPFDocument();
    for (String line :
        List.of(
            "Interview 3, Northbrook",
            "",
            "Helen Ward: Thank you for coming.",
            "[00:01:02] Margaret Osei: We promised a great deal.",
            "It did not last.")) {
      document.createParagraph().createRun().setText(line);
    }
    ReadResult result = read(save(document));
    assertEquals(
        "1 unknown: Interview 3, Northbrook\n3 Helen Ward: Thank you for coming.\n"
            + "4 00:01:02 Margaret Osei: We promised a great deal.\\nIt did not last.\n",
        turns(result.transcript()));
    assertEquals("docx", result.transcript().format());
    assertEquals(1, result.warnings().size());
  }

  @Test
  void otterStyleHeadingsWithTheTextBelow() throws Exception {
    XWPFDocument document = new XWPFDocument();
    for (String line :
        List.of(
            "Helen Ward  0:03",
            "Thank you for coming.",
            "Anil Mehta  0:09",
            "Riverside began with the trusts.")) {
      document.createParagraph().createRun().setText(line);
    }
    assertEquals(
        "1 00:00:03 Helen Ward: Thank you for coming.\n3 00:00:09 Anil Mehta: Riverside began with the"
            + " trusts.\n",
        turns(read(save(document)).transcript()));
  }

  @Test
  void aTableWithAHeaderRow() throws Exception {
    XWPFDocument document = new XWPFDocument();
    document
        .createParagraph()
        .createRun()
        .setText("Transcript exported by a transcription service");
    XWPFTable table = document.createTable(3, 3);
    fill(table, 0, "Speaker", "Time", "Text");
    fill(table, 1, "Helen Ward", "00:00:05", "Thank you both.");
    fill(table, 2, "Anil Mehta", "00:00:10", "Riverside began with the trusts.");
    document.createParagraph().createRun().setText("Helen Ward: A closing paragraph.");
    ReadResult result = read(save(document));
    assertEquals(
        "1 unknown: Transcript exported by a transcription service\n3 00:00:05 Helen Ward: Thank you both.\n"
            + "4 00:00:10 Anil Mehta: Riverside began with the trusts.\n5 Helen Ward: A closing paragraph.\n",
        turns(result.transcript()));
  }

  @Test
  void aTableWithoutAHeaderIsReadFromItsContent() throws Exception {
    XWPFDocument document = new XWPFDocument();
    XWPFTable table = document.createTable(2, 3);
    fill(table, 0, "0:05", "Helen Ward", "Thank you both for making the time today.");
    fill(table, 1, "0:10", "Anil Mehta", "Riverside was set up by a university and three trusts.");
    assertEquals(
        "1 00:00:05 Helen Ward: Thank you both for making the time today.\n"
            + "2 00:00:10 Anil Mehta: Riverside was set up by a university and three trusts.\n",
        turns(read(save(document)).transcript()));
  }

  @Test
  void anXmlExternalEntityIsRefused() throws Exception {
    XWPFDocument document = new XWPFDocument();
    document.createParagraph().createRun().setText("Helen Ward: &xxe;");
    byte[] evil =
        rewrite(
            save(document),
            "word/document.xml",
            xml ->
                xml.replaceFirst(
                    "\\?>",
                    "?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"));
    InputException e = assertThrows(InputException.class, () -> read(evil));
    assertTrue(e.getMessage().contains("declares an XML document type"), e.getMessage());
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    InputException e = assertThrows(InputException.class, () -> read(out.toByteArray()));
    assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
  }

  @Test
  void anEntryThatEscapesItsFolderIsRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/../../../etc/cron.d/evil"));
      zip.write("* * * * * root true".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    InputException e = assertThrows(InputException.class, () -> read(out.toByteArray()));
    assertTrue(e.getMessage().contains("leads outside its folder"), e.getMessage());
  }

  @Test
  void randomOrTruncatedBytesGiveAMessage() throws Exception {
    byte[] random = new byte[5000];
    new Random(1).nextBytes(random);
    InputException notZip = assertThrows(InputException.class, () -> read(random));
    assertTrue(notZip.getMessage().startsWith(FILE + ": error:"), notZip.getMessage());
    XWPFDocument document = new XWPFDocument();
    document.createParagraph().createRun().setText("Helen Ward: hello");
    byte[] whole = save(document);
    InputException truncated =
        assertThrows(InputException.class, () -> read(Arrays.copyOf(whole, whole.length / 2)));
    assertTrue(truncated.getMessage().startsWith(FILE + ": error:"), truncated.getMessage());
  }

  private static void fill(XWPFTable table, int row, String... cells) {
    for (int c = 0; c < cells.length; c++) {
      table.getRow(row).getCell(c).setText(cells[c]);
    }
  }

  private static byte[] rewrite(
      byte[] docx, String name, java.util.function.UnaryOperator<String> change)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (entry.getName().equals(name)) {
          content =
              change
                  .apply(new String(content, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
