package org.aet.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.evaluation.LabelledSegment;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.learning.LearnedModel;
import org.aet.learning.Trainer;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.project.DecisionKind;
import org.aet.project.ProjectStore;
import org.aet.project.Verdict;
import org.aet.ranking.Prior;
import org.aet.ranking.ProjectRanking;
import org.aet.ranking.ReviewRanking;
import org.aet.ranking.ReviewSimulation;
import org.aet.ranking.ReviewTarget;
import org.aet.ranking.ScoredSegment;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranked review rounds on a real project file whose first rounds are ranked by a model learned
 * elsewhere. Elsewhere, every turn about the ferry timetable carried structural issues; the
 * project's one such turn reads like nothing in the codebook, while another turn is the codebook's
 * own example. The codebook alone puts its example first; the model puts the ferry first.
 */
class RankedReviewTest {
  private static final String CODE = "motivation-structure/structural-issues";
  private static final String FERRY =
      "The ferry timetable changed again and nobody told the harbour.";
  private static final String EXAMPLE =
      "The university's finance system could not pay people who were not on the payroll, so every"
          + " payment took months.";
  private static final String[] PLAIN = {
    "Thank you, chair, for the question.",
    "We visited the school last week.",
    "The report was published in March.",
    "I agree with what was said earlier.",
    "Could you say more about the timetable for the report?",
    "We met the parents on Tuesday evening."
  };

  @TempDir static Path dir;
  static Path project;
  static Path model;
  static WindowEmbedding embedding;

