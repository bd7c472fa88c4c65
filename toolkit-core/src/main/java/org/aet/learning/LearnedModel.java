package org.aet.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.DataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.PrecisionCurve;
import org.aet.io.AtomicOutput;
import org.aet.io.ZipGuard;

/**
 * Models learned from a team's coding: one OpenNLP model per code (does this segment get the code,
 * yes or no?), with the codebook they were trained against (name and version) and their
 * cross-validated scores. Saved as one zip file: {@code model.json} (everything but the models,
 * readable) and one {@code code-N.bin} per code, in OpenNLP's binary model format. Files written
 * before models could read meaning hold OpenNLP document categorisers instead; they read the same.
 *
 * @param codebook the codebook's name
 * @param codebookVersion the codebook's content hash at training time
 * @param algorithm how the models were trained
 * @param readsMeaning whether the models read each segment's sentence embedding besides its lemmas
 *     (then coding needs the semantic layer)
 * @param models per code path, its model
 * @param thresholds per code path, the probability from which it is suggested, chosen by
 *     cross-validation ({@link Trainer#DEFAULT_THRESHOLD} when none was)
 * @param scores per code path, its cross-validated scores (empty when none were computed)
 * @param baseline per code path, the cross-validated scores of a TF-IDF linear SVM on the same
 *     folds: what the model is compared with (empty when none were computed)
 * @param trainingSegments how many labelled segments the models were trained on
 * @param validation how the cross-validation dealt the segments into folds, in words ({@link
 *     org.aet.evaluation.Folds#description()}); empty when there was none
 * @param confidence per code path, what its probabilities mean as precision: a curve fitted to the
 *     cross-validation's held-out probabilities, so it says how often a suggestion at that
 *     probability was right on transcripts the model had not learned from (empty without
 *     cross-validation, and in files written before it was kept)
 * @param learnedFrom the files of labelled segments the models were learned from, each with its
 *     content hash, so that a model says what it knows and a rebuild can be checked (empty for
 *     models made from the codebook alone, or before it was kept)
 */
