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
    Layout layout =
        Layout.of(cases.size(), codes.size(), niceCeiling(maxShare(table, codes, cases)));
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " aria-label=\"%s\">\n",
            layout.width(),
            layout.height(),
            layout.width(),
            layout.height(),
            Html.escape(title)));
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    legend(svg, cases);
    grid(svg, layout);
    for (int k = 0; k < codes.size(); k++) {
      codeBars(svg, codebook, table, codes.get(k), layout.legend() + k * layout.group(), layout);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * Where things go: {@code top} is the share at the axis end, {@code group} the height of one
   * code's bars with the gap after them, {@code legend} the height above the first group.
   */
  private record Layout(int cases, int codes, double top, int group, int legend) {
    static Layout of(int cases, int codes, double top) {
      return new Layout(cases, codes, top, cases * BAR + GAP, 24 + 18 * ((cases + 3) / 4));
    }

    /** The y of the axis, below the last group. */
    int axis() {
      return legend + codes * group;
    }

    int height() {
      return axis() + 30;
    }

    int width() {
      return LABEL_WIDTH + PLOT_WIDTH + 60;
    }
  }

  private static double maxShare(CodeTable table, List<Code> codes, List<String> cases) {
    double max = 0;
    for (Code code : codes) {
      for (String c : cases) {
        max = Math.max(max, table.share(code.id(), c));
      }
    }
    return max;
  }

  /** One coloured square and name per case, four to a row. */
  private static void legend(StringBuilder svg, List<String> cases) {
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
  }

  /** Five vertical grid lines from 0 to the axis end, each with its share below the axis. */
  private static void grid(StringBuilder svg, Layout layout) {
    int axis = layout.axis();
    for (int tick = 0; tick <= 4; tick++) {
      double value = layout.top() * tick / 4;
      double x = LABEL_WIDTH + PLOT_WIDTH * tick / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/><text x=\"%.1f\""
                  + " y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              x,
              layout.legend() - 4,
              x,
              axis,
              x,
              axis + 16,
              Html.percent(value).replace(".0%", "%")));
    }
  }

  /** A code's name (top-level codes in bold) and one titled bar per case, from {@code y} down. */
  private static void codeBars(
      StringBuilder svg, Codebook codebook, CodeTable table, Code code, int y, Layout layout) {
    List<String> cases = table.groups();
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
              layout.top() == 0 ? 0 : PLOT_WIDTH * share / layout.top(),
              BAR - 1,
              Palette.series(c),
              Html.escape(code.name()),
              Html.escape(cases.get(c)),
              Html.percent(share),
              table.count(code.id(), cases.get(c)),
              table.segments(cases.get(c))));
    }
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
