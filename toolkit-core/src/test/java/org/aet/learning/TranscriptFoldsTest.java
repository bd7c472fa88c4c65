package org.aet.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.Folds;
import org.aet.evaluation.LabelledSegment;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * Cross-validation judges a model on transcripts it did not learn from. The labelled set is written
 * so that a transcript's topic words give its codes away: every turn of the two hearings about
 * ferries and libraries carries structural issues, no turn of the six others does, and the turns
 * are otherwise alike. Turns dealt one by one into folds let a model learn "ferry" on some turns of
 * the ferry hearing and be judged on the others; kept whole, the hearing it is judged on has topic
 * words it never saw, and nothing else tells the code apart.
 */
class TranscriptFoldsTest {
  private static final String CODE = "motivation-structure/structural-issues";
  private static final String[] TOPICS = {
    "The ferry left the harbour",
    "The library lent its books",
    "The orchard grew its apples",
    "The railway checked its signals",
    "The bakery baked its bread",
    "The glacier melted its ice",
    "The violinist played her concerto",
    "The tennis club painted its courts"
  };
  private static final String[] TALK = {
    "and we discussed it at length.",
    "and the committee asked about it.",
    "and the witness answered the question.",
    "and the chair thanked everyone.",
    "and the members took notes.",
    "and we moved on to the next point.",
    "and the clerk read the minutes.",
    "and someone asked a follow-up."
  };

  private static List<Trainer.Example> examples(Codebook book) {
    List<LabelledSegment> labelled = new ArrayList<>();
    for (int turn = 0; turn < TALK.length; turn++) {
      for (int t = 0; t < TOPICS.length; t++) {
        labelled.add(
            new LabelledSegment(
                "hearing_" + t + "@" + turn * 100 + "-" + (turn * 100 + 90),
                TOPICS[t] + " " + TALK[turn],
                t < 2 ? List.of(CODE) : List.of()));
      }
    }
    return Trainer.examples(
        labelled,
        book,
        CoreNlpAnnotator.shared(),
        null,
        new ArrayList<>(),
        new ProgressListener() {});
  }

  private static double f1(LearnedModel model) {
    return model.scores().stream()
        .filter(s -> s.code().equals(CODE))
        .findFirst()
        .orElseThrow()
        .f1();
  }

  @Test
  void foldsByTranscriptNeverSplitATranscriptAndDoNotReportTheLeak() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    List<Trainer.Example> examples = examples(book);
    Trainer.Options byTranscript = Trainer.Options.DEFAULT;
    Folds folds = byTranscript.folds(examples);
    Map<String, Integer> foldOfTranscript = new HashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      Integer before = foldOfTranscript.putIfAbsent(examples.get(i).transcript(), folds.of(i));
      assertTrue(
          before == null || before == folds.of(i),
          examples.get(i).transcript() + " is split between folds");
    }
    assertEquals(8, foldOfTranscript.size(), "the transcript is the part of the id before @");

    LearnedModel honest = Trainer.train(book, examples, byTranscript);
    Trainer.Options bySegment = new Trainer.Options(Trainer.Algorithm.LOGISTIC, 5, 42, 2, true);
    LearnedModel leaky = Trainer.train(book, examples, bySegment);
    assertTrue(f1(leaky) > 0.9, "turns of a seen hearing give the code away: " + f1(leaky));
    assertTrue(
        f1(honest) < 0.3, "a hearing left out has topic words the model never saw: " + f1(honest));
    assertTrue(honest.validation().contains("by transcript"), honest.validation());
    assertTrue(leaky.validation().contains("LEAK"), leaky.validation());
    assertTrue(
        Evaluation.micro(honest.scores()).kappa() < Evaluation.micro(leaky.scores()).kappa());
  }
}
