package org.aet.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aet.analysis.CoOccurrence;
import org.aet.analysis.CodeTable;
import org.aet.analysis.Quote;
import org.aet.analysis.Tabulation;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.evaluation.AgreementReport;
import org.aet.evaluation.AgreementStatistic;
import org.aet.export.ExportContext;
import org.aet.export.Palette;
import org.aet.ingest.Timestamps;
import org.aet.io.ToolVersion;
import org.aet.model.CodingStatus;
import org.aet.model.Span;

/** The report as one HTML page, section by section. */
final class ReportPage {
  /** A residual from which a case is marked as having clearly more or less of a code. */
  static final double CLEAR = 2.0;

  private static final int QUOTE_CHARACTERS = 480;

  private final Tabulation tab;
  private final Codebook codebook;
  private final ExportContext context;
  private final ReviewState review;
  private final StringBuilder out = new StringBuilder(1 << 16);

  private ReportPage(Tabulation tab, ExportContext context, ReviewState review) {
    this.tab = tab;
    this.codebook = tab.codebook();
    this.context = context;
    this.review = review;
  }

  /** The page for {@code tab}; {@code review} is null outside a project. */
  static String render(Tabulation tab, ExportContext context, ReviewState review) {
    return new ReportPage(tab, context, review).page();
  }

  /** The "Cases side by side" section alone: the heatmap of codes by case and its bar chart. */
  static String cases(Tabulation tab) {
    ReportPage page = new ReportPage(tab, null, null);
    page.cases();
    return page.out.toString();
  }

  private String page() {
    String title = "Coded conversations: " + codebook.title();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"aet ")
        .append(Html.escape(ToolVersion.current()))
        .append("\">\n<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>\n")
        .append(ReportStyle.CSS)
        .append(ReportStyle.TABLES)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n");
    overview();
    out.append("</header>\n<nav><ol>")
        .append("<li><a href=\"#cases\">Cases side by side</a></li>")
        .append("<li><a href=\"#co-occurrence\">Codes together</a></li>")
        .append("<li><a href=\"#roles\">By speaker role</a></li>")
        .append("<li><a href=\"#quotes\">Quotes</a></li>");
    if (review != null) {
      out.append("<li><a href=\"#review\">Review and agreement</a></li>");
    }
    out.append("<li><a href=\"#codebook\">Codebook</a></li>")
        .append("<li><a href=\"#how\">How this report was made</a></li></ol></nav>\n<main>\n");
    cases();
    coOccurrence();
    roles();
    quotes();
    if (review != null) {
      review();
    }
    codebookAppendix();
    howMade();
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private void overview() {
    CodeTable cases = tab.byCase();
    int codings = tab.byStatus().values().stream().mapToInt(i -> i).sum();
    out.append("<p class=\"lead\">")
        .append(tab.transcripts())
        .append(" transcript(s) in ")
        .append(cases.groups().size())
        .append(" case(s), ")
        .append(String.format(Locale.ROOT, "%,d", cases.segments()))
        .append(" ")
        .append(Html.escape(context.unit().label()))
        .append(" segments, ")
        .append(String.format(Locale.ROOT, "%,d", codings))
        .append(
            context.decided()
                ? " final codings (people's decisions)"
                : " codings suggested by the machine, not yet reviewed by people")
        .append(". Codebook ")
        .append(Html.escape(codebook.name()))
        .append(" version ")
        .append(Html.escape(codebook.version()))
        .append(".</p>\n");
    if (!context.decided()) {
      out.append(
          "<p class=\"caution\">These are machine suggestions. Read the quotes before trusting a"
              + " pattern: on real conversations many suggestions are wrong (see docs/validity.md)."
              + "</p>\n");
    }
  }

