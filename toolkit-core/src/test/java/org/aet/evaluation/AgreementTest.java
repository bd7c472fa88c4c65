package org.aet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agreement statistics against published worked examples, and values computed by hand. */
class AgreementTest {
  /** Rows are coders, columns items, "." missing: transposed into ratings per item. */
  private static Ratings byCoder(String... coders) {
    List<String[]> rows = Arrays.stream(coders).map(c -> c.split(" ")).toList();
    List<List<String>> items = new ArrayList<>();
    for (int item = 0; item < rows.get(0).length; item++) {
      List<String> ratings = new ArrayList<>();
      for (String[] row : rows) {
        ratings.add(row[item].equals(".") ? null : row[item]);
      }
      items.add(ratings);
    }
    return new Ratings(items);
  }

  @Test
  void krippendorffsReliabilityDataWithMissingValues() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
    // twelve units,
    // nominal data with missing values; the paper gives alpha = 0.743.
    Ratings data =
        byCoder(
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .");
    assertEquals(0.743, new KrippendorffsAlpha().compute(data), 0.0005);
  }

  @Test
  void fleissWorkedExample() {
    // Fleiss (1971) style example as worked on Wikipedia ("Fleiss' kappa"): 10 subjects, 14 raters,
    // 5 categories,
    // kappa = 0.210. Each row gives how many raters chose categories 1..5.
    int[][] counts = {
      {0, 0, 0, 0, 14},
      {0, 2, 6, 4, 2},
      {0, 0, 3, 5, 6},
      {0, 3, 9, 2, 0},
      {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0},
      {3, 2, 6, 3, 0},
      {2, 5, 3, 2, 2},
      {6, 5, 2, 1, 0},
      {0, 2, 2, 3, 7}
    };
    List<List<String>> items = new ArrayList<>();
    for (int[] row : counts) {
      List<String> ratings = new ArrayList<>();
      for (int category = 0; category < row.length; category++) {
        for (int k = 0; k < row[category]; k++) {
          ratings.add("c" + (category + 1));
        }
      }
      items.add(ratings);
    }
    assertEquals(0.210, new FleissKappa().compute(new Ratings(items)), 0.0005);
  }

  @Test
  void cohenAndBrennanPredigerByHand() {
    // Two coders, ten segments, yes/no: both yes 4, both no 3, first yes second no 2, first no
    // second yes 1.
    // po = 0.7; first says yes 6/10, second 5/10: pe = 0.6 * 0.5 + 0.4 * 0.5 = 0.5; kappa = 0.2 /
    // 0.5 = 0.4.
    // Brennan-Prediger with two categories: (0.7 - 0.5) / 0.5 = 0.4 as well; percent agreement 0.7.
    Ratings data = byCoder("y y y y n n n y y n", "y y y y n n n n n y");
    assertEquals(0.7, new PercentAgreement().compute(data), 1e-9);
    assertEquals(0.4, new CohensKappa().compute(data), 1e-9);
    assertEquals(0.4, new BrennanPrediger().compute(data), 1e-9);
    assertEquals(0.4, Agreement.cohenKappa(4, 1, 2, 3), 1e-9, "the same from the 2x2 table");
    // Fleiss with two raters: p_yes = (6 + 5) / 20 = 0.55, pe = 0.55^2 + 0.45^2 = 0.505, po = 0.7:
    // (0.7 - 0.505) / 0.495 = 0.3939...
    assertEquals(0.195 / 0.495, new FleissKappa().compute(data), 1e-9);
  }

  @Test
  void percentAgreementAveragesCoderPairs() {
    // One item, three coders: y y n gives one agreeing pair of three.
    assertEquals(1.0 / 3, new PercentAgreement().compute(byCoder("y", "y", "n")), 1e-9);
    assertEquals(
        Double.NaN,
        new CohensKappa().compute(byCoder("y", "y", "n")),
        "Cohen's kappa is for two coders");
  }

  @Test
  void everyRegisteredStatisticIsAColumnAKeyAndAnExplanation(@TempDir Path dir) throws Exception {
    List<AgreementReport.Unit> units =
        List.of(
            new AgreementReport.Unit("s1", "t1", "A", "one"),
            new AgreementReport.Unit("s2", "t1", "B", "two"),
            new AgreementReport.Unit("s3", "t1", "A", "three"));
    AgreementReport.Report report =
        AgreementReport.compute(
            units,
            List.of(
                new AgreementReport.CoderLabels(
                    "ann",
                    Map.of("s1", List.of("x"), "s2", List.of(), "s3", List.of("x")),
                    Map.of()),
                new AgreementReport.CoderLabels(
                    "bob",
                    Map.of("s1", List.of("x"), "s2", List.of("x"), "s3", List.of()),
                    Map.of())));
    List<AgreementStatistic> statistics = AgreementStatistic.registry().all();
    assertEquals(
        List.of(
            "percent_agreement",
            "cohen_kappa",
            "fleiss_kappa",
            "krippendorff_alpha",
            "brennan_prediger"),
        statistics.stream().map(AgreementStatistic::name).toList());
    AgreementReport.Row code = report.rows().get(0);
    assertEquals(AgreementReport.Scope.CODE, code.scope());
    assertEquals(statistics, List.copyOf(code.values().keySet()));
    assertEquals(1.0 / 3, code.value("percent_agreement"), 1e-9);

    Path jsonl = dir.resolve("agreement.jsonl");
    AgreementReport.write(report, jsonl);
    var line =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Files.readAllLines(jsonl).get(0));
    for (AgreementStatistic statistic : statistics) {
      assertTrue(line.has(statistic.name()), statistic.name());
    }

    Path xlsx = dir.resolve("agreement.xlsx");
    AgreementReport.write(report, xlsx);
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
      List<String> headers = new ArrayList<>();
      workbook.getSheet("Agreement").getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
      List<String> explained = new ArrayList<>();
      workbook
          .getSheet("What the figures mean")
          .forEach(r -> explained.add(r.getCell(0).getStringCellValue()));
      for (AgreementStatistic statistic : statistics) {
        assertTrue(headers.contains(statistic.label()), statistic.label() + " in " + headers);
        assertTrue(explained.contains(statistic.label()), statistic.label() + " explained");
      }
    }
  }
}
