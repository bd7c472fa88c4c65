package org.aet.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.LabelledSegment;
import org.aet.evaluation.LabelledSegments;
import org.aet.segment.SegmentUnit;

/**
 * The team's coding in a project as labelled segments, the shape that calibration and training
 * read: every segment someone has decided on against a codebook, with the codes the team agreed
 * where it recorded a consensus, and otherwise each coder's own (one labelled segment per coder, so
 * that where two coders differ both judgements count). A segment decided with no code is labelled
 * with none: that is the team saying no code applies, which calibration needs as much as the codes.
 */
public final class TeamCoding {
  private TeamCoding() {}

  /**
   * The team's decisions against the codebook named {@code codebookName} (any of its versions), in
   * the order of the project's segments.
   */
  public static List<LabelledSegment> of(ProjectStore store, String codebookName)
      throws AetException {
    Map<String, String> names = store.codebookNames();
    Map<String, List<ProjectStore.Decision>> bySegment = new LinkedHashMap<>();
    for (ProjectStore.Decision d : store.latestDecisions()) {
      if (d.isCoding() && codebookName.equals(names.get(d.codebookVersion()))) {
        bySegment.computeIfAbsent(d.segmentId(), k -> new ArrayList<>()).add(d);
      }
    }
    Set<SegmentUnit> units = new LinkedHashSet<>();
    store.runs().forEach(r -> units.add(r.unit()));
    List<LabelledSegment> labelled = new ArrayList<>();
    for (SegmentUnit unit : units) {
      for (ProjectStore.StoredSegment segment : store.segments(unit)) {
        List<ProjectStore.Decision> decisions = bySegment.remove(segment.id());
        if (decisions == null) {
          continue;
        }
        List<ProjectStore.Decision> consensus =
            decisions.stream().filter(d -> d.kind() == DecisionKind.CONSENSUS).toList();
        for (ProjectStore.Decision d : consensus.isEmpty() ? decisions : consensus.subList(0, 1)) {
          labelled.add(new LabelledSegment(segment.id(), segment.text(), d.codes()));
        }
      }
    }
    return labelled;
  }

  /**
   * Labelled segments from {@code file}: a labelled-segments file (.jsonl or .csv), or a project,
   * whose team coding against the codebook named {@code codebookName} is read.
   *
   * @throws AetException when the file cannot be read, or the project holds no coding against the
   *     codebook (there would be nothing to learn from)
   */
  public static List<LabelledSegment> read(Path file, String codebookName) throws AetException {
    if (!ProjectStore.isProjectFile(file)) {
      return LabelledSegments.read(file);
    }
    try (ProjectStore store = ProjectStore.openForReading(file)) {
      List<LabelledSegment> team = of(store, codebookName);
      if (codings(team) == 0) {
        throw new AetException(
            file
                + " holds no coding against "
                + codebookName
                + " yet: review some suggestions first (\"aet review export\"), then try again");
      }
      return team;
    }
  }

  /** How many codings {@code labelled} holds in all. */
  public static int codings(List<LabelledSegment> labelled) {
    return labelled.stream().mapToInt(s -> s.codes().size()).sum();
  }
}
