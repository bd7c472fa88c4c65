package org.aet.refiqda;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.model.Participant;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.pipeline.ProgressListener;
import org.aet.project.DecisionKind;
import org.aet.project.ExchangeRecords;
import org.aet.project.ProjectAgreement;
import org.aet.project.ProjectStore;
import org.aet.project.Verdict;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;

/**
 * Brings a REFI-QDA project ({@code .qdpx}, or a bare {@code .qde} with its {@code sources} folder
 * beside it) from NVivo, ATLAS.ti, MAXQDA or aet into an aet project: its text sources as
 * transcripts, its codebook, and every coding as a decision of its REFI-QDA user, so the team can
 * measure agreement or train on it.
 *
 * <p><b>Selections onto segments.</b> A selection is kept exactly as it was (for exporting back);
 * for agreement and training it codes each turn it covers at least half of, and the turn that holds
 * the largest part of it. The project document is read as a stream, one source at a time. What aet
 * cannot carry (PDF, picture, audio and video sources, sets of documents, links, graphs, variables
 * it cannot read) is counted in a warning, never dropped silently.
 */
public final class QdpxReader {
  private QdpxReader() {}

  /**
   * What an import did.
   *
   * @param importId the id its decisions carry as their export id, and its run's id
   * @param codebook the codebook it brought, or null when the project had none
   * @param added transcripts added; {@code unchanged} were there already with the same text
   * @param decisions coders' decisions recorded (one per coder and turn)
   * @param warnings what a person should know: what was not brought in, and why
   */
  public record Imported(
      String importId,
      Codebook codebook,
      int added,
      int unchanged,
      int selections,
      int decisions,
      List<String> coders,
      List<String> warnings) {}

  /** A selection as read, before codes and users are resolved; offsets in UTF-16 units. */
  private record RawSelection(
      String transcriptId,
      String guid,
      String name,
      int start,
      int end,
      String user,
      List<RawCoding> codings,
      List<String> noteGuids) {}

  /** One coding of a selection as read: its GUID, its code's GUID and its user's GUID. */
  private record RawCoding(String guid, String codeGuid, String user) {}

  /** Everything read from the project document. */
  private static final class Read {
    String origin = "";
    final Map<String, String> users = new LinkedHashMap<>();
    final Map<String, String> userGuids = new LinkedHashMap<>();
    XmlElement codes;
    XmlElement sets;
    final Map<String, String> variables = new HashMap<>();
    final Set<String> transcriptIds = new HashSet<>();
    final List<XmlElement> cases = new ArrayList<>();
    final List<Transcript> transcripts = new ArrayList<>();
    final List<ExchangeRecords.Source> sources = new ArrayList<>();
    final Map<String, String> transcriptBySourceGuid = new HashMap<>();
    final Map<String, List<XmlElement>> sourceValues = new HashMap<>();
    final List<RawSelection> selections = new ArrayList<>();
    final Map<String, String> notes = new HashMap<>();
    final Map<String, Integer> skipped = new TreeMap<>();
    final List<String> warnings = new ArrayList<>();
    final List<Diagnostic> errors = new ArrayList<>();
  }

  /**
   * Imports {@code file} into {@code store}.
   *
   * @param codebookName the name for a codebook aet did not write (default: the file's name)
   * @throws InputException when the file is not a readable REFI-QDA project, is refused as hostile,
   *     or was imported already
   */
  public static Imported importInto(ProjectStore store, Path file, String codebookName)
      throws AetException {
    return importInto(store, read(file, codebookName));
  }

  /**
   * A project file read and checked, ready to import: everything that can be wrong with the file is
   * found before a project is opened.
   */
  public static final class Prepared {
    private final Path file;
    private final String importId;
    private final Read read;
    private final Codebook codebook;
    private final Map<String, String> pathByGuid;
    private final List<String> warnings;

    private Prepared(
        Path file,
        String importId,
        Read read,
        Codebook codebook,
        Map<String, String> pathByGuid,
        List<String> warnings) {
      this.file = file;
      this.importId = importId;
      this.read = read;
      this.codebook = codebook;
      this.pathByGuid = pathByGuid;
      this.warnings = warnings;
    }
  }

