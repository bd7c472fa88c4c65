package org.aet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement statistics against published worked examples, and values computed by hand. */
class AgreementTest {
  /** Rows are coders, columns items, "." missing: transposed into ratings per item. */
  private static Agreement.Ratings byCoder(String... coders) {
    List<String[]> rows = Arrays.stream(coders).map(c -> c.split(" ")).toList();
    List<List<String>> items = new ArrayList<>();
    for (int item = 0; item < rows.get(0).length; item++) {
      List<String> ratings = new ArrayList<>();
      for (String[] row : rows) {
        ratings.add(row[item].equals(".") ? null : row[item]);
      }
      items.add(ratings);
    }
    return new Agreement.Ratings(items);
  }

  @Test
  void krippendorffsReliabilityDataWithMissingValues() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
    // twelve units,
    // nominal data with missing values; the paper gives alpha = 0.743.
    Agreement.Ratings data =
        byCoder(
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .");
    assertEquals(0.743, Agreement.krippendorffAlpha(data), 0.0005);
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
    assertEquals(0.210, Agreement.fleissKappa(new Agreement.Ratings(items)), 0.0005);
  }

  @Test
  void cohenAndBrennanPredigerByHand() {
    // Two coders, ten segments, yes/no: both yes 4, both no 3, first yes second no 2, first no
    // second yes 1.
    // po = 0.7; first says yes 6/10, second 5/10: pe = 0.6 * 0.5 + 0.4 * 0.5 = 0.5; kappa = 0.2 /
    // 0.5 = 0.4.
    // Brennan-Prediger with two categories: (0.7 - 0.5) / 0.5 = 0.4 as well; percent agreement 0.7.
    Agreement.Ratings data = byCoder("y y y y n n n y y n", "y y y y n n n n n y");
    assertEquals(0.7, Agreement.percentAgreement(data), 1e-9);
    assertEquals(0.4, Agreement.cohenKappa(data), 1e-9);
    assertEquals(0.4, Agreement.brennanPrediger(data, 2), 1e-9);
    assertEquals(0.4, Agreement.cohenKappa(4, 1, 2, 3), 1e-9, "the same from the 2x2 table");
    // Fleiss with two raters: p_yes = (6 + 5) / 20 = 0.55, pe = 0.55^2 + 0.45^2 = 0.505, po = 0.7:
    // (0.7 - 0.505) / 0.495 = 0.3939...
    assertEquals(0.195 / 0.495, Agreement.fleissKappa(data), 1e-9);
  }

  @Test
  void percentAgreementAveragesCoderPairs() {
    // One item, three coders: y y n gives one agreeing pair of three.
    assertEquals(1.0 / 3, Agreement.percentAgreement(byCoder("y", "y", "n")), 1e-9);
    assertEquals(
        Double.NaN,
        Agreement.cohenKappa(byCoder("y", "y", "n")),
        "Cohen's kappa is for two coders");
  }
}