  @BeforeAll
  static void setUp() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    embedding = new WindowEmbedding(new BgeSmallEmbedder());
    model = dir.resolve("team.model");
    trainedElsewhere(book).save(model);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      String said = i == 7 ? FERRY : i == 3 ? EXAMPLE : PLAIN[i % PLAIN.length];
      text.append(i % 2 == 0 ? "Ann: " : "Tom: ").append(said).append('\n');
    }
    Transcript hearing =
        new PlainTextReader()
            .read(new SourceText(Path.of("hearing.txt"), "hearing", "", text.toString(), "UTF-8"))
            .transcript();
    project = dir.resolve("study.aet");
    try (ProjectStore store = ProjectStore.create(project)) {
      store.addTranscript(hearing, "hash-hearing");
      List<Segment> segments =
          new Segmenter(SegmentUnit.TURN)
              .segment(hearing, CoreNlpAnnotator.shared().annotate(hearing.text()));
      List<Coding> codings = new ArrayList<>();
      RuleCoder rules = new RuleCoder(book);
      segments.forEach(s -> codings.addAll(rules.code(s)));
      store.addCodebook(book);
      store.addRun("run-1", segments, SegmentUnit.TURN, codings, book);
    }
  }

  /** Three other hearings, every ferry turn coded with structural issues, nothing else coded. */
  private static LearnedModel trainedElsewhere(Codebook book) throws Exception {
    List<LabelledSegment> elsewhere = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean ferry = i % 4 == 0;
      elsewhere.add(
          new LabelledSegment(
              "other_" + (i % 3) + "@" + i * 100 + "-" + (i * 100 + 50),
              ferry ? "The ferry timetable was cut by the harbour board." : PLAIN[i % PLAIN.length],
              ferry ? List.of(CODE) : List.of()));
    }
    List<Trainer.Example> examples =
        Trainer.examples(
            elsewhere,
            book,
            CoreNlpAnnotator.shared(),
            null,
            new ArrayList<>(),
            ProgressListener.SILENT);
    return Trainer.train(book, examples, new Trainer.Options(Trainer.Algorithm.LOGISTIC, 0, 42, 2));
  }

  private static String idSaying(ProjectStore store, String said) throws Exception {
    return store.segments(SegmentUnit.TURN).stream()
        .filter(s -> s.text().equals(said))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void preparingCountsTheTranscriptsReadSoAWaitingPageCanSayHowFarItHasCome() throws Exception {
    List<String> heard = new ArrayList<>();
    ProgressListener progress =
        new ProgressListener() {
          @Override
          public void progress(String stage, long done, long total) {
            heard.add(stage + " " + done + "/" + total);
          }
        };
    try (ProjectStore store = ProjectStore.open(project)) {
      RankedReview.prepare(
          store,
          CoreNlpAnnotator.shared(),
          embedding,
          RankedReview.FirstRounds.codebook(),
          progress);
    }
    assertEquals(List.of(ScoredSegment.READING + " 0/1", ScoredSegment.READING + " 1/1"), heard);
  }

  @Test
  void aModelGivenForTheFirstRoundsPutsThePassageItScoresHighFirst() throws Exception {
    try (ProjectStore store = ProjectStore.open(project)) {
      RankedReview byCodebook = RankedReview.prepare(store, CoreNlpAnnotator.shared(), embedding);
      RankedReview byModel =
          RankedReview.prepare(
              store,
              CoreNlpAnnotator.shared(),
              embedding,
              RankedReview.FirstRounds.of(ModelSource.file(model)));
      String ferry = idSaying(store, FERRY);
      ProjectRanking.Round codebookRound = byCodebook.round(store);
      assertEquals(idSaying(store, EXAMPLE), codebookRound.next().get(0), "the codebook's own");
      assertNotEquals(ferry, codebookRound.next().get(0));
      ProjectRanking.Round modelRound = byModel.round(store);
      assertEquals(ferry, modelRound.next().get(0), "the model's: " + modelRound.next());
      assertEquals(ReviewRanking.Basis.CODEBOOK, modelRound.status().basis(), "nothing coded yet");
      assertTrue(byModel.firstRankedBy().contains("team.model"), byModel.firstRankedBy());
      assertEquals("the codebook alone", byCodebook.firstRankedBy());
      List<ProjectStore.Ranking> recorded = store.rankings();
      assertEquals("learned model", recorded.get(recorded.size() - 1).basis());
      assertEquals("codebook", recorded.get(recorded.size() - 2).basis());
      RankedReview.Queue queue = byModel.queue(store, "alice", ReviewTarget.ANY);
      assertEquals(ferry, queue.next().get(0), "the workspace's queue starts from the model too");
    }
  }

  @Test
  void aRealRoundRanksAsTheSimulationReplaysIt() throws Exception {
    Path copy = dir.resolve("replayed.aet");
    java.nio.file.Files.copy(project, copy);
    try (ProjectStore store = ProjectStore.open(copy)) {
      Codebook book = store.codebook(store.latestRun().codebookVersion());
      List<ScoredSegment> scored =
          ScoredSegment.of(
              store.transcripts(),
              CoreNlpAnnotator.shared(),
              new Segmenter(SegmentUnit.TURN),
              embedding,
              Prior.modelFile(model, book),
              id -> true);
      Set<String> relevant = Set.of(idSaying(store, FERRY), idSaying(store, EXAMPLE));
      List<ReviewSimulation.Round> simulated = new ArrayList<>();
      ReviewSimulation.replay(
          new ReviewRanking(ScoredSegment.items(scored, ReviewTarget.of(book).get(0))),
          relevant,
          3,
          simulated::add);
      RankedReview review =
          RankedReview.prepare(
              store,
              CoreNlpAnnotator.shared(),
              embedding,
              RankedReview.FirstRounds.of(ModelSource.file(model)));
      for (int round = 0; round < 3; round++) {
        ReviewSimulation.Round expected = simulated.get(round);
        assertEquals(
            expected.ranked().segmentIds(),
            review.round(store).next(),
            "round " + (round + 1) + " of the simulation and of the project");
        Map<String, Boolean> read = simulated.get(round + 1).revealed();
        Set<String> decided = new HashSet<>(expected.revealed().keySet());
        List<ProjectStore.Decision> decisions = new ArrayList<>();
        read.forEach(
            (id, has) -> {
              if (!decided.contains(id)) {
                decisions.add(decision(id, has, book.version()));
              }
            });
        store.addDecisions(decisions, "workbook-" + round, ProgressListener.SILENT);
      }
      assertEquals(
          ReviewRanking.Basis.MODEL,
          simulated.get(2).ranked().basis(),
          "by the third round the team's decisions rank");
    }
  }

  private static ProjectStore.Decision decision(String id, boolean coded, String version) {
    return new ProjectStore.Decision(
        id,
        "alice",
        DecisionKind.REVIEW,
        coded ? Verdict.CODE : Verdict.REJECT,
        coded ? List.of(CODE) : List.of(),
        "",
        "w.xlsx",
        version,
        "workbook-1");
  }
}
