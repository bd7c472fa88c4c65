package org.aet.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.CsvTable;
import org.aet.io.LocatedJson;
import org.aet.io.LocatedJson.ArrayNode;
import org.aet.io.LocatedJson.Member;
import org.aet.io.LocatedJson.Node;
import org.aet.io.LocatedJson.ObjectNode;
import org.aet.io.LocatedJson.ValueNode;
import org.aet.io.SafeFiles;
import org.aet.io.TextDecoder;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * What a research team knows about its corpus beyond the transcripts: each transcript's case, date
 * and other attributes, and each speaker's role and the other names they appear under ("Dr Jane
 * Smith", "JANE SMITH" and "Jane" are one person). The manifest has the last word over what a
 * transcript file says about itself.
 *
 * <p>As CSV: {@code corpus.csv} with a {@code file} column (paths relative to the manifest) and
 * optional {@code case}, {@code date} and any other columns (attributes); speakers in {@code
 * speakers.csv} beside it with {@code name}, {@code role}, {@code aliases} (separated by {@code ;})
 * and optionally {@code file} to limit a row to one transcript. As JSON: {@code {"transcripts":
 * [{"file", "case", "date", "attributes"}], "speakers": [{"name", "role", "aliases", "file"}]}}.
 * docs/corpus-manifest.md has examples.
 */
public final class Manifest {
  /** The file names looked for in a folder named as input. */
  public static final List<String> FILE_NAMES = List.of("corpus.csv", "corpus.json");

  /** The speakers table that goes with a {@code corpus.csv}. */
  public static final String SPEAKERS_FILE = "speakers.csv";

  /** One transcript's entry, with the manifest line it comes from. */
  record TranscriptInfo(
      String file, String caseName, Map<String, String> attributes, int line, int column) {}

  /**
   * One speaker's entry: the canonical name, role, other names, and the transcript it is limited to
   * (or ""), with the line and column where its aliases are written (or the entry, without any).
   */
  record SpeakerInfo(
      String name, String role, List<String> aliases, String file, int line, int column) {}

  private final Path path;
  private final List<TranscriptInfo> transcripts;
  private final List<SpeakerInfo> speakers;

  private Manifest(Path path, List<TranscriptInfo> transcripts, List<SpeakerInfo> speakers) {
    this.path = path;
    this.transcripts = List.copyOf(transcripts);
    this.speakers = List.copyOf(speakers);
  }

  public Path path() {
    return path;
  }