  /**
   * Reads and checks {@code file}.
   *
   * @param codebookName the name for a codebook aet did not write (default: the file's name)
   * @throws InputException when the file is not a readable REFI-QDA project or is refused as
   *     hostile
   */
  public static Prepared read(Path file, String codebookName) throws AetException {
    boolean archive = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdpx");
    String importId = "import-" + fingerprint(file);
    Read read = new Read();
    if (archive) {
      try (ZipFile zip = Qdpx.open(file)) {
        ZipEntry entry = Qdpx.projectEntry(file, zip);
        try (InputStream in = zip.getInputStream(entry)) {
          readProject(file, in, read, path -> entryText(zip, path));
        }
      } catch (IOException e) {
        throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
      }
    } else {
      Path folder = file.toAbsolutePath().getParent().resolve("sources").normalize();
      try (InputStream in = Files.newInputStream(file)) {
        readProject(file, in, read, path -> folderText(folder, path));
      } catch (IOException e) {
        throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
      }
    }

    Codebook codebook = null;
    List<String> warnings = new ArrayList<>(read.warnings);
    Map<String, String> pathByGuid = new HashMap<>();
    if (read.codes != null && !read.codes.children("Code").isEmpty()) {
      String name = codebookName != null ? codebookName : RefiQdaCodebook.defaultName(file);
      RefiQdaCodebook.Imported book =
          RefiQdaCodebook.fromTree(file, read.codes, read.sets, read.origin, name);
      codebook = book.codebook();
      warnings.addAll(book.warnings());
      for (Code code : codebook.codes()) {
        pathByGuid.put(
            RefiQdaCodebook.normal(RefiQdaCodebook.guid(codebook, code)), codebook.path(code.id()));
      }
    }
    applyCases(read);
    return new Prepared(file, importId, read, codebook, pathByGuid, warnings);
  }

  /**
   * Imports what {@link #read} found into {@code store}.
   *
   * @throws InputException when this very file was imported into the project already
   */
  public static Imported importInto(ProjectStore store, Prepared prepared) throws AetException {
    Read read = prepared.read;
    Map<String, String> texts = checkAgainst(store, prepared);
    Map<String, Integer> added = addTranscripts(store, read.transcripts, texts);
    Turns turns = Turns.of(read.transcripts);
    Placed placed = place(prepared, turns);
    List<String> warnings = new ArrayList<>(prepared.warnings);
    warnings.addAll(placed.warnings());
    List<ProjectStore.Decision> decisions = List.of();
    Codebook codebook = prepared.codebook;
    if (codebook != null) {
      decisions = decisions(prepared, placed);
      store.addCodebook(codebook);
      store.addRun(prepared.importId, turns.all(), SegmentUnit.TURN, List.of(), codebook);
      store.addDecisions(decisions, prepared.importId, ProgressListener.SILENT);
    } else if (!read.selections.isEmpty()) {
      warnings.add("the project has codings but no codebook, so no decisions were recorded");
    }
    store.exchange().add(read.sources, placed.kept(), read.userGuids);
    read.skipped.forEach(
        (what, count) ->
            warnings.add(
                count + " " + what + " not brought in: aet keeps text sources and their codings"));
    return new Imported(
        prepared.importId,
        codebook,
        added.getOrDefault("NEW", 0),
        added.getOrDefault("UNCHANGED", 0),
        placed.kept().size(),
        decisions.size(),
        List.copyOf(placed.codesByUser().keySet()),
        warnings);
  }

