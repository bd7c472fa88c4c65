package org.aet.refiqda;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.io.AtomicOutput;
import org.aet.model.Participant;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.project.DecisionKind;
import org.aet.project.ExchangeRecords;
import org.aet.project.ProjectAgreement;
import org.aet.project.ProjectStore;
import org.aet.segment.SegmentUnit;

/**
 * Writes a project as a REFI-QDA project ({@code .qdpx}) that NVivo, ATLAS.ti, MAXQDA and QualCoder
 * open: the codebook, the coders as users, every transcript as a text source (its plain text with
 * speaker labels and times in {@code sources/}), every coder's latest decisions and the consensus
 * as coded selections with exact offsets, memos as notes, cases and their attributes.
 *
 * <p>A project imported from such a file gets its own sources, GUIDs and selections back, except
 * where a coder changed their coding in aet since; decisions made in aet become selections of the
 * segment they were made on. The machine's suggestions are written only when asked for, under a
 * user of their own.
 */
public final class QdpxWriter {
  public static final String NAMESPACE = "urn:QDA-XML:project:1.0";

  /** The user the machine's suggestions are written under. */
  public static final String MACHINE_USER = "aet (machine suggestions)";

  private QdpxWriter() {}

  /**
   * What was written, for the summary a person sees.
   *
   * @param remarks what could not be written, and why
   */
  public record Written(
      int sources,
      int selections,
      int codings,
      int notes,
      List<String> users,
      List<String> remarks) {}

  /**
   * A selection to write: its place in the source's own text, in UTF-16 units; or, for a decision
   * made in aet, {@code aet} is the segment's span in aet's text, to be placed in the source's.
   */
  private record Selection(
      String guid,
      String name,
      int start,
      int end,
      Span aet,
      String user,
      List<Coding> codings,
      List<Note> notes) {}

  private record Coding(String guid, String codeGuid, String user) {}

  private record Note(String guid, String text, String user) {}