  /**
   * Loads a manifest (.csv, with {@code speakers.csv} beside it if there is one, or .json).
   *
   * @throws InputException with every problem, each with its line
   */
  public static Manifest load(Path file) throws InputException {
    List<Diagnostic> problems = new ArrayList<>();
    List<TranscriptInfo> transcripts = new ArrayList<>();
    List<SpeakerInfo> speakers = new ArrayList<>();
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      String text = text(file);
      readJson(file, text, transcripts, speakers, problems);
      ManifestChecks.files(file, text, transcripts, problems);
      ManifestChecks.people(file, text, speakers, problems);
    } else if (name.equals(SPEAKERS_FILE)) {
      readSpeakerTable(file, text(file), speakers, problems);
      ManifestChecks.people(file, text(file), speakers, problems);
    } else {
      readTranscriptTable(file, text(file), transcripts, problems);
      Path speakerFile = file.resolveSibling(SPEAKERS_FILE);
      ManifestChecks.files(file, text(file), transcripts, problems);
      if (Files.isRegularFile(speakerFile)) {
        String speakerText = text(speakerFile);
        readSpeakerTable(speakerFile, speakerText, speakers, problems);
        ManifestChecks.people(speakerFile, speakerText, speakers, problems);
      }
    }
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      throw new InputException(problems);
    }
    return new Manifest(file, transcripts, speakers);
  }

  /**
   * The manifest file in {@code folder} ({@code corpus.csv} or {@code corpus.json}, else a {@code
   * speakers.csv} on its own), or null when there is none.
   */
  static Path findIn(Path folder) {
    for (String candidate : FILE_NAMES) {
      Path file = folder.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    Path speakersOnly = folder.resolve(SPEAKERS_FILE);
    return Files.isRegularFile(speakersOnly) ? speakersOnly : null;
  }

  /**
   * The {@link #key keys} of the speakers this manifest lists for {@code transcriptFile}: people of
   * their own, never merged with one another as variants of one name.
   */
  Set<String> speakerKeys(Path transcriptFile) {
    return speakers.stream()
        .filter(s -> s.file().isEmpty() || matches(s.file(), transcriptFile))
        .map(s -> key(s.name()))
        .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Warnings for manifest entries that name no file among {@code files}: usually a typo in a path.
   */
  List<Diagnostic> unmatched(List<Path> files) {
    List<Diagnostic> warnings = new ArrayList<>();
    for (TranscriptInfo info : transcripts) {
      if (files.stream().noneMatch(f -> matches(info.file(), f))) {
        warnings.add(
            Diagnostic.warning(
                path,
                info.line(),
                1,
                "the manifest names \""
                    + info.file()
                    + "\", which is"
                    + " not among the transcripts read; check the path (relative to "
                    + folder()
                    + ")",
                ""));
      }
    }
    return warnings;
  }

  /**
   * The other names the manifest gives each speaker, by the speaker's name, over every transcript:
   * what pseudonymisation must hide along with the name.
   */
  public Map<String, List<String>> aliases() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (SpeakerInfo speaker : speakers) {
      List<String> list = out.computeIfAbsent(speaker.name(), n -> new ArrayList<>());
      speaker.aliases().stream().filter(a -> !list.contains(a)).forEach(list::add);
    }
    return out;
  }

  /** {@code transcript} with the manifest's case, attributes, speaker names and roles applied. */
  Transcript apply(Transcript transcript) {
    Path file = transcript.source();
    String caseName = transcript.caseName();
    Map<String, String> attributes = new LinkedHashMap<>(transcript.attributes());
    for (TranscriptInfo info : transcripts) {
      if (matches(info.file(), file)) {
        if (!info.caseName().isEmpty()) {
          caseName = info.caseName();
        }
        attributes.putAll(info.attributes());
      }
    }
    Map<String, SpeakerInfo> byName = new HashMap<>();
    for (SpeakerInfo speaker : speakers) {
      if (speaker.file().isEmpty() || matches(speaker.file(), file)) {
        byName.put(key(speaker.name()), speaker);
        speaker.aliases().forEach(alias -> byName.put(key(alias), speaker));
      }
    }
    List<Turn> turns = new ArrayList<>();
    for (Turn turn : transcript.turns()) {
      SpeakerInfo known = byName.get(key(turn.speaker()));
      String speaker = known == null ? turn.speaker() : known.name();
      turns.add(turn.withSpeaker(speaker));
    }
    Map<String, Participant> participants = new LinkedHashMap<>();
    for (Turn turn : turns) {
      participants.computeIfAbsent(
          turn.speaker(),
          n -> {
            SpeakerInfo known = byName.get(key(n));
            String role =
                known != null && !known.role().isEmpty() ? known.role() : roleIn(transcript, turn);
            return new Participant(n, role);
          });
    }
    return new Transcript(
        transcript.id(),
        file,
        transcript.format(),
        caseName,
        attributes,
        List.copyOf(participants.values()),
        transcript.text(),
        turns);
  }

  private static String roleIn(Transcript transcript, Turn renamed) {
    Turn original = transcript.turns().get(renamed.index());
    return transcript.roleOf(original.speaker());
  }

  /**
   * A name as compared: case, spacing and full stops do not matter ("Dr. Jane Smith" is "dr jane
   * smith").
   */
  static String key(String name) {
    return name.replace('\u00a0', ' ')
        .replace(".", "")
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  private boolean matches(String manifestFile, Path transcriptFile) {
    Path resolved = folder().resolve(manifestFile).toAbsolutePath().normalize();
    return resolved.equals(transcriptFile.toAbsolutePath().normalize());
  }

  private Path folder() {
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static String text(Path file) throws InputException {
    try {
      return TextDecoder.decode(SafeFiles.readBounded(file)).text();
    } catch (IOException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read the manifest: " + e.getMessage()));
    }
  }

  private static void readTranscriptTable(
      Path file, String text, List<TranscriptInfo> out, List<Diagnostic> problems) {
    List<CsvTable.Row> rows = table(file, text, problems);
    if (rows.isEmpty()) {
      return;
    }
    List<String> header = rows.get(0).cells().stream().map(h -> h.strip()).toList();
    int fileColumn = indexOf(header, "file");
    if (fileColumn < 0) {
      problems.add(
          Diagnostic.error(
              file,
              rows.get(0).line(),
              1,
              "expected a header row with a \"file\" column"
                  + " (and \"case\", \"date\" or any other attribute), such as \"file,case,date\"",
              line(text, 1)));
      return;
    }
    int caseColumn = indexOf(header, "case");
    int dateColumn = indexOf(header, "date");
    for (CsvTable.Row row : rows.subList(1, rows.size())) {
      String transcript = row.cell(fileColumn);
      if (transcript.isEmpty()) {
        problems.add(
            Diagnostic.error(
                file, row.line(), 1, "this row names no file", line(text, row.line())));
        continue;
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        if (c != fileColumn
            && c != caseColumn
            && !header.get(c).isEmpty()
            && !row.cell(c).isEmpty()) {
          attributes.put(header.get(c), row.cell(c));
        }
      }
      if (dateColumn >= 0) {
        String lineText = line(text, row.line());
        int column = ManifestChecks.columnOf(text, row.line(), dateColumn);
        ManifestChecks.date(file, row.line(), column, row.cell(dateColumn), lineText, problems);
      }
      out.add(new TranscriptInfo(transcript, row.cell(caseColumn), attributes, row.line(), 1));
    }
  }

  private static void readSpeakerTable(
      Path file, String text, List<SpeakerInfo> out, List<Diagnostic> problems) {
    List<CsvTable.Row> rows = table(file, text, problems);
    if (rows.isEmpty()) {
      return;
    }
    List<String> header = rows.get(0).cells().stream().map(h -> h.strip()).toList();
    int nameColumn = indexOf(header, "name");
    if (nameColumn < 0) {
      problems.add(
          Diagnostic.error(
              file,
              rows.get(0).line(),
              1,
              "expected a header row with a \"name\" column"
                  + " (and \"role\", \"aliases\", \"file\"), such as \"name,role,aliases\"",
              line(text, 1)));
      return;
    }
    for (CsvTable.Row row : rows.subList(1, rows.size())) {
      String name = row.cell(nameColumn);
      if (name.isEmpty()) {
        problems.add(
            Diagnostic.error(
                file, row.line(), 1, "this row names no speaker", line(text, row.line())));
        continue;
      }
      List<String> aliases =
          List.of(row.cell(indexOf(header, "aliases")).split(";")).stream()
              .map(String::strip)
              .filter(a -> !a.isEmpty())
              .toList();
      int aliasColumn = indexOf(header, "aliases");
      out.add(
          new SpeakerInfo(
              name,
              row.cell(indexOf(header, "role")),
              aliases,
              row.cell(indexOf(header, "file")),
              row.line(),
              aliasColumn < 0 ? 1 : ManifestChecks.columnOf(text, row.line(), aliasColumn)));
    }
  }

  private static List<CsvTable.Row> table(Path file, String text, List<Diagnostic> problems) {
    try {
      String header = text.lines().findFirst().orElse("");
      return CsvTable.parse(text, CsvTable.guessDelimiter(header));
    } catch (CsvTable.UnclosedQuote e) {
      problems.add(Diagnostic.error(file, e.line, e.column, e.getMessage(), line(text, e.line)));
      return List.of();
    }
  }

  private static void readJson(
      Path file,
      String text,
      List<TranscriptInfo> transcripts,
      List<SpeakerInfo> speakers,
      List<Diagnostic> problems) {
    Node root;
    try {
      root = LocatedJson.parse(text);
    } catch (LocatedJson.SyntaxError e) {
      problems.add(Diagnostic.error(file, e.line, e.column, e.getMessage(), line(text, e.line)));
      return;
    }
    if (!(root instanceof ObjectNode top)) {
      problems.add(
          Diagnostic.error(
              file,
              root.line(),
              root.column(),
              "expected an object with \"transcripts\"" + " and \"speakers\" lists",
              line(text, root.line())));
      return;
    }
    for (Node node : list(top, "transcripts")) {
      ObjectNode o = object(node, file, text, problems);
      if (o != null) {
        TranscriptInfo transcript = jsonTranscript(o, file, text, problems);
        if (transcript != null) {
          transcripts.add(transcript);
        }
      }
    }
    for (Node node : list(top, "speakers")) {
      ObjectNode o = object(node, file, text, problems);
      if (o != null) {
        SpeakerInfo speaker = jsonSpeaker(o, file, text, problems);
        if (speaker != null) {
          speakers.add(speaker);
        }
      }
    }
  }

  /** One entry of the JSON manifest's "transcripts", or null (with a problem) without "file". */
  private static TranscriptInfo jsonTranscript(
      ObjectNode o, Path file, String text, List<Diagnostic> problems) {
    String transcript = string(o, "file");
    if (transcript.isEmpty()) {
      problems.add(
          Diagnostic.error(
              file,
              o.line(),
              o.column(),
              "this transcript entry needs \"file\"",
              line(text, o.line())));
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    if (!string(o, "date").isEmpty()) {
      Member date = o.members().get("date");
      ManifestChecks.date(
          file,
          date.value().line(),
          date.value().column(),
          string(o, "date"),
          line(text, date.value().line()),
          problems);
      attributes.put("date", string(o, "date"));
    }
    Member extra = o.members().get("attributes");
    if (extra != null && extra.value() instanceof ObjectNode a) {
      a.members()
          .forEach(
              (k, m) ->
                  attributes.put(
                      k,
                      m.value() instanceof ValueNode v && v.value() != null
                          ? v.value().toString()
                          : ""));
    }
    return new TranscriptInfo(transcript, string(o, "case"), attributes, o.line(), o.column());
  }

  /** One entry of the JSON manifest's "speakers", or null (with a problem) without "name". */
  private static SpeakerInfo jsonSpeaker(
      ObjectNode o, Path file, String text, List<Diagnostic> problems) {
    if (string(o, "name").isEmpty()) {
      problems.add(
          Diagnostic.error(
              file,
              o.line(),
              o.column(),
              "this speaker entry needs \"name\"",
              line(text, o.line())));
      return null;
    }
    Member a = o.members().get("aliases");
    Node at = a == null ? o : a.value();
    return new SpeakerInfo(
        string(o, "name"),
        string(o, "role"),
        jsonAliases(a),
        string(o, "file"),
        at.line(),
        at.column());
  }

  /** The non-blank strings of a speaker's "aliases" list, stripped; none when it is not a list. */
  private static List<String> jsonAliases(Member aliases) {
    List<String> out = new ArrayList<>();
    if (aliases != null && aliases.value() instanceof ArrayNode array) {
      for (Node item : array.items()) {
        if (item instanceof ValueNode v && v.value() instanceof String s && !s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  private static List<Node> list(ObjectNode object, String key) {
    Member member = object.members().get(key);
    return member != null && member.value() instanceof ArrayNode array ? array.items() : List.of();
  }

  private static ObjectNode object(Node node, Path file, String text, List<Diagnostic> problems) {
    if (node instanceof ObjectNode o) {
      return o;
    }
    problems.add(
        Diagnostic.error(
            file,
            node.line(),
            node.column(),
            "expected an object { ... }",
            line(text, node.line())));
    return null;
  }

  private static String string(ObjectNode object, String key) {
    Member member = object.members().get(key);
    return member != null && member.value() instanceof ValueNode v && v.value() != null
        ? v.value().toString().strip()
        : "";
  }

  private static int indexOf(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  static String line(String text, int number) {
    List<String> lines = text.lines().toList();
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }
}
