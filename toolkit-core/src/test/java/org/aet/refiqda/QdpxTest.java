package org.aet.refiqda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.InputException;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.model.Segment;
import org.aet.model.TextAnnotation;
import org.aet.model.Transcript;
import org.aet.pipeline.ProgressListener;
import org.aet.project.DecisionKind;
import org.aet.project.ProjectAgreement;
import org.aet.project.ProjectStore;
import org.aet.project.Verdict;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QdpxTest {
  private static final String NORTHBROOK =
      "---\ncase: Northbrook\nregion: North\nrole: Ann Lee = senior leader\n---\n"
          + "[00:00:05] Ann Lee: It was a tick box exercise at first, 社会 and Ωmega.\n"
          + "[00:00:12.500] Tom: And the money?\n"
          + "[00:01:00] Ann Lee: We paid contributors for their time, in the end.\n";
  private static final String SOUTHVALE =
      "---\ncase: Southvale\nregion: South\n---\n"
          + "Jo: The papers were full of jargon and acronyms.\n"
          + "Sam: We rewrote them together with the public panel.\n";

  /** A project with two transcripts, two coders, a consensus and memos, against four-tensions. */
  private static ProjectStore project(Path file) throws Exception {
    ProjectStore store = ProjectStore.create(file);
    Codebook book = Codebooks.load("four-tensions");
    store.addCodebook(book);
    List<Segment> all = new ArrayList<>();
    for (String[] source :
        List.of(new String[] {"northbrook", NORTHBROOK}, new String[] {"southvale", SOUTHVALE})) {
      Transcript t =
          new PlainTextReader()
              .read(new SourceText(Path.of(source[0] + ".txt"), source[0], "", source[1], "UTF-8"))
              .transcript();
      store.addTranscript(t, "hash-" + source[0]);
      all.addAll(
          new Segmenter(SegmentUnit.TURN).segment(t, new TextAnnotation(List.of(), List.of())));
    }
    store.addRun("run-1", all, SegmentUnit.TURN, List.of(), book);
    List<ProjectStore.Decision> decisions = new ArrayList<>();
    decisions.add(
        decision(all.get(0), "alice", DecisionKind.REVIEW, List.of("narratives/tokenistic"), ""));
    decisions.add(
        decision(
            all.get(2),
            "alice",
            DecisionKind.REVIEW,
            List.of("power/reciprocity", "narratives/realistic"),
            "Paid, but only at the end."));
    decisions.add(
        decision(
            all.get(3), "alice", DecisionKind.REVIEW, List.of("language/excluding-language"), ""));
    decisions.add(
        decision(all.get(0), "bob", DecisionKind.REVIEW, List.of("narratives/tokenistic"), ""));
    decisions.add(
        decision(all.get(3), "bob", DecisionKind.REVIEW, List.of(), "Not sure about this one."));
    decisions.add(
        decision(
            all.get(4), "bob", DecisionKind.REVIEW, List.of("language/including-language"), ""));
    decisions.add(
        decision(
            all.get(0),
            ProjectAgreement.CONSENSUS,
            DecisionKind.CONSENSUS,
            List.of("narratives/tokenistic"),
            "Agreed in the team meeting."));
    store.addDecisions(decisions, "workbook-1", ProgressListener.SILENT);
    return store;
  }

  private static ProjectStore.Decision decision(
      Segment segment, String coder, DecisionKind kind, List<String> codes, String memo)
      throws Exception {
    return new ProjectStore.Decision(
        segment.id(),
        coder,
        kind,
        codes.isEmpty() && !memo.isEmpty() ? Verdict.MEMO : Verdict.CODE,
        codes,
        memo,
        "w.xlsx",
        Codebooks.load("four-tensions").version(),
        "workbook-1");
  }

  private static void validate(Path qdpx) throws Exception {
    Optional<Path> schema = Shared.optional("refi-qda/Project-mrt2019.xsd");
    if (schema.isEmpty()) {
      return; // without ../shared the round trip still runs; only the schema check needs it
    }
    Path xsd = schema.get();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try (ZipFile zip = new ZipFile(qdpx.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
      factory.newSchema(xsd.toFile()).newValidator().validate(new StreamSource(in));
    }
  }

  /** What a coder decided per segment: codes and memo, as agreement and training see them. */
  private static Map<String, String> decisions(ProjectStore store) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (ProjectStore.Decision d : store.latestDecisions()) {
      out.put(
          d.coder() + " " + d.kind().label() + " " + d.segmentId(),
          d.decision().label() + " " + d.codes() + " " + d.memo());
    }
    return out;
  }

  /** Each coding of a .qdpx as "user | code GUID | selected text", and the code GUIDs. */
  private static List<String> codings(Path qdpx) throws Exception {
    List<String> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(qdpx.toFile())) {
      String qde =
          new String(
              zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(),
              StandardCharsets.UTF_8);
      Map<String, String> users = new LinkedHashMap<>();
      Matcher u = Pattern.compile("<User guid=\"([^\"]+)\" name=\"([^\"]+)\"").matcher(qde);
      while (u.find()) {
        users.put(RefiQdaCodebook.normal(u.group(1)), u.group(2));
      }
      Matcher source =
          Pattern.compile(
                  "<TextSource guid=\"[^\"]+\" name=\"([^\"]+)\" plainTextPath=\"internal://([^\"]+)\"(.*?)</TextSource>",
                  Pattern.DOTALL)
              .matcher(qde);
      while (source.find()) {
        String text =
            new String(
                zip.getInputStream(zip.getEntry("sources/" + source.group(2))).readAllBytes(),
                StandardCharsets.UTF_8);
        Matcher selection =
            Pattern.compile(
                    "startPosition=\"(\\d+)\" endPosition=\"(\\d+)\"(.*?)</PlainTextSelection>",
                    Pattern.DOTALL)
                .matcher(source.group(3));
        while (selection.find()) {
          int start = text.offsetByCodePoints(0, Integer.parseInt(selection.group(1)));
          int end = text.offsetByCodePoints(0, Integer.parseInt(selection.group(2)));
          Matcher coding =
              Pattern.compile(
                      "<Coding guid=\"[^\"]+\" creatingUser=\"([^\"]+)\"><CodeRef targetGUID=\"([^\"]+)\"")
                  .matcher(selection.group(3));
          while (coding.find()) {
            out.add(
                users.get(RefiQdaCodebook.normal(coding.group(1)))
                    + " | "
                    + coding.group(2)
                    + " | "
                    + text.substring(start, end));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  @Test
  void aetToQdpxToAetKeepsTranscriptsCodebookAndEveryDecision(@TempDir Path dir) throws Exception {
    Path qdpx = dir.resolve("study.qdpx");
    Map<String, String> before;
    List<Transcript> transcriptsBefore;
    Codebook book = Codebooks.load("four-tensions");
    try (ProjectStore store = project(dir.resolve("study.aet"))) {
      QdpxWriter.Written written = QdpxWriter.write(store, book, false, qdpx);
      assertEquals(2, written.sources());
      assertEquals(
          List.of("alice", "bob", "consensus"), written.users().stream().sorted().toList());
      assertEquals(7, written.codings(), "4 + 1 + 1 + 1 codings");
      assertEquals(3, written.notes());
      before = decisions(store);
      transcriptsBefore = store.transcripts();
    }
    validate(qdpx);
    List<String> exported = codings(qdpx);
    assertTrue(
        exported.contains(
            "alice | "
                + RefiQdaCodebook.guid(book, book.code("tokenistic"))
                + " | It was a tick box exercise at first, 社会 and Ωmega."),
        "offsets count code points, so a selection after Chinese text still lands on its words: "
            + exported);

    try (ProjectStore back = ProjectStore.create(dir.resolve("back.aet"))) {
      QdpxReader.Imported imported = QdpxReader.importInto(back, qdpx, null);
      assertEquals(List.of(), imported.warnings());
      assertEquals(book, imported.codebook(), "the same codebook, version and all");
      assertEquals(before, decisions(back), "every decision, by the same coder on the same turn");
      List<Transcript> after = back.transcripts();
      assertEquals(transcriptsBefore.size(), after.size());
      for (int i = 0; i < after.size(); i++) {
        Transcript a = transcriptsBefore.get(i);
        Transcript b = after.get(i);
        assertEquals(a.id(), b.id());
        assertEquals(a.text(), b.text());
        assertEquals(a.caseName(), b.caseName());
        assertEquals(a.attributes(), b.attributes());
        assertEquals(a.participants(), b.participants(), "speakers with their roles");
        assertEquals(
            a.turns().stream().map(t -> t.speaker() + " " + t.start() + " " + t.span()).toList(),
            b.turns().stream().map(t -> t.speaker() + " " + t.start() + " " + t.span()).toList());
      }
      Path again = dir.resolve("again.qdpx");
      QdpxWriter.write(back, imported.codebook(), false, again);
      validate(again);
      assertEquals(exported, codings(again), "and out again: the same codings on the same words");
    }
    try (ProjectStore original = ProjectStore.open(dir.resolve("study.aet"))) {
      QdpxReader.Imported home = QdpxReader.importInto(original, qdpx, null);
      assertEquals(0, home.added());
      assertEquals(2, home.unchanged(), "back into the project it came from: the same transcripts");
      assertEquals(before, decisions(original), "and the same decisions");
    }
    Path other = dir.resolve("other.aet");
    try (ProjectStore store = ProjectStore.create(other)) {
      Transcript changed =
          new PlainTextReader()
              .read(
                  new SourceText(
                      Path.of("x.txt"), "southvale", "", "Jo: Something else.\n", "UTF-8"))
              .transcript();
      store.addTranscript(changed, "hash-x");
    }
    try (ProjectStore store = ProjectStore.open(other)) {
      InputException e =
          assertThrows(InputException.class, () -> QdpxReader.importInto(store, qdpx, null));
      assertTrue(e.getMessage().contains("has other text"), e.getMessage());
      assertEquals(1, store.transcripts().size(), "nothing was imported");
      assertEquals(List.of(), store.runs());
      assertEquals(List.of(), store.latestDecisions());
    }
  }

  /** A project in the shape NVivo writes: nested codes, two users, two sources, a note, a PDF. */
  private static final String NVIVO_QDE =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <Project xmlns="urn:QDA-XML:project:1.0" name="Partnerships" origin="NVivo 14.23.0">
        <Users>
          <User guid="{0A1B2C3D-0000-4000-8000-000000000001}" name="Rana"/>
          <User guid="0A1B2C3D-0000-4000-8000-000000000002" name="Will"/>
        </Users>
        <CodeBook><Codes>
          <Code guid="C0DE0000-0000-4000-8000-000000000001" name="Power" isCodable="false">
            <Code guid="C0DE0000-0000-4000-8000-000000000002" name="Payment" isCodable="true">
              <Description>Money for time.</Description>
            </Code>
            <Code guid="C0DE0000-0000-4000-8000-000000000003" name="Gatekeeping" isCodable="true"/>
          </Code>
          <Code guid="C0DE0000-0000-4000-8000-000000000004" name="Jargon" isCodable="true" color="#00F"/>
        </Codes></CodeBook>
        <Variables>
          <Variable guid="7A000000-0000-4000-8000-000000000001" name="Region" typeOfVariable="Text"/>
        </Variables>
        <Cases>
          <Case guid="CA5E0000-0000-4000-8000-000000000001" name="Riverside">
            <VariableValue><VariableRef targetGUID="7A000000-0000-4000-8000-000000000001"/><TextValue>West</TextValue></VariableValue>
            <SourceRef targetGUID="50000000-0000-4000-8000-000000000001"/>
          </Case>
        </Cases>
        <Sources>
          <TextSource guid="50000000-0000-4000-8000-000000000001" name="Interview 1.docx" plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt" richTextPath="internal://50000000-0000-4000-8000-000000000001.docx">
            <PlainTextSelection guid="5E100000-0000-4000-8000-000000000001" name="paid" startPosition="%d" endPosition="%d" creatingUser="0A1B2C3D-0000-4000-8000-000000000001">
              <Coding guid="C0D10000-0000-4000-8000-000000000001" creatingUser="0A1B2C3D-0000-4000-8000-000000000001"><CodeRef targetGUID="C0DE0000-0000-4000-8000-000000000002"/></Coding>
              <NoteRef targetGUID="90000000-0000-4000-8000-000000000001"/>
            </PlainTextSelection>
            <PlainTextSelection guid="5E100000-0000-4000-8000-000000000002" name="paid" startPosition="%d" endPosition="%d" creatingUser="0A1B2C3D-0000-4000-8000-000000000002">
              <Coding guid="C0D10000-0000-4000-8000-000000000002" creatingUser="0A1B2C3D-0000-4000-8000-000000000002"><CodeRef targetGUID="{c0de0000-0000-4000-8000-000000000002}"/></Coding>
              <Coding guid="C0D10000-0000-4000-8000-000000000003" creatingUser="0A1B2C3D-0000-4000-8000-000000000002"><CodeRef targetGUID="C0DE0000-0000-4000-8000-000000000003"/></Coding>
            </PlainTextSelection>
          </TextSource>
          <TextSource guid="50000000-0000-4000-8000-000000000002" name="Interview 2" plainTextPath="internal://50000000-0000-4000-8000-000000000002.txt">
            <PlainTextSelection guid="5E100000-0000-4000-8000-000000000003" name="jargon" startPosition="%d" endPosition="%d" creatingUser="0A1B2C3D-0000-4000-8000-000000000002">
              <Coding guid="C0D10000-0000-4000-8000-000000000004" creatingUser="0A1B2C3D-0000-4000-8000-000000000002"><CodeRef targetGUID="C0DE0000-0000-4000-8000-000000000004"/></Coding>
            </PlainTextSelection>
          </TextSource>
          <PDFSource guid="50000000-0000-4000-8000-000000000003" name="Report.pdf" path="internal://50000000-0000-4000-8000-000000000003.pdf"/>
        </Sources>
        <Notes>
          <Note guid="90000000-0000-4000-8000-000000000001" name="Memo"><PlainTextContent>Only after the grant came.</PlainTextContent></Note>
        </Notes>
        <Sets>
          <Set guid="5E700000-0000-4000-8000-000000000001" name="Structural"><MemberCode targetGUID="C0DE0000-0000-4000-8000-000000000003"/></Set>
          <Set guid="5E700000-0000-4000-8000-000000000002" name="Round one"><MemberSource targetGUID="50000000-0000-4000-8000-000000000001"/></Set>
        </Sets>
      </Project>
      """;

  private static final String INTERVIEW_1 =
      "Interviewer: How were people paid?\r\nRana Patel: We paid contributors — 謝謝 — for their"
          + " time.\r\nIt came late.\r\n\r\nInterviewer: And who decided?\r\n";
  private static final String INTERVIEW_2 =
      "The papers were full of jargon.\n\nNobody outside the team could read them.\n";

  /** An NVivo-shaped .qdpx, offsets in code points as the standard says. */
  static Path nvivo(Path dir) throws Exception {
    String paid = "We paid contributors — 謝謝 — for their time.";
    int paidStart = cp(INTERVIEW_1, INTERVIEW_1.indexOf(paid));
    int paidEnd = cp(INTERVIEW_1, INTERVIEW_1.indexOf(paid) + paid.length());
    int lateEnd = cp(INTERVIEW_1, INTERVIEW_1.indexOf("It came late.") + "It came late.".length());
    String jargon = "full of jargon";
    int jStart = cp(INTERVIEW_2, INTERVIEW_2.indexOf(jargon));
    String qde =
        NVIVO_QDE
            .strip()
            .formatted(paidStart, paidEnd, paidStart, lateEnd, jStart, jStart + jargon.length());
    Path file = dir.resolve("nvivo.qdpx");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "project.qde", qde);
      put(zip, "sources/50000000-0000-4000-8000-000000000001.txt", INTERVIEW_1);
      put(zip, "sources/50000000-0000-4000-8000-000000000002.txt", INTERVIEW_2);
      put(zip, "sources/50000000-0000-4000-8000-000000000003.pdf", "%PDF-1.4");
    }
    Files.write(file, bytes.toByteArray());
    return file;
  }

  private static int cp(String text, int charOffset) {
    return text.codePointCount(0, charOffset);
  }

  private static void put(ZipOutputStream zip, String name, String text) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void anNVivoProjectComesInAsDecisionsAndGoesBackWithEveryGuidAndCoding(@TempDir Path dir)
      throws Exception {
    Path file = nvivo(dir);
    List<String> original = codings(file);
    try (ProjectStore store = ProjectStore.create(dir.resolve("team.aet"))) {
      QdpxReader.Imported imported = QdpxReader.importInto(store, file, null);
      assertEquals(2, imported.added());
      assertEquals(List.of("Rana", "Will"), imported.coders());
      String warnings = String.join("\n", imported.warnings());
      assertTrue(warnings.contains("1 PDF source(s) not brought in"), warnings);
      assertTrue(warnings.contains("1 set(s) hold only documents or notes"), warnings);
      Codebook book = imported.codebook();
      assertEquals("nvivo", book.name());
      assertEquals(
          List.of("power", "payment", "gatekeeping", "jargon"),
          book.codes().stream().map(c -> c.id()).toList());
      assertFalse(book.code("power").codable());
      assertEquals(List.of("gatekeeping"), book.sets().get(0).codes());

      List<Transcript> transcripts = store.transcripts();
      assertEquals(
          List.of("Interview 1", "Interview 2"), transcripts.stream().map(Transcript::id).toList());
      assertEquals("Riverside", transcripts.get(0).caseName());
      assertEquals(Map.of("Region", "West"), transcripts.get(0).attributes());
      assertEquals(
          List.of("Interviewer", "Rana Patel", "Interviewer"),
          transcripts.get(0).turns().stream().map(t -> t.speaker()).toList());
      assertEquals(2, transcripts.get(1).turns().size(), "an unlabelled text is read by paragraph");

      String rana = transcripts.get(0).turns().get(1).text();
      assertTrue(rana.startsWith("We paid contributors"), rana);
      List<String> expected =
          List.of(
              "Rana review -> code [power/payment] Only after the grant came.",
              "Will review -> code [jargon] ",
              "Will review -> code [power/payment, power/gatekeeping] ");
      List<String> actual = new ArrayList<>();
      for (ProjectStore.Decision d : store.latestDecisions()) {
        actual.add(
            d.coder()
                + " "
                + d.kind().label()
                + " -> "
                + d.decision().label()
                + " "
                + d.codes()
                + " "
                + d.memo());
      }
      assertEquals(expected, actual.stream().sorted().toList());

      Path back = dir.resolve("back.qdpx");
      QdpxWriter.write(store, book, false, back);
      validate(back);
      assertEquals(original, codings(back), "every coding: user, code GUID and selected text");
      String qde;
      try (ZipFile zip = new ZipFile(back.toFile())) {
        qde =
            new String(
                zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(),
                StandardCharsets.UTF_8);
      }
      for (String guid :
          List.of(
              "C0DE0000-0000-4000-8000-000000000001",
              "C0DE0000-0000-4000-8000-000000000003",
              "{0A1B2C3D-0000-4000-8000-000000000001}",
              "50000000-0000-4000-8000-000000000002",
              "5E100000-0000-4000-8000-000000000003",
              "90000000-0000-4000-8000-000000000001",
              "5E700000-0000-4000-8000-000000000001")) {
        assertTrue(qde.contains("\"" + guid + "\""), guid + " kept");
      }
      assertTrue(qde.contains("Only after the grant came."), "the note travels back");

      InputException twice =
          assertThrows(InputException.class, () -> QdpxReader.importInto(store, file, null));
      assertTrue(twice.getMessage().contains("imported into"), twice.getMessage());
    }
  }

  @Test
  void theAtlasTiSamplesImport(@TempDir Path dir) throws Exception {
    Path codes = Shared.require("refi-qda/samples/atlas-ti-23.2-codes-project.qdpx");
    try (ProjectStore store = ProjectStore.create(dir.resolve("a.aet"))) {
      QdpxReader.Imported imported = QdpxReader.importInto(store, codes, null);
      assertEquals(3, imported.codebook().codes().size());
      assertEquals(0, imported.added());
      assertEquals(
          "A182CD3A-D83C-4D8C-BC80-26D9103EC6D6",
          imported.codebook().code("commits").guid(),
          "the GUID ATLAS.ti gave is kept");
    }
    Path blank = Shared.require("refi-qda/samples/atlas-ti-23.2-blank-project.qdpx");
    try (ProjectStore store = ProjectStore.create(dir.resolve("b.aet"))) {
      QdpxReader.Imported imported = QdpxReader.importInto(store, blank, null);
      assertEquals(null, imported.codebook());
    }
  }

  @Test
  void hostileProjectsAreRefusedAndNothingOutsideTheArchiveIsRead(@TempDir Path dir)
      throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "Interviewer: the password is swordfish\n");
    String qde =
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file://"
            + secret
            + "\">]><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>";
    Path xxe = dir.resolve("xxe.qdpx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(xxe))) {
      put(zip, "project.qde", qde);
    }
    try (ProjectStore store = ProjectStore.create(dir.resolve("x.aet"))) {
      InputException e =
          assertThrows(InputException.class, () -> QdpxReader.importInto(store, xxe, null));
      assertTrue(e.getMessage().contains("refused"), e.getMessage());
      Path bare = dir.resolve("bare.qde");
      Files.writeString(bare, qde);
      InputException b =
          assertThrows(InputException.class, () -> QdpxReader.importInto(store, bare, null));
      assertTrue(b.getMessage().contains("refused"), b.getMessage());

      Path escape = dir.resolve("escape.qdpx");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(escape))) {
        put(
            zip,
            "project.qde",
            "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><Sources>"
                + "<TextSource guid=\"50000000-0000-4000-8000-000000000001\" name=\"a\""
                + " plainTextPath=\"internal://../secret.txt\"/>"
                + "<TextSource guid=\"50000000-0000-4000-8000-000000000002\" name=\"b\""
                + " plainTextPath=\"absolute://"
                + secret
                + "\"/></Sources></Project>");
      }
      QdpxReader.Imported imported = QdpxReader.importInto(store, escape, null);
      assertEquals(0, imported.added(), "no file outside the archive is read");
      assertEquals(2, imported.warnings().size(), imported.warnings().toString());
      assertTrue(store.transcripts().isEmpty());
    }
  }

  @Test
  void aSelectionOutsideItsSourceIsRefusedByItsGuidNeverClamped(@TempDir Path dir)
      throws Exception {
    int length = cp(INTERVIEW_1, INTERVIEW_1.length());
    int[][] bad = {{-5, 999999999}, {20, 10}, {10, length + 1}, {length + 3, length + 9}};
    for (int[] positions : bad) {
      String qde = NVIVO_QDE.strip().formatted(positions[0], positions[1], 0, 5, 0, 4);
      Path file = dir.resolve("bad" + positions[0] + "_" + positions[1] + ".qdpx");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
        put(zip, "project.qde", qde);
        put(zip, "sources/50000000-0000-4000-8000-000000000001.txt", INTERVIEW_1);
        put(zip, "sources/50000000-0000-4000-8000-000000000002.txt", INTERVIEW_2);
      }
      try (ProjectStore store = ProjectStore.create(dir.resolve(file.getFileName() + ".aet"))) {
        InputException e =
            assertThrows(InputException.class, () -> QdpxReader.importInto(store, file, null));
        String message = e.getMessage();
        assertTrue(message.contains("5E100000-0000-4000-8000-000000000001"), message);
        assertTrue(message.contains("Interview 1.docx"), message);
        assertTrue(message.contains(Integer.toString(length)), message);
        assertTrue(store.transcripts().isEmpty(), "nothing is brought in");
        assertEquals(List.of(), store.latestDecisions());
      }
    }
  }
}