public record LearnedModel(
    String codebook,
    String codebookVersion,
    Trainer.Algorithm algorithm,
    boolean readsMeaning,
    Map<String, MaxentModel> models,
    Map<String, Double> thresholds,
    List<Evaluation.CodeScore> scores,
    List<Evaluation.CodeScore> baseline,
    int trainingSegments,
    String validation,
    Map<String, PrecisionCurve> confidence,
    List<Source> learnedFrom) {

  /**
   * A file of labelled segments a model was learned from.
   *
   * @param file its name, without the folder (the same wherever the file is kept)
   * @param sha256 the SHA-256 of its bytes
   * @param segments how many of its segments were learned from
   * @param transcripts the transcripts (or cases) those segments come from, by name (the part of a
   *     segment id before '@'), so that a trial can tell a model judged on talk it learned from
   */
  public record Source(String file, String sha256, int segments, List<String> transcripts) {
    public Source {
      transcripts = List.copyOf(transcripts);
    }

    /** In words, for a method sheet: "dev.jsonl (361 segments of 3 transcripts, SHA-256 1a2b…)". */
    public String described() {
      return file
          + " ("
          + segments
          + " segments of "
          + transcripts.size()
          + (transcripts.size() == 1 ? " transcript" : " transcripts")
          + ", SHA-256 "
          + sha256.substring(0, Math.min(12, sha256.length()))
          + "…)";
    }
  }

  static final String YES = "yes";
  static final String NO = "no";

  /** The date every entry of a model file carries (see {@link #entry}). */
  static final LocalDateTime SAVED_AT = LocalDateTime.of(2000, 1, 1, 0, 0);

  private static final String FORMAT = "aet learned model 2";
  private static final String DOCCAT_FORMAT = "aet learned model 1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public LearnedModel {
    models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    thresholds = Map.copyOf(thresholds);
    scores = List.copyOf(scores);
    baseline = List.copyOf(baseline);
    validation = java.util.Objects.requireNonNullElse(validation, "");
    confidence = Map.copyOf(confidence);
    learnedFrom = List.copyOf(learnedFrom);
  }

  /** This model, saying it was learned from {@code sources}. */
  public LearnedModel learnedFrom(List<Source> sources) {
    return new LearnedModel(
        codebook,
        codebookVersion,
        algorithm,
        readsMeaning,
        models,
        thresholds,
        scores,
        baseline,
        trainingSegments,
        validation,
        confidence,
        sources);
  }

  /**
   * The transcripts among {@code transcripts} this model learned from: figures it makes on them
   * flatter it (a trial or replay on them is not judged on talk it has not seen).
   */
  public java.util.SortedSet<String> learnedFromAmong(java.util.Collection<String> transcripts) {
    java.util.SortedSet<String> seen = new java.util.TreeSet<>();
    learnedFrom.forEach(source -> seen.addAll(source.transcripts()));
    seen.retainAll(new java.util.HashSet<>(transcripts));
    return seen;
  }

  /** What the models were learned from, in words ("" when no file is recorded). */
  public String learnedFromDescribed() {
    return String.join(" and ", learnedFrom.stream().map(Source::described).toList());
  }

  /**
   * Whether the cross-validated model beats the TF-IDF linear SVM on the same folds, on both micro
   * and macro F1 (false when there was no cross-validation).
   */
  public boolean beatsBaseline() {
    return !scores.isEmpty()
        && Evaluation.micro(scores).f1() > Evaluation.micro(baseline).f1()
        && Evaluation.macro(scores).f1() > Evaluation.macro(baseline).f1();
  }

  /** The probability from which {@code path} is suggested. */
  public double threshold(String path) {
    return thresholds.getOrDefault(path, Trainer.DEFAULT_THRESHOLD);
  }

  /**
   * The confidence to show for a probability {@code p} of {@code path}: the precision observed at
   * such probabilities on held-out transcripts in training, or the probability itself for a model
   * without that curve.
   */
  public double confidence(String path, double p) {
    PrecisionCurve curve = confidence.get(path);
    return curve == null ? p : curve.at(p);
  }

  /**
   * A zip entry dated at a fixed moment, so that the same model is the same bytes whenever and
   * wherever it is saved, and a rebuild can be compared with a kept copy byte for byte.
   */
  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(SAVED_AT);
    return entry;
  }

  /** Writes the model file, whole or not at all; the same model gives the same bytes. */
  public void save(Path target) throws IOException {
    try (AtomicOutput output = new AtomicOutput(target)) {
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(output.temporary()))) {
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("codebook", codebook);
        manifest.put("codebook_version", codebookVersion);
        manifest.put("algorithm", algorithm.label());
        manifest.put("reads_meaning", readsMeaning);
        manifest.put("training_segments", trainingSegments);
        manifest.put("validation", validation);
        ArrayNode sources = manifest.putArray("learned_from");
        for (Source source : learnedFrom) {
          sources
              .addObject()
              .put("file", source.file())
              .put("sha256", source.sha256())
              .put("segments", source.segments())
              .putArray("transcripts")
              .addAll(source.transcripts().stream().map(TextNode::valueOf).toList());
        }
        ArrayNode codes = manifest.putArray("codes");
        int n = 0;
        Map<String, String> files = new LinkedHashMap<>();
        for (String code : models.keySet()) {
          String file = "code-" + (n++) + ".bin";
          files.put(code, file);
          ObjectNode entry = codes.addObject();
          entry.put("code", code);
          entry.put("file", file);
          entry.put("threshold", threshold(code));
          if (confidence.containsKey(code)) {
            putCurve(entry.putObject("confidence"), confidence.get(code));
          }
          scores.stream()
              .filter(s -> s.code().equals(code))
              .findFirst()
              .ifPresent(s -> putScore(entry, s));
        }
        ArrayNode yardstick = manifest.putArray("baseline");
        manifest.put("baseline_method", "TF-IDF linear SVM (LIBLINEAR, C=1), same folds");
        for (Evaluation.CodeScore s : baseline) {
          putScore(yardstick.addObject().put("code", s.code()), s);
        }
        zip.putNextEntry(entry("model.json"));
        zip.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        for (Map.Entry<String, String> file : files.entrySet()) {
          zip.putNextEntry(entry(file.getValue()));
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (java.io.DataOutputStream data = new java.io.DataOutputStream(bytes)) {
            new GenericModelWriter((AbstractModel) models.get(file.getKey()), data).persist();
          }
          zip.write(bytes.toByteArray());
          zip.closeEntry();
        }
      }
      output.commit();
    }
  }

  /** Reads a model file written by {@link #save}. */
  public static LearnedModel load(Path file) throws InputException {
    try {
      return fromBytes(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read this model file: " + reason(e)));
    }
  }

  /**
   * Reads the bytes of a model file written by {@link #save}.
   *
   * @throws IOException saying, in words, why they are not a model aet can read
   */
  public static LearnedModel fromBytes(byte[] bytes) throws IOException {
    ZipGuard.check(bytes);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    byte[] manifestBytes = entries.get("model.json");
    if (manifestBytes == null) {
      throw new IOException("no model.json inside: not an aet model file");
    }
    JsonNode manifest = MAPPER.readTree(new String(manifestBytes, StandardCharsets.UTF_8));
    String format = manifest.path("format").asText();
    if (!format.equals(FORMAT) && !format.equals(DOCCAT_FORMAT)) {
      throw new IOException(
          "it says it is \""
              + format
              + "\", which this version of aet cannot read (it reads \""
              + FORMAT
              + "\"): train the model again");
    }
    Map<String, MaxentModel> models = new LinkedHashMap<>();
    Map<String, Double> thresholds = new LinkedHashMap<>();
    Map<String, PrecisionCurve> confidence = new LinkedHashMap<>();
    List<Evaluation.CodeScore> scores = new ArrayList<>();
    for (JsonNode entry : manifest.path("codes")) {
      String code = entry.path("code").asText();
      byte[] model = entries.get(entry.path("file").asText());
      if (model == null) {
        throw new IOException("the model for " + code + " is missing from the file");
      }
      models.put(code, format.equals(FORMAT) ? read(model) : readDoccat(model));
      if (entry.path("threshold").isNumber()) {
        thresholds.put(code, entry.path("threshold").asDouble());
      }
      if (entry.has("confidence")) {
        confidence.put(code, readCurve(entry.path("confidence")));
      }
      if (entry.has("f1")) {
        scores.add(readScore(code, entry));
      }
    }
    List<Evaluation.CodeScore> baseline = new ArrayList<>();
    for (JsonNode entry : manifest.path("baseline")) {
      baseline.add(readScore(entry.path("code").asText(), entry));
    }
    List<Source> learnedFrom = new ArrayList<>();
    for (JsonNode source : manifest.path("learned_from")) {
      learnedFrom.add(
          new Source(
              source.path("file").asText(),
              source.path("sha256").asText(),
              source.path("segments").asInt(),
              texts(source.path("transcripts"))));
    }
    return new LearnedModel(
        manifest.path("codebook").asText(),
        manifest.path("codebook_version").asText(),
        Trainer.Algorithm.of(manifest.path("algorithm").asText()),
        manifest.path("reads_meaning").asBoolean(false),
        models,
        thresholds,
        scores,
        baseline,
        manifest.path("training_segments").asInt(),
        manifest.path("validation").asText(""),
        confidence,
        learnedFrom);
  }

  private static void putCurve(ObjectNode node, PrecisionCurve curve) {
    ArrayNode starts = node.putArray("starts");
    ArrayNode values = node.putArray("values");
    for (int i = 0; i < curve.starts().length; i++) {
      starts.add(curve.starts()[i]);
      values.add(curve.values()[i]);
    }
    node.put("observations", curve.observations());
    node.put("positives", curve.positives());
  }

  private static PrecisionCurve readCurve(JsonNode node) throws IOException {
    JsonNode starts = node.path("starts");
    JsonNode values = node.path("values");
    if (!starts.isArray() || starts.size() == 0 || starts.size() != values.size()) {
      throw new IOException("a code's confidence curve needs as many values as steps");
    }
    double[] s = new double[starts.size()];
    double[] v = new double[values.size()];
    for (int i = 0; i < s.length; i++) {
      if (!starts.get(i).isNumber() || !values.get(i).isNumber()) {
        throw new IOException("a code's confidence curve holds something that is not a number");
      }
      s[i] = starts.get(i).asDouble();
      v[i] = values.get(i).asDouble();
    }
    return new PrecisionCurve(
        s, v, node.path("observations").asInt(), node.path("positives").asInt());
  }

  /** Why a model file could not be read, in words: a file cut short has no message of its own. */
  private static String reason(Exception e) {
    if (e instanceof java.io.EOFException) {
      return "it ends too soon; the file may be damaged or cut short";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** One code's model in OpenNLP's binary format, read with every count checked. */
  private static MaxentModel read(byte[] model) throws IOException {
    return new GenericModelReader(new CheckedReader(model)).getModel();
  }

  /** One code's model from a file of the first format: an OpenNLP document categoriser. */
  private static MaxentModel readDoccat(byte[] model) throws IOException {
    // Each categoriser is itself a zip archive: it gets the same guard as the file.
    ZipGuard.check(model);
    return new DoccatModel(new ByteArrayInputStream(model)).getMaxentModel();
  }

  /**
   * Reads OpenNLP's binary model format, refusing any count larger than the bytes left: every
   * integer in the format counts or indexes things still to come, so a damaged or hostile file
   * cannot make the reader allocate more than the file's size.
   */
  private static final class CheckedReader implements DataReader {
    private final ByteArrayInputStream bytes;
    private final BinaryFileDataReader reader;

    CheckedReader(byte[] model) {
      this.bytes = new ByteArrayInputStream(model);
      this.reader = new BinaryFileDataReader(bytes);
    }

    @Override
    public double readDouble() throws IOException {
      return reader.readDouble();
    }

    @Override
    public int readInt() throws IOException {
      int value = reader.readInt();
      if (value < 0 || value > bytes.available()) {
        throw new IOException("a model holds a count of " + value + " that its data cannot hold");
      }
      return value;
    }

    @Override
    public String readUTF() throws IOException {
      return reader.readUTF();
    }
  }

  /** A short description, since the models themselves are large. */
  @Override
  public String toString() {
    return "LearnedModel["
        + codebook
        + "@"
        + codebookVersion
        + ", "
        + algorithm.label()
        + (readsMeaning ? " with meaning" : "")
        + ", "
        + models.keySet()
        + "]";
  }

  /** Writes a score's figures; undefined ones (NaN) as null: JSON has no NaN. */
  private static void putScore(ObjectNode entry, Evaluation.CodeScore s) {
    entry.put("precision", defined(s.precision()));
    entry.put("recall", defined(s.recall()));
    entry.put("f1", defined(s.f1()));
    entry.put("kappa", defined(s.kappa()));
    entry.put("support", s.support());
    entry.put("right", s.truePositives());
    entry.put("wrong", s.falsePositives());
    entry.put("missed", s.falseNegatives());
    entry.put("rightly_left_out", s.trueNegatives());
  }

  private static Evaluation.CodeScore readScore(String code, JsonNode entry) {
    int right = entry.path("right").asInt();
    int wrong = entry.path("wrong").asInt();
    int missed = entry.path("missed").asInt();
    int rightlyLeftOut = entry.path("rightly_left_out").asInt();
    return new Evaluation.CodeScore(
        code,
        right,
        wrong,
        missed,
        rightlyLeftOut,
        score(entry.path("precision")),
        score(entry.path("recall")),
        score(entry.path("f1")),
        org.aet.evaluation.Agreement.cohenKappa(right, wrong, missed, rightlyLeftOut),
        entry.path("support").asInt());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static Double defined(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static double score(JsonNode value) {
    return value.isNumber() ? value.asDouble() : Double.NaN;
  }
}
