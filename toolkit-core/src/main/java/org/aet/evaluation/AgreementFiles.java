package org.aet.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aet.diagnostics.AetException;

/**
 * Agreement between coders who each coded into a labelled-segments file, with everything that could
 * quietly change the figures said out loud: segment ids that appear twice in one file, ids some
 * coders have and others lack, and segments with no codes, which may mean "no code applies" or "not
 * coded yet". That last difference moved kappa from 0.83 to 0.32 on a real two-coder set, so it is
 * a choice ({@link Missing}) and always reported. A segment a coder's file lists is that coder's
 * decision by default ({@link Missing#NO_CODE}); one it does not list is missing.
 */
public final class AgreementFiles {
  /** What a segment listed without codes means. */
  public enum Missing {
    /** Not coded: the coder gave no judgement on it, and it is left out of their ratings. */
    EXCLUDE,
    /**
     * Coded, and no code applies: a "no" for every code. A segment listed without text as well as
     * without codes is still left out: the coder cannot have read it. The default.
     */
    NO_CODE;

    /** The word used in options and reports ("exclude", "no-code"). */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The meaning {@code label} names (any case; "no_code" too).
     *
     * @throws IllegalArgumentException when it names none
     */
    public static Missing of(String label) {
      return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** The report and what the reader should know about how it was computed. */
  public record Result(AgreementReport.Report report, List<String> warnings) {}

  private AgreementFiles() {}

  /** Reads one labelled file per coder (the coder named after the file) and compares them. */
  public static Result compare(List<Path> files, Missing missing) throws AetException {
    Map<String, AgreementReport.Unit> units = new LinkedHashMap<>();
    List<AgreementReport.CoderLabels> labels = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Set<String>> idsPerFile = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path file : files) {
      Map<String, List<String>> codes = new LinkedHashMap<>();
      int empty = 0;
      Set<String> textless = new HashSet<>();
      LabelledSegments.Read read = LabelledSegments.readFile(file);
      for (LabelledSegment segment : read.segments()) {
        String id = segment.segmentId();
        codes.put(id, segment.codes());
        if (segment.text() == null || segment.text().isBlank()) {
          textless.add(id);
        }
        String transcript = id.contains("@") ? id.substring(0, id.lastIndexOf('@')) : "";
        units.putIfAbsent(id, new AgreementReport.Unit(id, transcript, "", segment.text()));
      }
      for (Map.Entry<String, List<String>> entry : List.copyOf(codes.entrySet())) {
        if (entry.getValue().isEmpty()) {
          empty++;
          if (missing == Missing.EXCLUDE || textless.contains(entry.getKey())) {
            codes.remove(entry.getKey());
          }
        }
      }
      if (!read.repeatedIds().isEmpty()) {
        warnings.add(
            file
                + ": "
                + read.repeatedIds().size()
                + " segment id(s) appear more than once (for example \""
                + read.repeatedIds().get(0)
                + "\"); their codes were merged");
      }
      if (empty > 0) {
        warnings.add(
            file
                + ": "
                + empty
                + " segment(s) have no codes; "
                + (missing == Missing.EXCLUDE
                    ? "counted as not coded (--missing exclude)"
                    : "counted as \"no code applies\", except any without text, which count as not"
                        + " coded (use --missing exclude if an empty row means \"not coded yet\")"));
      }
      idsPerFile.add(new HashSet<>(codes.keySet()));
      String name =
          file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT);
      String unique = name;
      for (int n = 2; !names.add(unique); n++) {
        unique = name + "-" + n;
      }
      labels.add(new AgreementReport.CoderLabels(unique, codes, Map.of()));
    }
    for (int i = 0; i < files.size(); i++) {
      Set<String> others = new HashSet<>();
      for (int j = 0; j < files.size(); j++) {
        if (j != i) {
          others.addAll(idsPerFile.get(j));
        }
      }
      List<String> onlyHere =
          idsPerFile.get(i).stream().filter(id -> !others.contains(id)).sorted().toList();
      if (!onlyHere.isEmpty()) {
        warnings.add(
            files.get(i)
                + ": "
                + onlyHere.size()
                + " segment(s) no other coder has (for example \""
                + onlyHere.get(0)
                + "\"); they take part in no comparison");
      }
    }
    return new Result(AgreementReport.compute(List.copyOf(units.values()), labels), warnings);
  }
}
