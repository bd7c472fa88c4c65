package org.aet.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.InputException;
import org.aet.export.ExportSession;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Evidence;
import org.aet.model.Participant;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.nlp.EntityRecogniser;
import org.aet.pipeline.CodingRun;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.pseudonym.PseudonymKey.Decision;
import org.aet.pseudonym.PseudonymKey.Entry;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.testing.Shared;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pseudonymisation of the sample corpus and of real committee hearings, with real CoreNLP. */
class PseudonymisationTest {
  private static final Path SAMPLE = Shared.repositoryRoot().resolve("corpora/partnerships");

  /** A corpus read, its names found into a key, and where its files go. */
  private record Found(
      List<Transcript> transcripts,
      List<Pseudonymisation.Source> sources,
      NameFinder.Result result,
      Map<String, List<String>> aliases) {}

  private static Found find(Path folder, PseudonymKey key, NameLists lists) throws AetException {
    Corpus corpus = Corpus.discover(List.of(folder), TranscriptReader.registry());
    List<Transcript> transcripts = ReadCorpus.read(corpus, ProgressListener.SILENT).transcripts();
    Map<String, List<String>> aliases =
        corpus.manifest() == null ? Map.of() : corpus.manifest().aliases();
    NameFinder.Result result =
        NameFinder.find(
            transcripts, aliases, lists, key, EntityRecogniser.shared(), ProgressListener.SILENT);
    return new Found(
        transcripts,
        Pseudonymisation.sources(corpus, List.of(folder), transcripts),
        result,
        aliases);
  }

  private static Pseudonymisation.Released release(Found found, PseudonymKey key, Path out)
      throws AetException {
    return Pseudonymisation.release(
        found.sources(), key, out, true, TranscriptReader.registry(), ProgressListener.SILENT);
  }

  /** Every name a speaker goes by: labels, variants and the manifest's aliases. */
  private static Set<String> speakerNames(Found found) {
    Set<String> names = new java.util.TreeSet<>();
    for (Transcript t : found.transcripts()) {
      for (Participant p : t.participants()) {
        if (NameFinder.looksLikeName(p.name())) {
          names.add(p.name());
          names.addAll(p.variants());
          found.aliases().getOrDefault(p.name(), List.of()).stream()
              .filter(NameFinder::looksLikeName)
              .forEach(names::add);
        }
      }
    }
    return names;
  }