  /**
   * Writes the coding of {@code store} against {@code codebook} to {@code target}; nothing appears
   * there unless all goes well.
   *
   * @param withSuggestions whether to write the machine's suggestions of the latest run with {@code
   *     codebook}
   */
  public static Written write(
      ProjectStore store, Codebook codebook, boolean withSuggestions, Path target)
      throws AetException {
    Selections selections = new Selections(store, codebook);
    List<ProjectStore.Decision> decisions = selections.decisionsAgainstTheCodebook();
    selections.keepImported();
    selections.addDecisions(decisions);
    if (withSuggestions) {
      selections.addSuggestions();
    }
    List<Transcript> transcripts = store.transcripts();
    Map<String, TextLayout> layouts = new LinkedHashMap<>();
    Map<String, String> sourceGuids = new LinkedHashMap<>();
    for (Transcript t : transcripts) {
      ExchangeRecords.Source source = selections.imported.get(t.id());
      layouts.put(
          t.id(),
          source == null ? TextLayout.of(t) : new TextLayout(source.plainText(), source.blocks()));
      sourceGuids.put(
          t.id(),
          source == null
              ? RefiQdaCodebook.derived("aet:" + selections.project + ":source:" + t.id())
              : source.guid());
    }
    int[] counts = selections.placeInSources(layouts);
    selections.keepOnlyUsersWhoWrote();
    try (AtomicOutput output = new AtomicOutput(target)) {
      pack(
          output.temporary(),
          target,
          transcripts,
          layouts,
          sourceGuids,
          selections,
          store,
          codebook);
      output.commit();
    } catch (IOException | XMLStreamException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
    return new Written(
        transcripts.size(),
        counts[0],
        counts[1],
        counts[2],
        List.copyOf(selections.userGuids.keySet()),
        selections.remarks);
  }

  /** The archive: {@code project.qde} and each source's plain text under {@code sources/}. */
  private static void pack(
      Path archive,
      Path target,
      List<Transcript> transcripts,
      Map<String, TextLayout> layouts,
      Map<String, String> sourceGuids,
      Selections selections,
      ProjectStore store,
      Codebook codebook)
      throws IOException, XMLStreamException, AetException {
    Path qde = Files.createTempFile(target.toAbsolutePath().getParent(), ".aet-", ".qde");
    try {
      try (OutputStream out = Files.newOutputStream(qde)) {
        writeProject(
            out,
            store,
            codebook,
            transcripts,
            layouts,
            sourceGuids,
            selections.bySource,
            selections.userGuids);
      }
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
        zip.putNextEntry(new ZipEntry("project.qde"));
        Files.copy(qde, zip);
        zip.closeEntry();
        for (Transcript t : transcripts) {
          zip.putNextEntry(new ZipEntry("sources/" + sourceGuids.get(t.id()) + ".txt"));
          zip.write(layouts.get(t.id()).text().getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
    } finally {
      Files.deleteIfExists(qde);
    }
  }

  /**
   * The selections of one export being assembled, source by source, step by step: what an import
   * brought and nobody changed since, the coders' decisions, the machine's suggestions; with the
   * users they are written under and remarks on what was left out.
   */
  private static final class Selections {
    final ProjectStore store;
    final Codebook codebook;
    final String project;
    final ExchangeRecords exchange;
    final Map<String, ExchangeRecords.Source> imported;
    final Map<String, String> userGuids;
    final List<String> remarks = new ArrayList<>();
    final Map<String, String> codeGuids = new HashMap<>();
    final Set<String> knownGuids = new HashSet<>();
    final Map<String, ProjectStore.StoredSegment> segments = new HashMap<>();
    final Map<String, ProjectStore.Decision> latest = new HashMap<>();
    final Map<String, List<Selection>> bySource = new LinkedHashMap<>();
    final Set<String> importIds = new HashSet<>();

    Selections(ProjectStore store, Codebook codebook) throws AetException {
      this.store = store;
      this.codebook = codebook;
      this.project = store.projectId();
      this.exchange = store.exchange();
      this.imported = exchange.sources();
      this.userGuids = new LinkedHashMap<>(exchange.users());
      for (Code code : codebook.codes()) {
        String guid = RefiQdaCodebook.guid(codebook, code);
        codeGuids.put(codebook.path(code.id()), guid);
        knownGuids.add(RefiQdaCodebook.normal(guid));
      }
      for (SegmentUnit unit : SegmentUnit.values()) {
        store.segments(unit).forEach(s -> segments.put(s.id(), s));
      }
    }

    /** Every coder's latest decisions against this codebook; the others are counted in a remark. */
    List<ProjectStore.Decision> decisionsAgainstTheCodebook() throws AetException {
      Map<String, String> names = store.codebookNames();
      List<ProjectStore.Decision> decisions = new ArrayList<>();
      int otherCodebooks = 0;
      for (ProjectStore.Decision d : store.latestDecisions()) {
        latest.put(d.coder() + "\n" + d.segmentId(), d);
        if (!codebook.name().equals(names.get(d.codebookVersion()))) {
          otherCodebooks++;
        } else {
          decisions.add(d);
        }
      }
      if (otherCodebooks > 0) {
        remarks.add(
            otherCodebooks
                + " decision(s) against other codebooks were left out (export each codebook with"
                + " --codebook)");
      }
      return decisions;
    }

    /**
     * The imported selections whose coder has not changed their coding in aet since, as they were.
     */
    void keepImported() throws AetException {
      Map<String, Selection> kept = new LinkedHashMap<>();
      int droppedCodings = 0;
      for (ExchangeRecords.Selection s : exchange.selections()) {
        importIds.add(s.importId());
        if (superseded(s)) {
          continue;
        }
        String user = userGuid(userGuids, s.coder());
        Selection selection =
            kept.computeIfAbsent(
                s.transcriptId() + "\n" + s.guid(), k -> importedSelection(s, user));
        if (!s.codeGuid().isEmpty()) {
          if (knownGuids.contains(RefiQdaCodebook.normal(s.codeGuid()))) {
            selection.codings().add(new Coding(s.codingGuid(), s.codeGuid(), user));
          } else {
            droppedCodings++;
          }
        }
      }
      if (droppedCodings > 0) {
        remarks.add(
            droppedCodings
                + " imported coding(s) use codes that are not in codebook "
                + codebook.name()
                + "; left out");
      }
    }

    /** Whether every segment the selection was mapped onto has a later decision by its coder. */
    private boolean superseded(ExchangeRecords.Selection s) {
      return !s.segmentIds().isEmpty()
          && s.segmentIds().stream()
              .allMatch(
                  id -> {
                    ProjectStore.Decision d = latest.get(s.coder() + "\n" + id);
                    return d == null || !s.importId().equals(d.exportId());
                  });
    }

    private Selection importedSelection(ExchangeRecords.Selection s, String user) {
      Selection made =
          new Selection(
              s.guid(),
              s.name(),
              s.start(),
              s.end(),
              null,
              user,
              new ArrayList<>(),
              new ArrayList<>());
      bySource.computeIfAbsent(s.transcriptId(), t -> new ArrayList<>()).add(made);
      s.notes().forEach(n -> made.notes().add(new Note(n.guid(), n.text(), user)));
      return made;
    }

    /** The decisions made in aet, each a selection of its segment with its codes and memo. */
    void addDecisions(List<ProjectStore.Decision> decisions) {
      int unknownCodes = 0;
      int noCode = 0;
      for (ProjectStore.Decision d : decisions) {
        ProjectStore.StoredSegment segment = segments.get(d.segmentId());
        if (importIds.contains(d.exportId()) || segment == null) {
          continue; // an imported decision was written above, as it was selected
        }
        String coder = d.kind() == DecisionKind.CONSENSUS ? ProjectAgreement.CONSENSUS : d.coder();
        List<String> codes = d.isCoding() ? d.codes() : List.of();
        if (codes.isEmpty() && d.memo().isBlank()) {
          noCode += d.isCoding() ? 1 : 0;
          continue;
        }
        String user = userGuid(userGuids, coder);
        String seed = project + ":" + coder + ":" + d.segmentId();
        List<Coding> codings = new ArrayList<>();
        for (String path : codes) {
          String guid = codeGuids.get(path);
          if (guid == null) {
            unknownCodes++;
          } else {
            codings.add(new Coding(RefiQdaCodebook.derived(seed + ":" + path), guid, user));
          }
        }
        List<Note> notes = new ArrayList<>();
        if (!d.memo().isBlank()) {
          notes.add(new Note(RefiQdaCodebook.derived(seed + ":memo"), d.memo(), user));
        }
        add(bySource, segment, seed, user, codings, notes);
      }
      if (unknownCodes > 0) {
        remarks.add(unknownCodes + " coding(s) name codes no longer in the codebook; left out");
      }
      if (noCode > 0) {
        remarks.add(
            noCode
                + " decision(s) that no code applies have no REFI-QDA equivalent (a selection needs"
                + " a code); they stay in the project");
      }
    }

    /**
     * The machine's suggestions of the latest run with this codebook, under a user of their own.
     */
    void addSuggestions() throws AetException {
      ProjectStore.Run run = null;
      for (ProjectStore.Run r : store.runs()) {
        if (r.codebookVersion().equals(codebook.version())) {
          run = r;
        }
      }
      if (run == null) {
        remarks.add("no coding run used this codebook, so there are no suggestions to write");
        return;
      }
      String user = userGuid(userGuids, MACHINE_USER);
      for (Map.Entry<String, List<String>> e : store.suggestions(run.id()).entrySet()) {
        ProjectStore.StoredSegment segment = segments.get(e.getKey());
        String seed = project + ":" + run.id() + ":" + e.getKey();
        List<Coding> codings = new ArrayList<>();
        for (String path : e.getValue()) {
          if (codeGuids.containsKey(path)) {
            codings.add(
                new Coding(RefiQdaCodebook.derived(seed + ":" + path), codeGuids.get(path), user));
          }
        }
        if (segment != null && !codings.isEmpty()) {
          add(bySource, segment, seed, user, codings, List.of());
        }
      }
    }

    /**
     * Moves the selections placed by aet's spans into each source's own text (dropping any that
     * cannot be placed) and counts what will be written: selections, codings, notes.
     */
    int[] placeInSources(Map<String, TextLayout> layouts) {
      int[] counts = new int[3];
      for (Map.Entry<String, List<Selection>> e : bySource.entrySet()) {
        TextLayout layout = layouts.get(e.getKey());
        List<Selection> placed = new ArrayList<>();
        for (Selection s : e.getValue()) {
          Selection moved = s;
          if (s.aet() != null) {
            Span span = layout.toSource(s.aet());
            if (span == null) {
              continue;
            }
            moved =
                new Selection(
                    s.guid(),
                    s.name(),
                    span.begin(),
                    span.end(),
                    null,
                    s.user(),
                    s.codings(),
                    s.notes());
          }
          placed.add(moved);
          counts[0]++;
          counts[1] += moved.codings().size();
          counts[2] += moved.notes().size();
        }
        e.setValue(placed);
      }
      return counts;
    }

    /** Only users who made something written: imported users without codings here stay out. */
    void keepOnlyUsersWhoWrote() {
      Set<String> used = new HashSet<>();
      bySource.values().stream()
          .flatMap(List::stream)
          .forEach(
              s -> {
                used.add(s.user());
                s.codings().forEach(c -> used.add(c.user()));
              });
      userGuids.values().removeIf(guid -> !used.contains(guid));
    }
  }

  /** Adds a selection of {@code segment}, placed by its span in aet's text. */
  private static void add(
      Map<String, List<Selection>> bySource,
      ProjectStore.StoredSegment segment,
      String seed,
      String user,
      List<Coding> codings,
      List<Note> notes) {
    bySource
        .computeIfAbsent(segment.transcriptId(), k -> new ArrayList<>())
        .add(
            new Selection(
                RefiQdaCodebook.derived(seed),
                segment.speaker(),
                0,
                0,
                segment.span(),
                user,
                codings,
                notes));
  }

  private static String userGuid(Map<String, String> users, String name) {
    return users.computeIfAbsent(name, n -> RefiQdaCodebook.derived("aet:user:" + n));
  }

  private static void writeProject(
      OutputStream out,
      ProjectStore store,
      Codebook codebook,
      List<Transcript> transcripts,
      Map<String, TextLayout> layouts,
      Map<String, String> sourceGuids,
      Map<String, List<Selection>> bySource,
      Map<String, String> users)
      throws XMLStreamException, AetException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("Project");
    xml.writeDefaultNamespace(NAMESPACE);
    xml.writeAttribute("name", store.file().getFileName().toString().replaceFirst("\\.aet$", ""));
    xml.writeAttribute("origin", RefiQdaCodebook.origin(codebook));
    xml.writeAttribute("creationDateTime", now);
    writeUsers(xml, users);
    RefiQdaCodebook.indent(xml, 1);
    xml.writeStartElement("CodeBook");
    RefiQdaCodebook.writeCodes(xml, codebook, 2);
    RefiQdaCodebook.indent(xml, 1);
    xml.writeEndElement();
    Map<String, String> variables = variables(transcripts);
    Map<String, Map<String, String>> caseValues =
        writeVariablesAndCases(xml, transcripts, variables, sourceGuids);
    List<Note> notes =
        writeSources(xml, transcripts, layouts, sourceGuids, bySource, variables, caseValues);
    writeNotes(xml, notes);
    RefiQdaCodebook.writeSets(xml, codebook, 1, "targetGUID");
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.close();
  }

  private static void writeUsers(XMLStreamWriter xml, Map<String, String> users)
      throws XMLStreamException {
    if (!users.isEmpty()) {
      RefiQdaCodebook.indent(xml, 1);
      xml.writeStartElement("Users");
      for (Map.Entry<String, String> user : users.entrySet()) {
        RefiQdaCodebook.indent(xml, 2);
        xml.writeEmptyElement("User");
        xml.writeAttribute("guid", user.getValue());
        xml.writeAttribute("name", user.getKey());
      }
      RefiQdaCodebook.indent(xml, 1);
      xml.writeEndElement();
    }
  }

  /** A variable for every attribute a transcript has, with its GUID. */
  private static Map<String, String> variables(List<Transcript> transcripts) {
    Set<String> keys = new LinkedHashSet<>();
    transcripts.forEach(t -> keys.addAll(t.attributes().keySet()));
    Map<String, String> variables = new LinkedHashMap<>();
    keys.forEach(k -> variables.put(k, RefiQdaCodebook.derived("aet:variable:" + k)));
    return variables;
  }

  /**
   * The variables, and the cases with their sources and the values all their transcripts share
   * (returned: a transcript writes only the values of its own).
   */
  private static Map<String, Map<String, String>> writeVariablesAndCases(
      XMLStreamWriter xml,
      List<Transcript> transcripts,
      Map<String, String> variables,
      Map<String, String> sourceGuids)
      throws XMLStreamException {
    Map<String, List<Transcript>> cases = new TreeMap<>();
    transcripts.stream()
        .filter(t -> !t.caseName().isEmpty())
        .forEach(t -> cases.computeIfAbsent(t.caseName(), k -> new ArrayList<>()).add(t));
    Map<String, Map<String, String>> caseValues = new LinkedHashMap<>();
    for (Map.Entry<String, List<Transcript>> c : cases.entrySet()) {
      Map<String, String> values = new LinkedHashMap<>(c.getValue().get(0).attributes());
      for (Transcript t : c.getValue()) {
        values.entrySet().removeIf(v -> !v.getValue().equals(t.attributes().get(v.getKey())));
      }
      caseValues.put(c.getKey(), values);
    }
    if (!variables.isEmpty()) {
      RefiQdaCodebook.indent(xml, 1);
      xml.writeStartElement("Variables");
      for (Map.Entry<String, String> v : variables.entrySet()) {
        RefiQdaCodebook.indent(xml, 2);
        xml.writeEmptyElement("Variable");
        xml.writeAttribute("guid", v.getValue());
        xml.writeAttribute("name", v.getKey());
        xml.writeAttribute("typeOfVariable", "Text");
      }
      RefiQdaCodebook.indent(xml, 1);
      xml.writeEndElement();
    }
    if (!cases.isEmpty()) {
      RefiQdaCodebook.indent(xml, 1);
      xml.writeStartElement("Cases");
      for (Map.Entry<String, List<Transcript>> c : cases.entrySet()) {
        RefiQdaCodebook.indent(xml, 2);
        xml.writeStartElement("Case");
        xml.writeAttribute("guid", RefiQdaCodebook.derived("aet:case:" + c.getKey()));
        xml.writeAttribute("name", c.getKey());
        writeValues(xml, caseValues.get(c.getKey()), variables, 3);
        for (Transcript t : c.getValue()) {
          RefiQdaCodebook.indent(xml, 3);
          xml.writeEmptyElement("SourceRef");
          xml.writeAttribute("targetGUID", sourceGuids.get(t.id()));
        }
        RefiQdaCodebook.indent(xml, 2);
        xml.writeEndElement();
      }
      RefiQdaCodebook.indent(xml, 1);
      xml.writeEndElement();
    }

    return caseValues;
  }

  /** Every transcript as a text source with its selections; returns the notes they refer to. */
  private static List<Note> writeSources(
      XMLStreamWriter xml,
      List<Transcript> transcripts,
      Map<String, TextLayout> layouts,
      Map<String, String> sourceGuids,
      Map<String, List<Selection>> bySource,
      Map<String, String> variables,
      Map<String, Map<String, String>> caseValues)
      throws XMLStreamException {
    List<Note> allNotes = new ArrayList<>();
    if (!transcripts.isEmpty()) {
      RefiQdaCodebook.indent(xml, 1);
      xml.writeStartElement("Sources");
      for (Transcript t : transcripts) {
        String text = layouts.get(t.id()).text();
        RefiQdaCodebook.indent(xml, 2);
        xml.writeStartElement("TextSource");
        xml.writeAttribute("guid", sourceGuids.get(t.id()));
        xml.writeAttribute("name", t.id());
        xml.writeAttribute("plainTextPath", "internal://" + sourceGuids.get(t.id()) + ".txt");
        RefiQdaCodebook.indent(xml, 3);
        xml.writeStartElement("Description");
        xml.writeCharacters(speakers(t));
        xml.writeEndElement();
        for (Selection s : bySource.getOrDefault(t.id(), List.of())) {
          writeSelection(xml, s, text);
          allNotes.addAll(s.notes());
        }
        Map<String, String> own = new LinkedHashMap<>(t.attributes());
        own.keySet().removeAll(caseValues.getOrDefault(t.caseName(), Map.of()).keySet());
        writeValues(xml, own, variables, 3);
        RefiQdaCodebook.indent(xml, 2);
        xml.writeEndElement();
      }
      RefiQdaCodebook.indent(xml, 1);
      xml.writeEndElement();
    }
    return allNotes;
  }

  /** One selection, its offsets in code points of the source's text, its codings and notes. */
  private static void writeSelection(XMLStreamWriter xml, Selection s, String text)
      throws XMLStreamException {
    RefiQdaCodebook.indent(xml, 3);
    xml.writeStartElement("PlainTextSelection");
    xml.writeAttribute("guid", s.guid());
    xml.writeAttribute("name", s.name());
    xml.writeAttribute("startPosition", Integer.toString(text.codePointCount(0, s.start())));
    xml.writeAttribute("endPosition", Integer.toString(text.codePointCount(0, s.end())));
    xml.writeAttribute("creatingUser", s.user());
    for (Coding c : s.codings()) {
      RefiQdaCodebook.indent(xml, 4);
      xml.writeStartElement("Coding");
      xml.writeAttribute("guid", c.guid());
      xml.writeAttribute("creatingUser", c.user());
      xml.writeEmptyElement("CodeRef");
      xml.writeAttribute("targetGUID", c.codeGuid());
      xml.writeEndElement();
    }
    for (Note n : s.notes()) {
      RefiQdaCodebook.indent(xml, 4);
      xml.writeEmptyElement("NoteRef");
      xml.writeAttribute("targetGUID", n.guid());
    }
    RefiQdaCodebook.indent(xml, 3);
    xml.writeEndElement();
  }

  private static void writeNotes(XMLStreamWriter xml, List<Note> allNotes)
      throws XMLStreamException {
    if (!allNotes.isEmpty()) {
      RefiQdaCodebook.indent(xml, 1);
      xml.writeStartElement("Notes");
      for (Note n : allNotes) {
        RefiQdaCodebook.indent(xml, 2);
        xml.writeStartElement("Note");
        xml.writeAttribute("guid", n.guid());
        xml.writeAttribute("name", "Memo");
        xml.writeAttribute("creatingUser", n.user());
        xml.writeStartElement("PlainTextContent");
        xml.writeCharacters(n.text());
        xml.writeEndElement();
        xml.writeEndElement();
      }
      RefiQdaCodebook.indent(xml, 1);
      xml.writeEndElement();
    }
  }

  private static void writeValues(
      XMLStreamWriter xml, Map<String, String> values, Map<String, String> variables, int depth)
      throws XMLStreamException {
    for (Map.Entry<String, String> v : values.entrySet()) {
      RefiQdaCodebook.indent(xml, depth);
      xml.writeStartElement("VariableValue");
      xml.writeEmptyElement("VariableRef");
      xml.writeAttribute("targetGUID", variables.get(v.getKey()));
      xml.writeStartElement("TextValue");
      xml.writeCharacters(v.getValue());
      xml.writeEndElement();
      xml.writeEndElement();
    }
  }

  /** The source's description: who speaks, with their roles, as a person reads it. */
  static String speakers(Transcript t) {
    List<String> people = new ArrayList<>();
    for (Participant p : t.participants()) {
      people.add(p.role().isEmpty() ? p.name() : p.name() + " (" + p.role() + ")");
    }
    return SPEAKERS + String.join("; ", people);
  }

  static final String SPEAKERS = "Speakers: ";
}