  /**
   * The project's transcripts' texts, by id, once checked that this file was not imported already
   * and that no source of it has another text than the project's transcript of that name (a
   * transcript already there is compared by its text, as the project hashed the file it came from).
   */
  private static Map<String, String> checkAgainst(ProjectStore store, Prepared prepared)
      throws AetException {
    Path file = prepared.file;
    if (store.run(prepared.importId) != null) {
      throw new InputException(
          Diagnostic.fileError(
              file,
              "this very file was imported into "
                  + store.file()
                  + " already; its codings are there (importing it again would count them twice)"));
    }
    Map<String, String> texts = new HashMap<>();
    store.transcripts().forEach(t -> texts.put(t.id(), t.text()));
    for (Transcript t : prepared.read.transcripts) {
      if (texts.containsKey(t.id()) && !texts.get(t.id()).equals(t.text())) {
        throw new InputException(
            Diagnostic.fileError(
                file,
                "the source \""
                    + t.id()
                    + "\" has other text than the transcript of that name in "
                    + store.file()
                    + ", whose codings refer to its own text; nothing was imported (import into a"
                    + " new project, or rename one of them)"));
      }
    }
    return texts;
  }

  /** Adds the transcripts the project does not hold yet; counts by {@code Added.Outcome} name. */
  private static Map<String, Integer> addTranscripts(
      ProjectStore store, List<Transcript> transcripts, Map<String, String> texts)
      throws AetException {
    Map<String, Integer> added = new HashMap<>();
    for (Transcript t : transcripts) {
      if (texts.containsKey(t.id())) {
        added.merge("UNCHANGED", 1, Integer::sum);
        continue;
      }
      String hash = Hashing.sha256().hashString(t.text(), StandardCharsets.UTF_8).toString();
      added.merge(store.addTranscript(t, hash).outcome().name(), 1, Integer::sum);
    }
    return added;
  }

  /**
   * The turns of the imported transcripts, by transcript and all together: what selections code.
   */
  private record Turns(Map<String, List<Segment>> byTranscript, List<Segment> all) {
    static Turns of(List<Transcript> transcripts) {
      Segmenter segmenter = new Segmenter(SegmentUnit.TURN);
      Map<String, List<Segment>> byTranscript = new LinkedHashMap<>();
      List<Segment> all = new ArrayList<>();
      for (Transcript t : transcripts) {
        List<Segment> turns = segmenter.segment(t, new TextAnnotation(List.of(), List.of()));
        byTranscript.put(t.id(), turns);
        all.addAll(turns);
      }
      return new Turns(byTranscript, all);
    }
  }

  /**
   * The selections placed on turns: those kept for export, and each coder's codes and memos by
   * segment; {@code warnings} say what was left out.
   */
  private record Placed(
      List<ExchangeRecords.Selection> kept,
      Map<String, Map<String, List<String>>> codesByUser,
      Map<String, Map<String, List<String>>> memosByUser,
      List<String> warnings) {}