  private static Map<String, String> files(Path folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().equals(Pseudonymisation.MARKER)) {
          out.put(folder.relativize(p).toString(), Files.readString(p));
        }
      }
    }
    return out;
  }

  private static void assertNoneOf(Set<String> names, Map<String, String> files) {
    for (String name : names) {
      Pattern word =
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      files.forEach(
          (file, text) -> {
            assertFalse(word.matcher(file).find(), "\"" + name + "\" in the file name " + file);
            assertFalse(word.matcher(text).find(), "\"" + name + "\" left in " + file);
          });
    }
  }

  @Test
  void theSampleCorpusLosesEverySpeakersNameAndKeepsItsShape(@TempDir Path dir) throws Exception {
    Found found = find(SAMPLE, PseudonymKey.EMPTY, NameLists.NONE);
    PseudonymKey key = found.result().key().acceptAll();
    Path out = dir.resolve("shared");
    Pseudonymisation.Released released = release(found, key, out);

    Map<String, String> written = files(out);
    // Every transcript and both manifest files, in their own formats, in renamed case folders.
    assertEquals(6, written.size(), written.keySet().toString());
    assertEquals(6, released.files());
    assertTrue(
        written.containsKey("[Organisation A]/leader-conversation.txt"),
        written.keySet().toString());
    assertTrue(written.get("[Organisation C]/leader-conversation.vtt").startsWith("WEBVTT"));
    Set<String> names = speakerNames(found);
    assertTrue(
        names.containsAll(List.of("Helen Ward", "HELEN WARD", "Dr Helen Ward", "Grace")),
        names.toString());
    assertNoneOf(names, written);
    assertNoneOf(Set.of("Eastmoor", "Northbrook", "Riverside", "Southvale"), written);

    // One person, one pseudonym, in every file: Helen Ward interviews in three partnerships.
    String helen = key.find("Helen Ward").orElseThrow().pseudonym();
    for (String alias : List.of("HELEN WARD", "Helen", "Dr Helen Ward", "Ward")) {
      assertEquals(helen, key.find(alias).orElseThrow().pseudonym(), alias);
    }
    long filesWithHelen = written.values().stream().filter(t -> t.contains(helen + ":")).count();
    assertTrue(filesWithHelen >= 2, "Helen Ward's pseudonym labels turns in " + filesWithHelen);

    // The copy is a corpus aet reads as it read the original: same cases, same number of turns.
    Corpus copy = Corpus.discover(List.of(out), TranscriptReader.registry());
    List<Transcript> reread = ReadCorpus.read(copy, ProgressListener.SILENT).transcripts();
    assertEquals(4, reread.size());
    Map<String, Integer> turnsBefore = new TreeMap<>();
    Pseudonymiser p = Pseudonymiser.of(key);
    found.transcripts().forEach(t -> turnsBefore.put(p.apply(t.caseName()), t.turns().size()));
    Map<String, Integer> turnsAfter = new TreeMap<>();
    reread.forEach(t -> turnsAfter.put(t.caseName(), t.turns().size()));
    assertEquals(turnsBefore, turnsAfter);
    // The original speaker labels "P1" and "I" are not names: they stay as the transcript wrote
    // them.
    assertTrue(written.get("[Organisation A]/leader-conversation.txt").contains("\nP1: "));
  }

  @Test
  void aSecondRunWithTheKeyGivesTheSameCopyAndNewNamesContinueTheNumbering(@TempDir Path dir)
      throws Exception {
    Found first = find(SAMPLE, PseudonymKey.EMPTY, NameLists.NONE);
    PseudonymKey key = first.result().key().acceptAll();
    Path keyFile = dir.resolve("private/key.csv");
    key.save(keyFile);
    release(first, key, dir.resolve("one"));

    Found second = find(SAMPLE, PseudonymKey.load(keyFile), NameLists.NONE);
    assertTrue(second.result().findings().added().isEmpty());
    assertEquals(key.replacements(), second.result().key().replacements());
    release(second, second.result().key(), dir.resolve("two"));
    assertEquals(files(dir.resolve("one")), files(dir.resolve("two")));

    // A name added to the always list gets the next pseudonym of its kind; the others keep theirs.
    Path always = dir.resolve("always.txt");
    Files.writeString(always, "# project names\norganisation: glue money\n");
    Found third = find(SAMPLE, PseudonymKey.load(keyFile), NameLists.load(always, null));
    Entry glue = third.result().key().find("glue money").orElseThrow();
    assertEquals(Decision.ACCEPTED, glue.decision());
    int highest =
        key.entries().stream()
            .mapToInt(e -> NameKind.ORGANISATION.numberIn(e.pseudonym()))
            .max()
            .orElse(0);
    assertEquals(NameKind.ORGANISATION.pseudonym(highest + 1), glue.pseudonym());
  }

  @Test
  void namesOnTheNeverListStay(@TempDir Path dir) throws Exception {
    Path never = dir.resolve("never.txt");
    Files.writeString(never, "Eastmoor\n");
    Found found = find(SAMPLE, PseudonymKey.EMPTY, NameLists.load(null, never));
    PseudonymKey key = found.result().key().acceptAll();
    assertEquals(Decision.REJECTED, key.find("Eastmoor").orElseThrow().decision());
    release(found, key, dir.resolve("out"));
    Map<String, String> written = files(dir.resolve("out"));
    assertTrue(
        written.containsKey("Eastmoor/leader-conversation.txt"), written.keySet().toString());
    assertTrue(
        written.get("Eastmoor/leader-conversation.txt").contains("co-production in Eastmoor"));
    assertNoneOf(Set.of("Northbrook", "Helen Ward"), written);
  }

  @Test
  void nothingIsReleasedUnreviewedAndAReviewWorkbookDecidesEachName(@TempDir Path dir)
      throws Exception {
    Found found = find(SAMPLE, PseudonymKey.EMPTY, NameLists.NONE);
    PseudonymKey key = found.result().key();
    assertTrue(key.unreviewed() > 0);
    Path out = dir.resolve("out");
    AetException refused = assertThrows(AetException.class, () -> release(found, key, out));
    assertTrue(refused.getMessage().contains("not been reviewed"), refused.getMessage());
    assertFalse(Files.exists(out));

    Path review = dir.resolve("review.xlsx");
    PseudonymReview.write(key, found.result().findings().contexts(), review);
    // A person accepts everything, rejects the programme name CLAHRC and corrects Eastmoor.
    try (InputStream in = Files.newInputStream(review);
        Workbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet(PseudonymReview.SHEET);
      assertTrue(sheet.getProtect());
      for (Row row : sheet) {
        if (row.getRowNum() == 0) {
          continue;
        }
        String name = row.getCell(0).getStringCellValue();
        String decision =
            name.equals("CLAHRC") ? "reject" : name.equals("Eastmoor") ? "correct" : "accept";
        row.getCell(PseudonymReview.HEADERS.indexOf("Decision")).setCellValue(decision);
        if (name.equals("Eastmoor")) {
          row.getCell(PseudonymReview.HEADERS.indexOf("Pseudonym")).setCellValue("[Partnership E]");
        }
      }
      try (OutputStream o = Files.newOutputStream(review)) {
        workbook.write(o);
      }
    }
    PseudonymKey reviewed = PseudonymReview.apply(review, key);
    assertEquals(0, reviewed.unreviewed());
    assertEquals("[Partnership E]", reviewed.find("Eastmoor").orElseThrow().pseudonym());
    if (reviewed.find("CLAHRC").isPresent()) {
      assertEquals(Decision.REJECTED, reviewed.find("CLAHRC").orElseThrow().decision());
    }
    release(found, reviewed, out);
    String eastmoor = files(out).get("[Partnership E]/leader-conversation.txt");
    assertTrue(eastmoor.contains("co-production in [Partnership E]"), eastmoor);
  }

  @Test
  void aReviewThatWouldLeakANameIsRefusedWithItsCell(@TempDir Path dir) throws Exception {
    PseudonymKey key =
        new PseudonymKey(
            List.of(
                new Entry(
                    "Helen Ward",
                    "Participant 1",
                    NameKind.SPEAKER,
                    "speaker label",
                    Double.NaN,
                    Decision.PROPOSED,
                    1,
                    "x"),
                new Entry(
                    "Tom Price",
                    "Participant 2",
                    NameKind.SPEAKER,
                    "speaker label",
                    Double.NaN,
                    Decision.PROPOSED,
                    1,
                    "x")));
    Path review = dir.resolve("review.xlsx");
    PseudonymReview.write(key, Map.of(), review);
    try (InputStream in = Files.newInputStream(review);
        Workbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet(PseudonymReview.SHEET);
      sheet.getRow(1).getCell(7).setCellValue("Helen Ward's colleague");
      sheet.getRow(1).getCell(8).setCellValue("correct");
      sheet.getRow(2).getCell(8).setCellValue("maybe");
      try (OutputStream o = Files.newOutputStream(review)) {
        workbook.write(o);
      }
    }
    InputException e = assertThrows(InputException.class, () -> PseudonymReview.apply(review, key));
    assertTrue(e.getMessage().contains("Names!I3: unknown decision \"maybe\""), e.getMessage());
    assertTrue(e.getMessage().contains("contains the real name \"Helen Ward\""), e.getMessage());
  }

  @Test
  void codingsStayOnTheSameWords() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    List<CodedTranscript> coded = new ArrayList<>();
    ExportSession collect =
        new ExportSession() {
          @Override
          public void write(CodedTranscript c) {
            coded.add(c);
          }

          @Override
          public void finish() {}

          @Override
          public void close() {}
        };
    new CodingRun(
            CoreNlpAnnotator.shared(),
            new Segmenter(SegmentUnit.SENTENCE),
            new RuleCoder(book),
            book,
            2)
        .run(
            ReadCorpus.read(
                Corpus.discover(List.of(SAMPLE), TranscriptReader.registry()),
                ProgressListener.SILENT),
            collect,
            ProgressListener.SILENT);
    Found found = find(SAMPLE, PseudonymKey.EMPTY, NameLists.NONE);
    Pseudonymiser pseudonymiser = Pseudonymiser.of(found.result().key().acceptAll());
    int namesInSegments = 0;
    int evidence = 0;
    for (CodedTranscript before : coded) {
      CodedTranscript after = pseudonymiser.apply(before);
      String text = after.transcript().text();
      assertEquals(pseudonymiser.apply(before.transcript().text()), text);
      Map<String, Segment> byId = new HashMap<>();
      for (int i = 0; i < before.segments().size(); i++) {
        Segment old = before.segments().get(i);
        Segment now = after.segments().get(i);
        assertEquals(pseudonymiser.apply(old.text()), now.text(), old.id());
        assertEquals(now.text(), now.span().of(text), old.id());
        if (!now.text().equals(old.text())) {
          namesInSegments++;
        }
        byId.put(now.id(), now);
      }
      assertEquals(before.codings().size(), after.codings().size());
      for (int i = 0; i < before.codings().size(); i++) {
        Coding old = before.codings().get(i);
        Coding now = after.codings().get(i);
        Segment segment = byId.get(now.segmentId());
        assertEquals(old.codeId(), now.codeId());
        for (int k = 0; k < old.evidence().size(); k++) {
          Evidence was = old.evidence().get(k);
          Evidence is = now.evidence().get(k);
          assertEquals(pseudonymiser.apply(was.text()), is.text());
          assertTrue(segment.span().contains(is.span()), is + " outside " + segment.span());
          evidence++;
        }
      }
    }
    assertTrue(namesInSegments > 5, "segments with a name: " + namesInSegments);
    assertTrue(evidence > 50, "evidence checked: " + evidence);
  }

  @Test
  void aWordDocumentBecomesJsonLinesWithNoNameLeft(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("in"));
    try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
        OutputStream out =
            Files.newOutputStream(folder.resolve("interview with Helen Ward.docx"))) {
      for (String line :
          List.of(
              "Helen Ward: Thank you for coming all the way from Cardiff, Margaret.",
              "Margaret Osei: Tom Price drove me; he works for Cardiff University now.")) {
        document.createParagraph().createRun().setText(line);
      }
      document.write(out);
    }
    Found found = find(folder, PseudonymKey.EMPTY, NameLists.NONE);
    PseudonymKey key = found.result().key().acceptAll();
    release(found, key, dir.resolve("out"));
    Map<String, String> written = files(dir.resolve("out"));
    String name = "interview with " + key.find("Helen Ward").orElseThrow().pseudonym() + ".jsonl";
    assertEquals(Set.of(name), written.keySet());
    assertNoneOf(Set.of("Helen Ward", "Margaret", "Osei", "Cardiff", "Tom Price"), written);
    assertTrue(written.get(name).contains("\"speaker\":\"Participant "), written.get(name));
  }

  @Test
  void aNameInAnyCaseOrWithoutItsApostropheIsOnePersonAndLeavesNoTrace(@TempDir Path dir)
      throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(
        corpus.resolve("meeting.txt"),
        "John Smith: Good morning. I spoke to sarah oconnor about the budget yesterday.\n"
            + "Sarah O'Connor: Yes. JOHN SMITH wrote to me, and Sarah O\u2019Connor agreed.\n"
            + "John Smith: Then SARAH O'CONNOR and john smith will meet the board.\n");
    Found found = find(corpus, PseudonymKey.EMPTY, NameLists.NONE);
    PseudonymKey key = found.result().key().acceptAll();
    String john = key.find("John Smith").orElseThrow().pseudonym();
    assertEquals("Participant", john.replaceAll(" \\d+$", ""), john);
    for (Entry e : key.entries()) {
      if (e.original().toLowerCase(java.util.Locale.ROOT).contains("smith")) {
        assertEquals(john, e.pseudonym(), "one person, one pseudonym: " + e);
      }
    }
    release(found, key, dir.resolve("out"));
    String copy = files(dir.resolve("out")).get("meeting.txt");
    Pattern left = Pattern.compile("(?i)smith|sarah|o.?connor");
    assertFalse(left.matcher(copy).find(), copy);
    assertTrue(copy.contains(john + " will meet the board"), copy);
    // The read-back check matches as the replacement does: lower case, no apostrophe.
    assertEquals(
        2, Pseudonymiser.of(key).remaining("sarah oconnor and JOHN SMITH").size(), key.toString());
  }

  @Test
  void realCommitteeHearingsLoseEverySpeakersName(@TempDir Path dir) throws Exception {
    Path senedd = Shared.require("external/senedd-committees");
    Found found = find(senedd, PseudonymKey.EMPTY, NameLists.NONE);
    PseudonymKey key = found.result().key().acceptAll();
    release(found, key, dir.resolve("out"));
    Map<String, String> written = files(dir.resolve("out"));
    assertEquals(3, written.size(), written.keySet().toString());
    Set<String> names = new java.util.TreeSet<>(speakerNames(found));
    assertTrue(names.contains("Lynne Neagle AM"), names.toString());
    // Their names without titles too, as the members address each other.
    names.addAll(List.of("Lynne Neagle", "Vaughan Gething", "Frank Atherton", "Jean White"));
    assertNoneOf(names, written);
    // Consistent across files: the chair of all three sessions has one pseudonym everywhere.
    String chair = key.find("Lynne Neagle AM").orElseThrow().pseudonym();
    assertEquals(3, written.values().stream().filter(t -> t.contains("\"" + chair + "\"")).count());
    // People CoreNLP finds in what was said are replaced as well.
    assertTrue(
        key.entries().stream()
            .anyMatch(e -> e.foundBy().equals("CoreNLP") && e.kind() == NameKind.PERSON),
        "no person found by CoreNLP");
  }
}
