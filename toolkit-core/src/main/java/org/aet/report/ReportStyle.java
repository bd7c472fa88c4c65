package org.aet.report;

import java.util.Locale;

/**
 * The report's style sheet, inlined in the page: readable on screen, and in print with every
 * section starting on a new page, nothing below 9 pt, the shading kept and the navigation left out.
 * Shading and indentation are classes, never inline styles, so that the tables also show in the
 * browser workspace, whose Content-Security-Policy refuses inline styles.
 */
final class ReportStyle {
  private ReportStyle() {}

  /** How many steps of shading a table cell can take, from none to the darkest. */
  static final int SHADES = 20;

  /** The deepest level of a code that is indented further. */
  static final int DEEPEST = 8;

  /** The class of a cell shaded by {@code strength}, from 0 (none) to 1 (darkest). */
  static String shade(double strength) {
    double clamped = Double.isNaN(strength) ? 0 : Math.max(0, Math.min(1, strength));
    return "shade-" + Math.round(clamped * SHADES);
  }

  /** The class that indents a code's row or entry by its {@code depth} in the codebook. */
  static String depth(int depth) {
    return "depth-" + Math.max(0, Math.min(DEEPEST, depth));
  }

  /** The rules behind {@link #shade} and {@link #depth}. */
  static final String TABLES = tables();

  private static String tables() {
    StringBuilder css = new StringBuilder();
    for (int step = 0; step <= SHADES; step++) {
      css.append(
          String.format(
              Locale.ROOT,
              ".shade-%d { background: rgba(86,180,233,%.3f); }%n",
              step,
              step * 0.55 / SHADES));
    }
    for (int depth = 0; depth <= DEEPEST; depth++) {
      css.append(
          String.format(
              Locale.ROOT,
              "tbody th.depth-%d { padding-left: %.1fem; }%ndt.depth-%d, dd.depth-%d {"
                  + " padding-left: %.1fem; }%n",
              depth,
              0.4 + depth * 1.2,
              depth,
              depth,
              depth * 1.2));
    }
    return css.toString();
  }

  static final String CSS =
      """
      :root { --blue: #0072B2; --orange: #B35900; --ink: #1a1a1a; --rule: #d0d0d0; }
      body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial,
        sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; }
      h1 { font-size: 1.7rem; margin: 0.5rem 0; }
      h2 { font-size: 1.35rem; border-bottom: 2px solid var(--blue); padding-bottom: 0.2rem;
        margin-top: 2.2rem; }
      h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
      h4 { font-size: 1rem; margin: 0.8rem 0 0.3rem; color: #333; }
      .lead { font-size: 1.05rem; }
      .caution { border-left: 4px solid var(--orange); padding: 0.3rem 0.8rem; background: #fff7ea; }
      nav ol { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; padding: 0; list-style: none; }
      nav a { color: var(--blue); }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; margin: 0.6rem 0 1rem; }
      th, td { border: 1px solid var(--rule); padding: 0.25rem 0.5rem; vertical-align: top; }
      thead th { background: #f0f0f0; font-weight: 600; }
      tbody th { text-align: left; font-weight: normal; }
      tr.tension th { font-weight: 700; }
      .heatmap td { text-align: right; min-width: 6.5rem; }
      .heatmap td b { display: block; font-weight: 600; }
      .heatmap td small { display: block; color: #444; }
      .more, .less { font-weight: 700; }
      .heatmap td .more, .heatmap td .less { display: block; font-size: 0.85rem; }
      .more { color: var(--blue); }
      .less { color: var(--orange); }
      .matrix td { text-align: right; min-width: 3.5rem; }
      .matrix td.self { background: #e8e8e8; color: #555; }
      figure { margin: 1rem 0; }
      figcaption { font-size: 0.9rem; color: #444; }
      svg.chart { max-width: 100%; height: auto; font: 12px system-ui, Arial, sans-serif; }
      svg.chart text { fill: var(--ink); }
      svg.chart .grid { stroke: #ddd; }
      article.code { border-top: 1px solid var(--rule); }
      .path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem;
        color: #555; font-weight: normal; }
      blockquote { margin: 0.4rem 0 0.8rem; padding: 0.4rem 0.9rem; border-left: 4px solid
        var(--blue); background: #f7fafd; }
      blockquote p { margin: 0 0 0.3rem; }
      blockquote footer { font-size: 0.85rem; color: #444; }
      mark { background: #ffe08a; color: inherit; padding: 0 0.1em; }
      a.segment { font-family: ui-monospace, Menlo, Consolas, monospace; color: #555; }
      .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em;
        border: 1px solid #888; vertical-align: -0.1em; }
      dl dd { margin: 0 0 0.8rem 1.5rem; }
      dd p { margin: 0.2rem 0; }
      .facts dt { font-weight: 600; }
      @media print {
        @page { size: A4 landscape; margin: 12mm; }
        body { font-size: 10.5pt; max-width: none; padding: 0; }
        nav { display: none; }
        section { break-before: page; }
        #cases { break-before: auto; }
        h2, h3, h4 { break-after: avoid; }
        blockquote, tr, figure { break-inside: avoid; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        small, .path, figcaption, blockquote footer, .more, .less { font-size: 9pt; }
        .scroll { overflow: visible; }
        a { color: inherit; text-decoration: none; }
      }
      """;
}
