package org.aet.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The review loop and its measures, on segments written for the test where the answer is known. */
class ReviewSimulationTest {
  /** {@code n} segments, the first {@code relevant} of them relevant, with the given features. */
  private static List<ReviewRanking.Item> items(
      int n, Set<String> relevant, Random random, boolean informative, boolean perfectPrior) {
    List<ReviewRanking.Item> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("t@%03d", i);
      boolean has = relevant.contains(id);
      float[] f = new float[8];
      for (int j = 0; j < f.length; j++) {
        f[j] = (float) random.nextGaussian();
      }
      if (informative) {
        f[0] = has ? 3 : -3;
      }
      items.add(new ReviewRanking.Item(id, f, perfectPrior ? (has ? 1 : 0) : random.nextDouble()));
    }
    return items;
  }

  private static Set<String> firstIds(int count, int n, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    Set<String> ids = new HashSet<>();
    order.subList(0, count).forEach(i -> ids.add(String.format("t@%03d", i)));
    return ids;
  }

  @Test
  void theMeasuresAreComputedAsDefined() {
    List<Boolean> found =
        List.of(true, false, true, false, false, false, false, false, false, true);
    ReviewSimulation.Outcome outcome = new ReviewSimulation.Outcome("x", found, 0);
    assertEquals(10, outcome.segments());
    assertEquals(3, outcome.relevant());
    assertEquals(2 / 3.0, outcome.recallAfter(0.3), 1e-9);
    assertEquals(1 / 3.0, outcome.recallAfter(0.1), 1e-9);
    assertEquals(10, outcome.readsFor(0.95), "95% of 3 is all 3");
    assertEquals(-0.05, outcome.wss(0.95), 1e-9, "reading everything saves nothing");
    assertEquals(3, outcome.readsFor(0.6));
  }

  @Test
  void aPerfectRankerReadsOnlyWhatMatters() {
    Random random = new Random(1);
    Set<String> relevant = firstIds(20, 200, random);
    ReviewSimulation.Outcome outcome =
        ReviewSimulation.simulate("x", items(200, relevant, random, true, true), relevant, 10, 7);
    assertEquals(19, outcome.readsFor(0.95), "ceil(0.95 * 20) reads");
    assertEquals((200 - 19) / 200.0 - 0.05, outcome.wss(0.95), 1e-9);
    assertEquals(1.0, outcome.recallAfter(0.1), 1e-9);
    assertTrue(Math.abs(outcome.randomWss95()) < 0.1, "a random order saves about nothing");
  }

  @Test
  void theModelLearnsFromReviewedSegmentsWhenTheCodebookKnowsNothing() {
    Random random = new Random(2);
    Set<String> relevant = firstIds(20, 300, random);
    ReviewSimulation.Outcome outcome =
        ReviewSimulation.simulate("x", items(300, relevant, random, true, false), relevant, 10, 7);
    assertTrue(
        outcome.wss(0.95) > 0.5, "features that tell the classes apart: " + outcome.wss(0.95));
  }

  @Test
  void labelsShuffledAcrossSegmentsSaveAboutNothing() {
    double sum = 0;
    for (int seed = 0; seed < 8; seed++) {
      Random random = new Random(100 + seed);
      Set<String> relevant = firstIds(30, 300, random);
      List<ReviewRanking.Item> items = items(300, relevant, random, true, false);
      Set<String> shuffled = firstIds(30, 300, random);
      sum += ReviewSimulation.simulate("x", items, shuffled, 10, seed).wss(0.95);
    }
    assertTrue(Math.abs(sum / 8) < 0.1, "mean WSS@95 with shuffled labels: " + sum / 8);
  }

  @Test
  void noFitEverSeesASegmentBeforeItIsRead() {
    Random random = new Random(3);
    Set<String> relevant = firstIds(15, 100, random);
    List<ReviewRanking.Item> items = items(100, relevant, random, true, false);
    List<String> read = new ArrayList<>();
    List<ReviewRanking.Basis> bases = new ArrayList<>();
    ReviewSimulation.replay(
        new ReviewRanking(items),
        relevant,
        10,
        round -> {
          assertEquals(new HashSet<>(read), round.revealed().keySet(), "round " + round.number());
          assertEquals(read.size(), round.ranked().trainedOn());
          for (String id : round.ranked().segmentIds()) {
            assertFalse(round.revealed().containsKey(id), "a read segment is not ranked again");
          }
          bases.add(round.ranked().basis());
          read.addAll(
              round
                  .ranked()
                  .segmentIds()
                  .subList(0, Math.min(10, round.ranked().segmentIds().size())));
        });
    assertEquals(100, read.size());
    assertEquals(
        ReviewRanking.Basis.CODEBOOK, bases.get(0), "the first round rests on the codebook");
    assertEquals(ReviewRanking.Basis.MODEL, bases.get(bases.size() - 1));
  }

  @Test
  void theEstimateOfWhatIsLeftFollowsTheModelOnceThereIsOne() {
    Random random = new Random(4);
    Set<String> relevant = firstIds(20, 200, random);
    List<ReviewRanking.Item> items = items(200, relevant, random, true, false);
    ReviewRanking ranking = new ReviewRanking(items);
    java.util.Map<String, Boolean> reviewed = new java.util.HashMap<>();
    ReviewRanking.Estimate before = ranking.estimate(reviewed);
    double priors = items.stream().mapToDouble(ReviewRanking.Item::prior).sum();
    assertEquals(priors, before.remaining(), 1e-9, "the codebook's priors, summed");
    int left = 0;
    for (ReviewRanking.Item item : items.subList(0, 100)) {
      reviewed.put(item.segmentId(), relevant.contains(item.segmentId()));
    }
    for (ReviewRanking.Item item : items.subList(100, 200)) {
      left += relevant.contains(item.segmentId()) ? 1 : 0;
    }
    ReviewRanking.Estimate after = ranking.estimate(reviewed);
    assertTrue(after.how().contains("Platt scaling"), after.how());
    assertEquals(left, after.remaining(), 3.0, "close to the " + left + " really left");
  }

  /**
   * In real rounds the reviewed segments are the ones the ranking put first, and the classes
   * overlap. The ranking model weights the classes equally, so its own probabilities, summed over
   * hundreds of unread segments, would count many times what is left.
   */
  @Test
  void afterRankedReadingTheEstimateIsNotInflatedByTheRankingsClassWeights() {
    Random random = new Random(6);
    Set<String> relevant = firstIds(30, 400, random);
    List<ReviewRanking.Item> items = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String id = String.format("t@%03d", i);
      float[] f = new float[64];
      for (int j = 0; j < f.length; j++) {
        f[j] = (float) (random.nextGaussian() / 8);
      }
      f[0] += relevant.contains(id) ? 0.4f : 0;
      items.add(new ReviewRanking.Item(id, f, 0));
    }
    ReviewRanking ranking = new ReviewRanking(items);
    java.util.Map<String, Boolean> reviewed = new java.util.HashMap<>();
    while (reviewed.size() < 150) {
      for (String id : ranking.rank(reviewed).segmentIds().subList(0, 10)) {
        reviewed.put(id, relevant.contains(id));
      }
    }
    long left = relevant.stream().filter(id -> !reviewed.containsKey(id)).count();
    ReviewRanking.Estimate estimate = ranking.estimate(reviewed);
    assertEquals(left, estimate.remaining(), 4.0, "close to the " + left + " really left");
  }

  @Test
  void withFewCodedSegmentsTheEstimateIsTheYieldSoFarAndSaysSo() {
    Random random = new Random(7);
    Set<String> relevant = firstIds(20, 200, random);
    List<ReviewRanking.Item> items = items(200, relevant, random, true, false);
    java.util.Map<String, Boolean> reviewed = new java.util.HashMap<>();
    int found = 0;
    for (ReviewRanking.Item item : items.subList(0, 40)) {
      boolean has = relevant.contains(item.segmentId());
      reviewed.put(item.segmentId(), has);
      found += has ? 1 : 0;
    }
    assertTrue(found > 0 && found < ReviewRanking.ENOUGH_EACH, "the test needs a few: " + found);
    ReviewRanking.Estimate estimate = new ReviewRanking(items).estimate(reviewed);
    assertEquals(160.0 * found / 40, estimate.remaining(), 1e-9);
    assertTrue(estimate.how().contains(found + " of the 40 reviewed"), estimate.how());
  }

  @Test
  void theWorkbookHoldsTheMeasuresTheCurvesAndTheirChart(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    Random random = new Random(5);
    Set<String> relevant = firstIds(10, 60, random);
    List<ReviewRanking.Item> items = items(60, relevant, random, true, false);
    List<ReviewSimulation.Outcome> outcomes =
        List.of(
            ReviewSimulation.simulate(ReviewTarget.ANY, items, relevant, 10, 1),
            ReviewSimulation.simulate("power", items, relevant, 10, 1),
            ReviewSimulation.simulate("power/reciprocity", items, relevant, 10, 1));
    java.nio.file.Path file = dir.resolve("curve.xlsx");
    SimulationReport.write(
        new ReviewSimulation.Report(outcomes, List.of(), 60, 60, List.of()), 10, file);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(file.toFile())) {
      org.apache.poi.ss.usermodel.Sheet summary = book.getSheet("Summary");
      assertEquals(3, summary.getLastRowNum(), "a row per target");
      assertEquals("wss95", summary.getRow(0).getCell(9).getStringCellValue());
      assertEquals(
          outcomes.get(0).wss(0.95), summary.getRow(1).getCell(9).getNumericCellValue(), 0.001);
      org.apache.poi.xssf.usermodel.XSSFSheet curves = book.getSheet("Curves");
      assertEquals(61, curves.getLastRowNum(), "a row per read, from none to all");
      assertEquals(1.0, curves.getRow(61).getCell(1).getNumericCellValue(), 1e-9);
      var charts = curves.getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size());
      assertEquals(
          3,
          charts.get(0).getChartSeries().get(0).getSeriesCount(),
          "any code, the tension and a random order; codes stay in the table");
    }
  }
}