  /** Places every coder's selection on the turns it codes (aet's own suggestions left out). */
  private static Placed place(Prepared prepared, Turns turns) {
    Read read = prepared.read;
    Map<String, TextLayout> layouts = new HashMap<>();
    read.sources.forEach(
        s -> layouts.put(s.transcriptId(), new TextLayout(s.plainText(), s.blocks())));
    Placed placed =
        new Placed(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), List.of());
    int unknownCodes = 0;
    int machine = 0;
    int unplaced = 0;
    for (RawSelection s : read.selections) {
      String coder = read.users.getOrDefault(RefiQdaCodebook.normal(s.user()), s.user());
      if (coder.equals(QdpxWriter.MACHINE_USER)) {
        machine++;
        continue;
      }
      Span aet = layouts.get(s.transcriptId()).toAet(s.start(), s.end());
      List<String> segmentIds =
          aet == null ? List.of() : onto(aet, turns.byTranscript().get(s.transcriptId()));
      if (segmentIds.isEmpty()) {
        unplaced++;
      }
      unknownCodes += keep(prepared, s, coder, segmentIds, placed);
    }
    return new Placed(
        placed.kept(),
        placed.codesByUser(),
        placed.memosByUser(),
        placementWarnings(unknownCodes, machine, unplaced));
  }

  /**
   * Keeps each coding of selection {@code s} (a selection without codings as one without a code)
   * and adds its code and notes to its coder's segments; returns how many name a code the codebook
   * does not have (left out).
   */
  private static int keep(
      Prepared prepared, RawSelection s, String coder, List<String> segmentIds, Placed placed) {
    Read read = prepared.read;
    List<ExchangeRecords.Note> notes = new ArrayList<>();
    for (String guid : s.noteGuids()) {
      String text = read.notes.get(RefiQdaCodebook.normal(guid));
      if (text != null) {
        notes.add(new ExchangeRecords.Note(guid, text));
      }
    }
    int unknownCodes = 0;
    List<RawCoding> codings =
        s.codings().isEmpty() ? List.of(new RawCoding("", "", s.user())) : s.codings();
    for (RawCoding coding : codings) {
      String who = read.users.getOrDefault(RefiQdaCodebook.normal(coding.user()), coder);
      String path = prepared.pathByGuid.get(RefiQdaCodebook.normal(coding.codeGuid()));
      if (!coding.codeGuid().isEmpty() && path == null) {
        unknownCodes++;
        continue;
      }
      placed
          .kept()
          .add(
              new ExchangeRecords.Selection(
                  prepared.importId,
                  s.transcriptId(),
                  s.guid(),
                  s.name(),
                  s.start(),
                  s.end(),
                  who,
                  coding.guid(),
                  coding.codeGuid(),
                  notes,
                  segmentIds));
      for (String segment : segmentIds) {
        addTo(placed.codesByUser(), who, segment, path == null ? List.of() : List.of(path));
        addTo(
            placed.memosByUser(),
            who,
            segment,
            notes.stream().map(ExchangeRecords.Note::text).toList());
      }
    }
    return unknownCodes;
  }

  /** Adds {@code values} not there yet to a coder's list for a segment (made when missing). */
  private static void addTo(
      Map<String, Map<String, List<String>>> byUser,
      String who,
      String segment,
      List<String> values) {
    List<String> list =
        byUser
            .computeIfAbsent(who, k -> new LinkedHashMap<>())
            .computeIfAbsent(segment, k -> new ArrayList<>());
    values.stream().filter(v -> !list.contains(v)).forEach(list::add);
  }

  private static List<String> placementWarnings(int unknownCodes, int machine, int unplaced) {
    List<String> warnings = new ArrayList<>();
    if (unknownCodes > 0) {
      warnings.add(
          unknownCodes + " coding(s) name a code that is not in the codebook; not brought in");
    }
    if (machine > 0) {
      warnings.add(
          machine
              + " selection(s) of aet's machine suggestions were left out: they are not a coder's");
    }
    if (unplaced > 0) {
      warnings.add(
          unplaced
              + " selection(s) cover no spoken words (a speaker label or a time alone), so they code"
              + " no turn; they are kept for export");
    }
    return warnings;
  }

  /** One decision per coder and segment: the codes placed there, or a memo alone. */
  private static List<ProjectStore.Decision> decisions(Prepared prepared, Placed placed) {
    Codebook codebook = prepared.codebook;
    List<ProjectStore.Decision> decisions = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<String>>> user : placed.codesByUser().entrySet()) {
      boolean consensus = user.getKey().equals(ProjectAgreement.CONSENSUS);
      for (Map.Entry<String, List<String>> segment : user.getValue().entrySet()) {
        String memo =
            String.join("\n\n", placed.memosByUser().get(user.getKey()).get(segment.getKey()));
        decisions.add(
            new ProjectStore.Decision(
                segment.getKey(),
                user.getKey(),
                consensus ? DecisionKind.CONSENSUS : DecisionKind.REVIEW,
                segment.getValue().isEmpty() ? Verdict.MEMO : Verdict.CODE,
                segment.getValue(),
                memo,
                prepared.file.getFileName().toString(),
                codebook.version(),
                prepared.importId));
      }
    }
    return decisions;
  }

  /**
   * The turns a selection codes: each one it covers at least half of, and the one holding the
   * largest part of it.
   */
  static List<String> onto(Span selection, List<Segment> turns) {
    List<String> ids = new ArrayList<>();
    Segment largest = null;
    int most = 0;
    for (Segment turn : turns) {
      int overlap =
          Math.min(selection.end(), turn.span().end())
              - Math.max(selection.begin(), turn.span().begin());
      if (overlap <= 0) {
        continue;
      }
      if (overlap > most) {
        most = overlap;
        largest = turn;
      }
      if (2 * overlap >= turn.span().length()) {
        ids.add(turn.id());
      }
    }
    if (largest != null && !ids.contains(largest.id())) {
      ids.add(largest.id());
    }
    return ids;
  }

  /** Reads a source's text given its {@code plainTextPath}; null when it cannot be found. */
  private interface TextFinder {
    String text(String path) throws IOException;
  }

  /**
   * Reads the project document as a stream: the {@code <Project>} element, its text sources one by
   * one (other kinds of source counted as skipped), and its users, codebook, variables, cases,
   * notes and sets as trees.
   */
  private static void readProject(Path file, InputStream in, Read read, TextFinder texts)
      throws AetException, IOException {
    XMLStreamReader reader = XmlElement.open(file, in);
    int depth = 0;
    boolean sawProject = false;
    for (int event = XmlElement.next(file, reader);
        event != XMLStreamConstants.END_DOCUMENT;
        event = XmlElement.next(file, reader)) {
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      depth++;
      if (depth == 1) {
        readRoot(file, reader, read);
        sawProject = true;
      } else if (depth == 3 && readSourceElement(file, reader, read, texts)) {
        depth--;
      } else if (depth == 2 && readPart(file, reader, read, texts)) {
        depth--;
      }
    }
    if (!sawProject) {
      throw new InputException(Diagnostic.fileError(file, "no REFI-QDA <Project> in this file"));
    }
    if (!read.errors.isEmpty()) {
      throw new InputException(read.errors);
    }
  }

  /**
   * The document's root: a {@code <Project>}, whose {@code origin} names the tool that wrote it.
   */
  private static void readRoot(Path file, XMLStreamReader reader, Read read) throws InputException {
    String local = reader.getLocalName();
    if (!local.equals("Project")) {
      throw new InputException(
          Diagnostic.error(
              file,
              reader.getLocation().getLineNumber(),
              0,
              "expected a REFI-QDA <Project>, found <" + local + ">",
              ""));
    }
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      if (reader.getAttributeLocalName(i).equals("origin")) {
        read.origin = reader.getAttributeValue(i);
      }
    }
  }

  /**
   * A source inside {@code <Sources>}: a text source read, another kind counted as skipped; true
   * when the element was consumed, false when it is not a source.
   */
  private static boolean readSourceElement(
      Path file, XMLStreamReader reader, Read read, TextFinder texts)
      throws AetException, IOException {
    String local = reader.getLocalName();
    if (local.equals("TextSource")) {
      readSource(file, XmlElement.read(file, reader), read, texts);
      return true;
    }
    if (List.of("PDFSource", "PictureSource", "AudioSource", "VideoSource").contains(local)) {
      String kind =
          local.equals("PDFSource") ? "PDF" : local.replace("Source", "").toLowerCase(Locale.ROOT);
      read.skipped.merge(kind + " source(s)", 1, Integer::sum);
      RefiQdaCodebook.skip(file, reader);
      return true;
    }
    return false;
  }

  /**
   * A part of the project (users, codebook, variables, cases, notes, sets; links and graphs counted
   * as skipped); true when the element was consumed, false for {@code <Sources>}, whose sources are
   * read one by one.
   */
  private static boolean readPart(Path file, XMLStreamReader reader, Read read, TextFinder texts)
      throws AetException, IOException {
    String local = reader.getLocalName();
    switch (local) {
      case "Sources" -> {
        return false;
      }
      case "Users" -> readUsers(XmlElement.read(file, reader), read);
      case "CodeBook" -> read.codes = XmlElement.read(file, reader).child("Codes");
      case "Variables" -> {
        for (XmlElement v : XmlElement.read(file, reader).children("Variable")) {
          read.variables.put(RefiQdaCodebook.normal(v.attribute("guid")), v.attribute("name"));
        }
      }
      case "Cases" -> read.cases.addAll(XmlElement.read(file, reader).children("Case"));
      case "Notes" -> readNotes(XmlElement.read(file, reader), read, texts);
      case "Sets" -> read.sets = XmlElement.read(file, reader);
      case "Links", "Graphs" -> {
        int count = XmlElement.read(file, reader).children().size();
        read.skipped.merge(
            local.toLowerCase(Locale.ROOT).replaceAll("s$", "") + "(s)", count, Integer::sum);
      }
      case "NoteRef" -> {
        read.skipped.merge("note(s) about the whole project", 1, Integer::sum);
        RefiQdaCodebook.skip(file, reader);
      }
      default -> RefiQdaCodebook.skip(file, reader);
    }
    return true;
  }

  /** Each user's name (their id or GUID when they have none), by GUID. */
  private static void readUsers(XmlElement users, Read read) {
    for (XmlElement user : users.children("User")) {
      String name =
          user.attribute("name").isBlank() ? user.attribute("id") : user.attribute("name");
      String shown = name.isBlank() ? user.attribute("guid") : name.strip();
      read.users.put(RefiQdaCodebook.normal(user.attribute("guid")), shown);
      read.userGuids.putIfAbsent(shown, user.attribute("guid"));
    }
  }

  /** Each note's text (in the document or in the file it names), by GUID. */
  private static void readNotes(XmlElement notes, Read read, TextFinder texts) throws IOException {
    for (XmlElement note : notes.children("Note")) {
      String text = note.childText("PlainTextContent");
      if (text.isEmpty() && !note.attribute("plainTextPath").isEmpty()) {
        text = Objects.requireNonNullElse(texts.text(note.attribute("plainTextPath")), "");
      }
      read.notes.put(RefiQdaCodebook.normal(note.attribute("guid")), text.strip());
    }
  }

  private static void readSource(Path file, XmlElement source, Read read, TextFinder texts)
      throws AetException, IOException {
    String name = source.attribute("name").strip();
    String text = source.childText("PlainTextContent");
    String path = source.attribute("plainTextPath");
    if (text.isEmpty() && !path.isEmpty()) {
      text = texts.text(path);
    }
    if (text == null || (text.isEmpty() && path.isEmpty())) {
      read.warnings.add(
          "the text source \""
              + name
              + "\" (line "
              + source.line()
              + ") has no plain text in the file"
              + (path.isEmpty() ? "" : " (" + path + " is not inside it)")
              + "; not brought in");
      return;
    }
    String id = name.replaceFirst("\\.(txt|docx?|rtf|pdf|odt)$", "");
    id = id.isBlank() ? "source" : id;
    String unique = id;
    for (int n = 2; read.transcriptIds.contains(unique); n++) {
      unique = id + "-" + n;
    }
    Transcript transcript = transcript(file, unique, text, source.childText("Description"));
    TextLayout layout = TextLayout.align(transcript, text);
    read.transcripts.add(transcript);
    read.transcriptIds.add(unique);
    read.transcriptBySourceGuid.put(RefiQdaCodebook.normal(source.attribute("guid")), unique);
    read.sources.add(
        new ExchangeRecords.Source(unique, source.attribute("guid"), name, text, layout.blocks()));
    read.sourceValues.put(unique, source.children("VariableValue"));
    int length = text.codePointCount(0, text.length());
    for (XmlElement s : source.children("PlainTextSelection")) {
      long start = position(s.attribute("startPosition"));
      long end = position(s.attribute("endPosition"));
      if (start < 0 || end < start || end > length) {
        read.errors.add(outside(file, s, name, start, end, length));
        continue;
      }
      if (end == start) {
        read.warnings.add(
            "a selection at line " + s.line() + " of " + file.getFileName() + " is empty; skipped");
        continue;
      }
      List<RawCoding> codings = new ArrayList<>();
      for (XmlElement c : s.children("Coding")) {
        XmlElement ref = c.child("CodeRef");
        codings.add(
            new RawCoding(
                c.attribute("guid"),
                ref == null ? "" : ref.attribute("targetGUID"),
                c.attribute("creatingUser").isEmpty()
                    ? s.attribute("creatingUser")
                    : c.attribute("creatingUser")));
      }
      read.selections.add(
          new RawSelection(
              unique,
              s.attribute("guid"),
              s.attribute("name"),
              text.offsetByCodePoints(0, (int) start),
              text.offsetByCodePoints(0, (int) end),
              s.attribute("creatingUser"),
              codings,
              s.children("NoteRef").stream().map(n -> n.attribute("targetGUID")).toList()));
    }
    if (!source.children("Coding").isEmpty()) {
      read.skipped.merge(
          "coding(s) of whole sources", source.children("Coding").size(), Integer::sum);
    }
  }

  /** A selection's position as written, or -1 when it is not a whole number. */
  private static long position(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * A selection that does not lie inside its source's text: refused rather than clamped, since
   * clamping would apply its codes to text nobody selected (the whole source, say).
   */
  private static Diagnostic outside(
      Path file, XmlElement s, String source, long start, long end, int length) {
    String where =
        "startPosition=\""
            + s.attribute("startPosition")
            + "\" endPosition=\""
            + s.attribute("endPosition")
            + "\"";
    String why =
        start < 0
            ? "starts before the text"
            : end < start ? "ends before it starts" : "ends after the text";
    return Diagnostic.error(
        file,
        s.line(),
        0,
        "the selection "
            + s.attribute("guid")
            + " of the source \""
            + source
            + "\" ("
            + where
            + ") "
            + why
            + ", which has "
            + length
            + " characters (positions 0 to "
            + length
            + "); the file was written wrongly or belongs with another text."
            + " Nothing was brought in",
        "");
  }

  /**
   * The transcript of a source's text: turns from its speaker labels; a text without any label is
   * taken paragraph by paragraph, so selections still fall into turns of a readable size. Roles
   * come back from the {@code Speakers:} description aet writes.
   */
  private static Transcript transcript(Path file, String id, String text, String description)
      throws AetException {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    Path where = Path.of(file + "!" + id);
    Transcript read =
        new PlainTextReader().read(new SourceText(where, id, "", normalised, "UTF-8")).transcript();
    if (read.turns().size() == 1 && read.turns().get(0).speaker().equals(Turn.UNKNOWN_SPEAKER)) {
      read = paragraphs(where, id, normalised);
    }
    Map<String, String> roles = new HashMap<>();
    if (description.startsWith(QdpxWriter.SPEAKERS)) {
      for (String person : description.substring(QdpxWriter.SPEAKERS.length()).split("; ")) {
        int open = person.lastIndexOf(" (");
        if (open > 0 && person.endsWith(")")) {
          roles.put(person.substring(0, open), person.substring(open + 2, person.length() - 1));
        }
      }
    }
    List<Participant> people = new ArrayList<>();
    for (Participant p : read.participants()) {
      people.add(new Participant(p.name(), roles.getOrDefault(p.name(), p.role()), p.variants()));
    }
    return new Transcript(
        read.id(), read.source(), "qdpx", "", Map.of(), people, read.text(), read.turns());
  }

  private static Transcript paragraphs(Path where, String id, String text) {
    StringBuilder out = new StringBuilder();
    List<Turn> turns = new ArrayList<>();
    int line = 1;
    for (String paragraph : text.split("\n\\s*\n")) {
      String words = paragraph.strip();
      if (!words.isEmpty()) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        int begin = out.length();
        out.append(words);
        turns.add(
            new Turn(
                turns.size(),
                Turn.UNKNOWN_SPEAKER,
                null,
                null,
                words,
                new Span(begin, out.length()),
                line));
      }
      line += paragraph.split("\n", -1).length + 1;
    }
    return new Transcript(
        id,
        where,
        "qdpx",
        "",
        Map.of(),
        turns.isEmpty() ? List.of() : List.of(new Participant(Turn.UNKNOWN_SPEAKER, "")),
        out.toString(),
        turns);
  }

  /** Gives each transcript its case and attributes, from the cases and the sources' own values. */
  private static void applyCases(Read read) {
    Map<String, String> caseOf = new HashMap<>();
    Map<String, Map<String, String>> values = new HashMap<>();
    int unknown = 0;
    for (XmlElement c : read.cases) {
      Map<String, String> caseValues = new LinkedHashMap<>();
      unknown += values(c.children("VariableValue"), read.variables, caseValues);
      for (XmlElement ref : c.children("SourceRef")) {
        String id =
            read.transcriptBySourceGuid.get(RefiQdaCodebook.normal(ref.attribute("targetGUID")));
        if (id != null && !caseOf.containsKey(id)) {
          caseOf.put(id, c.attribute("name").strip());
          values.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(caseValues);
        }
      }
    }
    for (int i = 0; i < read.transcripts.size(); i++) {
      Transcript t = read.transcripts.get(i);
      Map<String, String> attributes = values.computeIfAbsent(t.id(), k -> new LinkedHashMap<>());
      unknown +=
          values(read.sourceValues.getOrDefault(t.id(), List.of()), read.variables, attributes);
      read.transcripts.set(
          i,
          new Transcript(
              t.id(),
              t.source(),
              t.format(),
              caseOf.getOrDefault(t.id(), ""),
              attributes,
              t.participants(),
              t.text(),
              t.turns()));
    }
    if (unknown > 0) {
      read.warnings.add(
          unknown
              + " variable value(s) name no variable of the project, or have no value; not brought in");
    }
  }

  /** Adds the values to {@code into} by variable name; returns how many could not be read. */
  private static int values(
      List<XmlElement> valueElements, Map<String, String> variables, Map<String, String> into) {
    int unknown = 0;
    for (XmlElement v : valueElements) {
      XmlElement ref = v.child("VariableRef");
      String variable =
          ref == null ? null : variables.get(RefiQdaCodebook.normal(ref.attribute("targetGUID")));
      XmlElement value =
          v.children().stream().filter(c -> c.name().endsWith("Value")).findFirst().orElse(null);
      if (variable == null || value == null) {
        unknown++;
      } else {
        into.put(variable, value.text().strip());
      }
    }
    return unknown;
  }

  /** The text of {@code internal://NAME} in the archive's {@code sources/}; null when absent. */
  private static String entryText(ZipFile zip, String path) throws IOException {
    String name = internalName(path);
    if (name == null) {
      return null;
    }
    ZipEntry entry = zip.getEntry("sources/" + name);
    if (entry == null) {
      entry = zip.getEntry("Sources/" + name);
    }
    if (entry == null) {
      return null;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
    }
  }

  /** The text of {@code internal://NAME} in the {@code sources} folder beside a bare .qde. */
  private static String folderText(Path folder, String path) throws IOException {
    String name = internalName(path);
    if (name == null) {
      return null;
    }
    Path file = folder.resolve(name).normalize();
    if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
      return null;
    }
    return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
  }

  /**
   * The file name an {@code internal://} path names (tools also write {@code internal:/} and {@code
   * internal:}); null for {@code relative://} and {@code absolute://} paths, which point outside
   * the project and are not followed.
   */
  static String internalName(String path) {
    String p = path.strip();
    if (!p.toLowerCase(Locale.ROOT).startsWith("internal:")) {
      return null;
    }
    String name = p.substring("internal:".length()).replaceFirst("^/+", "");
    return name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains("..")
        ? null
        : name;
  }

  /** A fingerprint of the file's bytes, read as a stream. */
  private static String fingerprint(Path file) throws InputException {
    Hasher hasher = Hashing.sha256().newHasher();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        hasher.putBytes(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
    }
    return hasher.hash().toString().substring(0, 12);
  }
}