  private void cases() {
    CodeTable table = tab.byCase();
    out.append("<section id=\"cases\">\n<h2>Cases side by side</h2>\n")
        .append(
            "<p>Each cell is the share of a case's segments that got the code (a tension counts the"
                + " segments of any of its codes), with the count below it. Darker cells are larger"
                + " shares. <span class=\"more\">\u25B2</span> marks a case with clearly more of the"
                + " code than the other cases, <span class=\"less\">\u25BC</span> clearly less: its"
                + " standardised residual (shown after the mark) is beyond \u00B1")
        .append(Html.decimal(CLEAR).replace(".00", ""))
        .append(
            ". Many cells are compared at once, so treat a mark as a pointer to read the quotes, not"
                + " as a finding.</p>\n");
    heatmap(table, "Code", "cases-table");
    out.append("<figure>\n")
        .append(BarChart.svg(codebook, table, "Share of each case's segments, by code"))
        .append(
            "<figcaption>Share of each case's segments, by code. The table above holds the same"
                + " figures.</figcaption>\n</figure>\n</section>\n");
  }

  /** A code by group table: shares shaded, counts, and residual marks. */
  private void heatmap(CodeTable table, String corner, String id) {
    List<String> groups = table.groups();
    double max = 0;
    for (Code code : codebook.codes()) {
      for (String g : groups) {
        max = Math.max(max, table.share(code.id(), g));
      }
    }
    out.append("<div class=\"scroll\"><table class=\"heatmap\" id=\"")
        .append(id)
        .append("\">\n<thead><tr><th scope=\"col\">")
        .append(corner)
        .append("</th>");
    for (String g : groups) {
      out.append("<th scope=\"col\">").append(Html.escape(g)).append("</th>");
    }
    out.append("<th scope=\"col\">All</th></tr></thead>\n<tbody>\n");
    for (Code code : codebook.codes()) {
      int depth = codebook.depth(code.id());
      out.append("<tr")
          .append(depth == 0 ? " class=\"tension\"" : "")
          .append("><th scope=\"row\" class=\"")
          .append(ReportStyle.depth(depth))
          .append("\">")
          .append(Html.escape(code.name()))
          .append("</th>");
      for (String g : groups) {
        double share = table.share(code.id(), g);
        double residual = table.residual(code.id(), g);
        String mark = "";
        if (residual >= CLEAR) {
          mark = "<span class=\"more\">\u25B2 " + signed(residual) + "</span>";
        } else if (residual <= -CLEAR) {
          mark = "<span class=\"less\">\u25BC " + signed(residual) + "</span>";
        }
        out.append("<td class=\"")
            .append(ReportStyle.shade(max == 0 ? 0 : share / max))
            .append("\" data-residual=\"")
            .append(Double.isNaN(residual) ? "" : signed(residual))
            .append("\" title=\"residual ")
            .append(Double.isNaN(residual) ? "none" : signed(residual))
            .append("\"><b>")
            .append(Html.percent(share))
            .append("</b><small>")
            .append(table.count(code.id(), g))
            .append(" of ")
            .append(table.segments(g))
            .append("</small>")
            .append(mark)
            .append("</td>");
      }
      out.append("<td><b>")
          .append(
              Html.percent(
                  table.segments() == 0 ? 0 : table.count(code.id()) / (double) table.segments()))
          .append("</b><small>")
          .append(table.count(code.id()))
          .append(" of ")
          .append(table.segments())
          .append("</small></td></tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", value);
  }

  /** White to the palette's blue, lightly enough that black text stays readable. */
  private void coOccurrence() {
    CoOccurrence co = tab.coOccurrence();
    out.append("<section id=\"co-occurrence\">\n<h2>Codes together</h2>\n")
        .append(
            "<p>How many segments got both codes; the diagonal is each code's own segments. Darker"
                + " cells are pairs that more often go together (segments with both over segments"
                + " with either).</p>\n<h3>Tensions</h3>\n");
    List<Code> roots = codebook.codes().stream().filter(Code::isTopLevel).toList();
    matrix(co, roots);
    for (Code root : roots) {
      List<Code> children = codebook.children(root.id());
      if (children.size() >= 2) {
        out.append("<h3>Within: ").append(Html.escape(root.name())).append("</h3>\n");
        matrix(co, children);
      }
    }
    out.append("</section>\n");
  }

  private void matrix(CoOccurrence co, List<Code> codes) {
    out.append("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th></th>");
    for (Code code : codes) {
      out.append("<th scope=\"col\">").append(Html.escape(code.name())).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (Code a : codes) {
      out.append("<tr><th scope=\"row\">").append(Html.escape(a.name())).append("</th>");
      for (Code b : codes) {
        boolean self = a.id().equals(b.id());
        out.append("<td")
            .append(
                self
                    ? " class=\"self\""
                    : " class=\"" + ReportStyle.shade(co.overlap(a.id(), b.id()) * 2) + "\"")
            .append(">")
            .append(co.count(a.id(), b.id()))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  private void roles() {
    CodeTable table = tab.byRole();
    out.append("<section id=\"roles\">\n<h2>By speaker role</h2>\n");
    if (table.groups().equals(List.of(CodeTable.NONE))) {
      out.append(
          "<p>The transcripts give no speaker roles. Give them in the corpus manifest's speakers"
              + " file, or in a transcript's header (\"role: Name = senior leader\").</p>\n");
    } else {
      out.append(
          "<p>The same reading as for cases, with the segments grouped by the role of who"
              + " spoke.</p>\n");
      heatmap(table, "Code", "roles-table");
    }
    out.append("</section>\n");
  }

  private void quotes() {
    out.append("<section id=\"quotes\">\n<h2>Quotes</h2>\n")
        .append(
            "<p>For each code and case, up to three coded segments: the most confident first, one"
                + " per speaker before a second from the same speaker. Highlighted words are the"
                + " evidence the coding rests on. Each quote ends with its segment id, as in the"
                + " workbook, to find it there.</p>\n");
    for (Code code : codebook.codes()) {
      boolean any = false;
      for (String caseName : tab.byCase().groups()) {
        any |= !tab.exemplars().of(code.id(), caseName).isEmpty();
      }
      if (!any) {
        continue;
      }
      out.append("<article class=\"code\" id=\"code-")
          .append(Html.id(code.id()))
          .append("\">\n<h3><span class=\"path\">")
          .append(Html.escape(codebook.path(code.id())))
          .append("</span> ")
          .append(Html.escape(code.name()))
          .append("</h3>\n");
      for (String caseName : tab.byCase().groups()) {
        List<Quote> quotes = tab.exemplars().of(code.id(), caseName);
        if (quotes.isEmpty()) {
          continue;
        }
        out.append("<h4>").append(Html.escape(caseName)).append("</h4>\n");
        for (Quote quote : quotes) {
          quote(code, quote);
        }
      }
      out.append("</article>\n");
    }
    out.append("</section>\n");
  }

  private void quote(Code code, Quote quote) {
    String anchor = "q-" + Html.id(code.id() + "-" + quote.segmentId());
    out.append("<blockquote id=\"").append(anchor).append("\"><p>");
    excerpt(quote);
    out.append("</p><footer>").append(Html.escape(quote.speaker()));
    if (!quote.role().isBlank()) {
      out.append(", ").append(Html.escape(quote.role()));
    }
    if (quote.start() != null) {
      out.append(" \u00B7 ").append(Timestamps.format(quote.start()));
    }
    out.append(" \u00B7 ")
        .append(Html.escape(quote.source()))
        .append(", confidence ")
        .append(Html.decimal(quote.confidence()))
        .append(" \u00B7 <a href=\"#")
        .append(anchor)
        .append("\" class=\"segment\">")
        .append(Html.escape(quote.segmentId()))
        .append("</a></footer></blockquote>\n");
  }

  /** Up to {@link #QUOTE_CHARACTERS} of the quote around its first evidence, evidence marked. */
  private void excerpt(Quote quote) {
    String text = quote.text();
    int from = 0;
    if (text.length() > QUOTE_CHARACTERS && !quote.evidence().isEmpty()) {
      from = Math.max(0, quote.evidence().get(0).begin() - QUOTE_CHARACTERS / 3);
      from = from == 0 ? 0 : wordStart(text, from);
    }
    int to = Math.min(text.length(), from + QUOTE_CHARACTERS);
    to = to == text.length() ? to : wordEnd(text, to);
    if (from > 0) {
      out.append("\u2026");
    }
    int at = from;
    for (Span e : quote.evidence()) {
      int begin = Math.max(e.begin(), at);
      int end = Math.min(e.end(), to);
      if (begin >= end) {
        continue;
      }
      out.append(Html.escape(text.substring(at, begin)))
          .append("<mark>")
          .append(Html.escape(text.substring(begin, end)))
          .append("</mark>");
      at = end;
    }
    out.append(Html.escape(text.substring(at, to)));
    if (to < text.length()) {
      out.append("\u2026");
    }
  }

  private static int wordStart(String text, int at) {
    int i = at;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i - 1))) {
      i++;
    }
    return i;
  }

  private static int wordEnd(String text, int at) {
    int i = at;
    while (i > 0 && !Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i == 0 ? at : i;
  }

  private void review() {
    out.append("<section id=\"review\">\n<h2>Review and agreement</h2>\n<p>")
        .append(review.reviewed())
        .append(" of ")
        .append(review.segments())
        .append(" segments (")
        .append(
            Html.percent(
                review.segments() == 0 ? 0 : review.reviewed() / (double) review.segments()))
        .append(") have been reviewed by at least one person.</p>\n");
    if (!review.reviewedByCoder().isEmpty()) {
      out.append("<table class=\"plain\"><thead><tr><th>Coder</th><th>Segments decided</th></tr>")
          .append("</thead><tbody>\n");
      review.reviewedByCoder().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  out.append("<tr><td>")
                      .append(Html.escape(e.getKey()))
                      .append("</td><td>")
                      .append(e.getValue())
                      .append("</td></tr>\n"));
      out.append("</tbody></table>\n");
    }
    Map<CodingStatus, Integer> status = tab.byStatus();
    out.append("<p>Codings in this report: ");
    List<String> parts = new ArrayList<>();
    for (CodingStatus s : CodingStatus.values()) {
      parts.add(status.getOrDefault(s, 0) + " " + s.label());
    }
    out.append(String.join(", ", parts)).append(".</p>\n");
    List<AgreementReport.Row> rows = review.codeRows();
    if (rows.isEmpty()) {
      out.append("<p>")
          .append(
              Html.escape(
                  review.note().isEmpty()
                      ? "Agreement needs two coders who reviewed the same segments."
                      : review.note()))
          .append("</p>\n");
    } else {
      out.append("<p>Agreement between ")
          .append(Html.escape(String.join(", ", review.agreement().coders())))
          .append(
              " on the segments they both reviewed. Krippendorff's alpha and the kappas run from"
                  + " below 0 (worse than chance) to 1 (perfect); 0.8 and above is usually taken as"
                  + " reliable, 0.667 as the lowest for tentative conclusions.")
          .append(review.note().isEmpty() ? "" : " " + Html.escape(review.note()))
          .append("</p>\n<table class=\"plain\"><thead><tr><th>Code</th><th>Segments</th>");
      for (AgreementStatistic statistic : AgreementStatistic.registry().all()) {
        out.append("<th title=\"")
            .append(Html.escape(statistic.meaning()))
            .append("\">")
            .append(Html.escape(statistic.label()))
            .append("</th>");
      }
      out.append("</tr></thead><tbody>\n");
      for (AgreementReport.Row row : rows) {
        out.append("<tr><td>")
            .append(Html.escape(row.name()))
            .append("</td><td>")
            .append(row.units());
        row.values()
            .forEach(
                (statistic, value) ->
                    out.append("</td><td>")
                        .append(statistic.isShare() ? Html.percent(value) : Html.decimal(value)));
        out.append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    out.append("</section>\n");
  }

  private void codebookAppendix() {
    out.append("<section id=\"codebook\" class=\"appendix\">\n<h2>Appendix: the codebook</h2>\n<p>")
        .append(Html.escape(codebook.title()))
        .append(" (")
        .append(Html.escape(codebook.name()))
        .append(", version ")
        .append(Html.escape(codebook.version()))
        .append(")")
        .append(codebook.description().isBlank() ? "" : ": " + Html.escape(codebook.description()))
        .append("</p>\n<dl>\n");
    int colour = 0;
    for (Code code : codebook.codes()) {
      String swatch = code.colour().isBlank() ? Palette.series(colour++) : code.colour();
      out.append("<dt class=\"")
          .append(ReportStyle.depth(codebook.depth(code.id())))
          .append("\"><span class=\"swatch\" style=\"background:")
          .append(Html.escape(swatch))
          .append("\"></span>")
          .append(Html.escape(code.name()))
          .append(" <span class=\"path\">")
          .append(Html.escape(codebook.path(code.id())))
          .append("</span></dt>\n<dd class=\"")
          .append(ReportStyle.depth(codebook.depth(code.id())))
          .append("\">");
      definition("", code.definition());
      definition("Use when: ", code.useWhen());
      definition("Do not use when: ", code.doNotUseWhen());
      for (String example : code.examples()) {
        definition("Example: ", example);
      }
      out.append("</dd>\n");
    }
    out.append("</dl>\n</section>\n");
  }

  private void definition(String label, String text) {
    if (!text.isBlank()) {
      out.append("<p>")
          .append(label.isEmpty() ? "" : "<em>" + label + "</em>")
          .append(Html.escape(text))
          .append("</p>");
    }
  }

  private void howMade() {
    out.append(
        "<section id=\"how\" class=\"appendix\">\n<h2>How this report was made</h2>\n<dl class=\"facts\">\n");
    fact("Made by", "aet (Auto-Ethnography Toolkit) " + ToolVersion.current());
    fact(
        "Made at",
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .format(context.createdAt().atOffset(ZoneOffset.UTC)));
    fact("Input", String.join(", ", context.inputs()));
    fact(
        "Codebook", codebook.title() + " (" + codebook.name() + "), version " + codebook.version());
    fact("Segment", "a " + context.unit().label());
    fact(
        "Codings",
        context.decided()
            ? "people's final decisions: the team's consensus where it recorded one, elsewhere each"
                + " coder's latest decision"
            : "the machine's suggestions, by source: " + sources());
    // How the suggestions were made (rules, confidence, a learned model and what it was learned
    // from), as the workbook's About sheet says it; a .jsonl file holds the codings, not that.
    context.method().forEach(this::fact);
    if (context.method().isEmpty() && !context.decided()) {
      fact(
          "How suggested",
          "not recorded in the input: a .jsonl file holds the codings, not how they were made (the"
              + " About sheet of the run's workbook, or its project, says that)");
    }
    fact(
        "Residuals",
        "adjusted standardised residuals (Haberman 1973) of the table of segments with and without"
            + " the code by case: (observed - expected) / sqrt(expected (1 - code's share of all"
            + " segments) (1 - case's share of all segments)); beyond \u00B12 is marked");
    out.append("</dl>\n</section>\n");
  }

  private String sources() {
    List<String> parts = new ArrayList<>();
    tab.bySource().forEach((source, n) -> parts.add(n + " " + source));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private void fact(String name, String value) {
    out.append("<dt>")
        .append(Html.escape(name))
        .append("</dt><dd>")
        .append(Html.escape(value))
        .append("</dd>\n");
  }
}
