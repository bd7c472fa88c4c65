package org.aet.workspace;

import static org.aet.workspace.Workspace.escape;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.AgreementReport;
import org.aet.evaluation.AgreementStatistic;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.project.ProjectAgreement;
import org.aet.project.ProjectStore;
import org.aet.project.ProjectStore.Decision;
import org.aet.project.ProjectStore.Run;
import org.aet.project.ProjectStore.StoredSegment;
import org.aet.project.ProjectStore.Suggested;

/** The workspace's pages, read from the project at each request; all project text escaped. */
final class Pages {
  private final Path project;
  private final String csrf;

  Pages(Path project, String csrf) {
    this.project = project;
    this.csrf = csrf;
  }

  /** The page's id for a segment (letters, digits and hyphens). */
  static String anchor(String segmentId) {
    return "s-" + segmentId.replaceAll("[^A-Za-z0-9]", "-");
  }

  /** A page saying what went wrong, never a stack trace. */
  static String error(String title, String message) {
    return page(
        title,
        "<h1>"
            + escape(title)
            + "</h1><p class=error>"
            + escape(message)
            + "</p><p><a href=\"/\">Back to the transcripts</a></p>");
  }

  /** The transcripts with how far each coder has come. */
  String transcripts(String coder) throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      Run run = store.latestRun();
      List<StoredSegment> segments = store.segments(run.unit());
      Map<String, Long> sizes =
          segments.stream()
              .collect(Collectors.groupingBy(StoredSegment::transcriptId, Collectors.counting()));
      Map<String, String> transcriptOf = new HashMap<>();
      segments.forEach(s -> transcriptOf.put(s.id(), s.transcriptId()));
      List<String> coders = new ArrayList<>(store.coders());
      if (!coders.contains(coder)) {
        coders.add(coder);
      }
      Map<String, Map<String, Long>> done = new HashMap<>();
      for (Decision d : store.latestDecisions()) {
        String t = transcriptOf.get(d.segmentId());
        if (t != null && d.isCoding()) {
          done.computeIfAbsent(d.coder(), k -> new HashMap<>()).merge(t, 1L, Long::sum);
        }
      }
      StringBuilder html = new StringBuilder();
      html.append(coderForm(coder))
          .append("<h1>Transcripts</h1><table><thead><tr><th>transcript<th>case<th>passages");
      coders.forEach(c -> html.append("<th>").append(escape(c)));
      html.append("</thead><tbody>");
      for (Transcript t : store.transcripts()) {
        html.append("<tr><td><a href=\"/transcript?id=")
            .append(escape(encode(t.id())))
            .append("\">")
            .append(escape(t.id()))
            .append("</a><td>")
            .append(escape(t.caseName()))
            .append("<td>")
            .append(sizes.getOrDefault(t.id(), 0L));
        for (String c : coders) {
          html.append("<td>")
              .append(done.getOrDefault(c, Map.of()).getOrDefault(t.id(), 0L))
              .append(" decided");
        }
      }
      html.append("</tbody></table>");
      return page("Transcripts", nav() + html);
    }
  }

  /** One transcript as a conversation, the suggestions and the coder's decisions in place. */
  String transcript(String coder, String id) throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      Run run = store.latestRun();
      List<StoredSegment> segments =
          store.segments(run.unit()).stream().filter(s -> s.transcriptId().equals(id)).toList();
      if (segments.isEmpty()) {
        throw new AetException("There is no transcript " + id + " in this project");
      }
      Codebook codebook = store.codebook(run.codebookVersion());
      Map<String, List<Suggested>> suggested = store.suggestedCodings(run.id());
      Map<String, Decision> mine = new HashMap<>();
      store.latestDecisions().stream()
          .filter(d -> d.coder().equals(coder))
          .forEach(d -> mine.put(d.segmentId(), d));
      StringBuilder html = new StringBuilder(nav());
      html.append("<h1>")
          .append(escape(id))
          .append("</h1><p>Coding as <b>")
          .append(escape(coder))
          .append("</b>.</p>")
          .append(keys())
          .append("<ol class=turns>");
      for (StoredSegment s : segments) {
        html.append(turn(s, suggested.getOrDefault(s.id(), List.of()), mine.get(s.id()), codebook));
      }
      html.append("</ol>");
      return page(id, html.toString());
    }
  }

  private String turn(
      StoredSegment s, List<Suggested> suggestions, Decision decision, Codebook codebook) {
    StringBuilder html = new StringBuilder();
    html.append("<li class=turn tabindex=0 id=\"")
        .append(anchor(s.id()))
        .append("\" data-segment=\"")
        .append(escape(s.id()))
        .append("\"><div class=who><b>")
        .append(escape(s.speaker()))
        .append("</b>");
    if (!s.role().isBlank()) {
      html.append(" <span class=role>").append(escape(s.role())).append("</span>");
    }
    if (s.start() != null) {
      html.append(" <span class=time>").append(time(s.start())).append("</span>");
    }
    html.append("</div><p class=text>").append(marked(s, suggestions)).append("</p>");
    for (Suggested g : suggestions) {
      html.append("<div class=suggestion>suggested: <a href=\"/codebook#")
          .append(escape(anchorCode(g.codePath())))
          .append("\">")
          .append(escape(g.codePath()))
          .append("</a> <span class=source>")
          .append(escape(g.source()))
          .append(", confidence ")
          .append(String.format(java.util.Locale.ROOT, "%.2f", g.confidence()))
          .append("</span></div>");
    }
    if (decision != null) {
      html.append("<div class=decision>your decision: <b>")
          .append(escape(decision.decision().label()))
          .append("</b> ")
          .append(
              escape(
                  decision.codes().isEmpty() && decision.isCoding()
                      ? "(no code applies)"
                      : String.join("; ", decision.codes())));
      if (!decision.memo().isBlank()) {
        html.append("<div class=memo>memo: ").append(escape(decision.memo())).append("</div>");
      }
      html.append("</div>");
    }
    html.append(actions(s.id(), !suggestions.isEmpty(), decision, codebook)).append("</li>");
    return html.toString();
  }

  private String actions(String segment, boolean suggested, Decision decision, Codebook codebook) {
    String hidden =
        "<input type=hidden name=csrf value=\""
            + csrf
            + "\"><input type=hidden name=segment value=\""
            + escape(segment)
            + "\">";
    StringBuilder html = new StringBuilder("<div class=actions>");
    if (suggested) {
      html.append(button(hidden, "accept", "Accept (a)"))
          .append(button(hidden, "reject", "Reject (r)"));
    }
    html.append("<form method=post action=\"/decide\" class=add>")
        .append(hidden)
        .append("<select name=code aria-label=\"code\">");
    for (Code c : codebook.codes()) {
      if (c.codable()) {
        String path = codebook.path(c.id());
        html.append("<option value=\"")
            .append(escape(path))
            .append("\">")
            .append(escape(path))
            .append("</option>");
      }
    }
    html.append("</select><button name=action value=code>Add code (c)</button>");
    if (suggested) {
      html.append("<button name=action value=recode>Recode</button>");
    }
    html.append("</form><form method=post action=\"/decide\" class=memo-form>")
        .append(hidden)
        .append(
            "<input type=hidden name=action value=memo><input name=memo aria-label=memo placeholder=\"memo\" value=\"")
        .append(escape(decision == null ? "" : decision.memo()))
        .append("\"><button>Save memo (m)</button></form>");
    if (decision != null) {
      html.append(button(hidden, "withdraw", "Withdraw (w)"));
    }
    return html.append("</div>").toString();
  }

  private static String button(String hidden, String action, String label) {
    return "<form method=post action=\"/decide\" class=\""
        + action
        + "\">"
        + hidden
        + "<button name=action value="
        + action
        + ">"
        + label
        + "</button></form>";
  }

  /** The segment's text with every evidence span of its suggestions marked. */
  private static String marked(StoredSegment s, List<Suggested> suggestions) {
    String text = s.text();
    boolean[] mark = new boolean[text.length()];
    for (Suggested g : suggestions) {
      for (Span e : g.evidence()) {
        for (int i = Math.max(0, e.begin() - s.span().begin());
            i < Math.min(text.length(), e.end() - s.span().begin());
            i++) {
          mark[i] = true;
        }
      }
    }
    StringBuilder html = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && mark[j] == mark[i]) {
        j++;
      }
      String part = escape(text.substring(i, j));
      html.append(mark[i] ? "<mark>" + part + "</mark>" : part);
      i = j;
    }
    return html.toString();
  }

  /** The codebook: definition, when to use and not, examples. */
  String codebook() throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      Codebook codebook = store.codebook(store.latestRun().codebookVersion());
      StringBuilder html =
          new StringBuilder(nav())
              .append("<h1>Codebook: ")
              .append(escape(codebook.name()))
              .append("</h1>");
      for (Code c : codebook.codes()) {
        String path = codebook.path(c.id());
        html.append("<section id=\"")
            .append(escape(anchorCode(path)))
            .append("\"><h2>")
            .append(escape(path))
            .append("</h2><p>")
            .append(escape(c.definition()))
            .append("</p><dl><dt>Use when<dd>")
            .append(escape(c.useWhen()))
            .append("<dt>Do not use when<dd>")
            .append(escape(c.doNotUseWhen()))
            .append("<dt>Examples<dd><ul>");
        c.examples().forEach(e -> html.append("<li>").append(escape(e)));
        html.append("</ul><dt>Counter-examples<dd><ul>");
        c.counterExamples().forEach(e -> html.append("<li>").append(escape(e)));
        html.append("</ul></dl></section>");
      }
      return page("Codebook", html.toString());
    }
  }

  /** Agreement per code between the coders who have decided, and the passages they disagree on. */
  String team() throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      List<String> coders =
          store.latestDecisions().stream()
              .filter(d -> d.kind() == org.aet.project.DecisionKind.REVIEW)
              .map(Decision::coder)
              .distinct()
              .sorted()
              .toList();
      StringBuilder html = new StringBuilder(nav()).append("<h1>Team</h1>");
      if (coders.size() < 2) {
        html.append("<p>Agreement needs two coders' decisions; so far: ")
            .append(escape(coders.isEmpty() ? "none" : String.join(", ", coders)))
            .append(".</p>");
        return page("Team", html.toString());
      }
      AgreementReport.Report report = ProjectAgreement.compute(store, coders);
      html.append("<h2>Agreement per code: ")
          .append(escape(String.join(", ", coders)))
          .append("</h2><table><thead><tr><th>scope<th>name<th>passages");
      List<AgreementStatistic> statistics =
          report.rows().isEmpty() ? List.of() : List.copyOf(report.rows().get(0).values().keySet());
      statistics.forEach(st -> html.append("<th>").append(escape(st.label())));
      html.append("</thead><tbody>");
      for (AgreementReport.Row row : report.rows()) {
        if (row.scope() == AgreementReport.Scope.TRANSCRIPT) {
          continue;
        }
        html.append("<tr><td>")
            .append(row.scope().label())
            .append("<td>")
            .append(escape(row.name()))
            .append("<td>")
            .append(row.units());
        statistics.forEach(
            st -> html.append("<td>").append(number(row.values().getOrDefault(st, Double.NaN))));
      }
      html.append("</tbody></table><h2>Disagreements</h2><table><thead><tr><th>passage");
      coders.forEach(c -> html.append("<th>").append(escape(c)));
      html.append("<th>memos</thead><tbody>");
      for (AgreementReport.Disagreement d : report.disagreements()) {
        html.append("<tr><td><a href=\"/transcript?id=")
            .append(escape(encode(d.unit().transcriptId())))
            .append("#")
            .append(anchor(d.unit().segmentId()))
            .append("\">")
            .append(escape(d.unit().speaker()))
            .append(": ")
            .append(escape(d.unit().text()))
            .append("</a>");
        d.codes().forEach(c -> html.append("<td>").append(escape(c)));
        html.append("<td>").append(escape(String.join(" | ", d.memos())));
      }
      return page("Team", html.append("</tbody></table>").toString());
    }
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  static String anchorCode(String path) {
    return "c-" + path.replaceAll("[^A-Za-z0-9]", "-");
  }

  private String coderForm(String coder) {
    return "<form method=post action=\"/coder\" class=coder><input type=hidden name=csrf value=\""
        + csrf
        + "\"><label>Your name <input name=coder value=\""
        + escape(coder)
        + "\"></label><button>Use this name</button></form>";
  }

  private static String keys() {
    return "<p class=keys>Keys: <kbd>j</kbd> next passage, <kbd>k</kbd> previous, <kbd>a</kbd> accept,"
        + " <kbd>r</kbd> reject, <kbd>c</kbd> choose a code, <kbd>m</kbd> memo, <kbd>w</kbd> withdraw."
        + " Or use the buttons.</p>";
  }

  private static String nav() {
    return "<nav><a href=\"/\">Transcripts</a> · <a href=\"/codebook\">Codebook</a> · <a href=\"/team\">Team</a></nav>";
  }

  private static String time(Duration d) {
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>"
        + escape(title)
        + " · aet</title><link rel=stylesheet href=\"/app.css\"><script src=\"/app.js\" defer></script></head><body>"
        + body
        + "</body></html>";
  }
}
