package org.aet.report;

import java.util.List;
import java.util.Locale;
import org.aet.analysis.CodeTable;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.export.Palette;

/**
 * An inline SVG chart of each code's share of each case's segments: a group of horizontal bars per
 * code, one colour per case (colour-blind safe), each bar titled with its figures for a pointer.
 */
final class BarChart {
  private static final int LABEL_WIDTH = 300;
  private static final int PLOT_WIDTH = 420;
  private static final int BAR = 9;
  private static final int GAP = 10;

  private BarChart() {}

  static String svg(Codebook codebook, CodeTable table, String title) {
    List<String> cases = table.groups();
    List<Code> codes = codebook.codes();
    double max = 0;
    for (Code code : codes) {
      for (String c : cases) {
        max = Math.max(max, table.share(code.id(), c));
      }
    }
    double top = niceCeiling(max);
    int group = cases.size() * BAR + GAP;
    int legend = 24 + 18 * ((cases.size() + 3) / 4);
    int height = legend + codes.size() * group + 30;
    int width = LABEL_WIDTH + PLOT_WIDTH + 60;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " aria-label=\"%s\">\n",
            width,
            height,
            width,
            height,
            Html.escape(title)));
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    for (int c = 0; c < cases.size(); c++) {
      int x = LABEL_WIDTH + (c % 4) * 110;
      int y = 8 + (c / 4) * 18;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\""
                  + " y=\"%d\">%s</text>\n",
              x,
              y,
              Palette.series(c),
              x + 16,
              y + 10,
              Html.escape(cases.get(c))));
    }
    int axis = legend + codes.size() * group;
    for (int tick = 0; tick <= 4; tick++) {
      double value = top * tick / 4;
      double x = LABEL_WIDTH + PLOT_WIDTH * tick / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/><text x=\"%.1f\""
                  + " y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              x,
              legend - 4,
              x,
              axis,
              x,
              axis + 16,
              Html.percent(value).replace(".0%", "%")));
    }
    for (int k = 0; k < codes.size(); k++) {
      Code code = codes.get(k);
      int y = legend + k * group;
      int depth = codebook.depth(code.id());
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>%s</text>\n",
              LABEL_WIDTH - 8,
              y + cases.size() * BAR / 2 + 4,
              depth == 0 ? " font-weight=\"bold\"" : "",
              Html.escape(shorten(code.name(), depth == 0 ? 40 : 46))));
      for (int c = 0; c < cases.size(); c++) {
        double share = table.share(code.id(), cases.get(c));
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s, %s:"
                    + " %s (%d of %d segments)</title></rect>\n",
                LABEL_WIDTH,
                y + c * BAR,
                top == 0 ? 0 : PLOT_WIDTH * share / top,
                BAR - 1,
                Palette.series(c),
                Html.escape(code.name()),
                Html.escape(cases.get(c)),
                Html.percent(share),
                table.count(code.id(), cases.get(c)),
                table.segments(cases.get(c))));
      }
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** The axis end: the next of 5%, 10%, 20%, 25%, 50%, 100% above {@code max}. */
  static double niceCeiling(double max) {
    for (double step : new double[] {0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.75, 1}) {
      if (max <= step) {
        return step;
      }
    }
    return 1;
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
  }
}
