package org.aet.workspace;

import static org.aet.workspace.Workspace.escape;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aet.analysis.Tabulation;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.AgreementReport;
import org.aet.evaluation.AgreementStatistic;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.project.FinalCoding;
import org.aet.project.ProjectAgreement;
import org.aet.project.ProjectStore;
import org.aet.project.ProjectStore.Decision;
import org.aet.project.ProjectStore.Run;
import org.aet.project.ProjectStore.StoredSegment;
import org.aet.project.ProjectStore.Suggested;
import org.aet.ranking.ProjectRanking;
import org.aet.ranking.ReviewRanking;
import org.aet.ranking.ReviewTarget;
import org.aet.report.HtmlReport;
import org.aet.service.RankedReview;

/** The workspace's pages, read from the project at each request; all project text escaped. */
final class Pages {
  private final Path project;
  private final String csrf;
  private final Annotator annotator;

  /** Pages over {@code project}; {@code annotator} rebuilds the final coding for the Team page. */
  Pages(Path project, String csrf, Annotator annotator) {
    this.project = project;
    this.csrf = csrf;
    this.annotator = annotator;
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
  String transcripts(String given) throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      String coder = store.coderName(given);
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
  String transcript(String given, String id) throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      String coder = store.coderName(given);
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
        html.append(
            turn(s, suggested.getOrDefault(s.id(), List.of()), mine.get(s.id()), codebook, null));
      }
      html.append("</ol>");
      return page(id, html.toString());
    }
  }

  /** A passage with its suggestions, the coder's decision and its actions ({@link #actions}). */
  private String turn(
      StoredSegment s,
      List<Suggested> suggestions,
      Decision decision,
      Codebook codebook,
      String queue) {
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
    html.append(actions(s.id(), !suggestions.isEmpty(), decision, codebook, queue)).append("</li>");
    return html.toString();
  }

  /**
   * The forms of a passage's actions; {@code queue} is the ranked queue's target when the passage
   * is shown there (the forms then return to it, and it can be skipped or postponed), else null.
   */
  private String actions(
      String segment, boolean suggested, Decision decision, Codebook codebook, String queue) {
    String hidden =
        "<input type=hidden name=csrf value=\""
            + csrf
            + "\"><input type=hidden name=segment value=\""
            + escape(segment)
            + "\">"
            + (queue == null
                ? ""
                : "<input type=hidden name=queue value=\"" + escape(queue) + "\">");
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
    if (queue != null) {
      for (String[] mark : new String[][] {{"skip", "Skip (s)"}, {"postpone", "Later (p)"}}) {
        html.append("<form method=post action=\"/queue/mark\" class=")
            .append(mark[0])
            .append(">")
            .append(hidden)
            .append("<button name=mark value=")
            .append(mark[0])
            .append(">")
            .append(mark[1])
            .append("</button></form>");
      }
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

  /**
   * The ranked queue: the next passage for {@code target} (any code or one code) that nobody has
   * decided yet, with the passages around it, the estimate of those with it still unread, and the
   * next few after it.
   */
  String queue(String coder, String target, Preparation preparation) throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      Run run = store.latestRun();
      StringBuilder html = new StringBuilder(nav()).append("<h1>Next passage</h1>");
      RankedReview review = preparation.current(run.id());
      if (review == null) {
        Preparation.Read read = preparation.read();
        html.append(
                "<p class=preparing>The ranked queue is being prepared: aet is reading every passage"
                    + " and working out what it is about")
            .append(
                read.total() == 0
                    ? ""
                    : " (" + read.done() + " of " + read.total() + " transcripts read)")
            .append(". This page reloads by itself.</p>");
        return page("Next passage", html.toString(), "<meta http-equiv=refresh content=3>");
      }
      String name = store.coderName(coder);
      RankedReview.Queue queue = review.queue(store, name, target);
      html.append(targetForm(review.targets(), queue.target().name()))
          .append(status(queue, name, review.firstRankedBy()));
      if (queue.next().isEmpty()) {
        html.append("<p>Nobody has a passage left to decide for ")
            .append(escape(queue.target().name()))
            .append(" in your queue.</p>");
      } else {
        html.append(next(store, run, name, queue));
      }
      if (queue.skipped() + queue.postponed() > 0) {
        html.append("<form method=post action=\"/queue/clear\" class=clear>")
            .append("<input type=hidden name=csrf value=\"")
            .append(csrf)
            .append("\"><input type=hidden name=queue value=\"")
            .append(escape(queue.target().name()))
            .append("\"><button>Put back the ")
            .append(queue.skipped() + queue.postponed())
            .append(" passage(s) you skipped or left for later</button></form>");
      }
      return page("Next passage", html.toString());
    }
  }

  private static String targetForm(List<ReviewTarget> targets, String chosen) {
    StringBuilder html =
        new StringBuilder(
            "<form method=get action=\"/queue\" class=target><label>Look for <select"
                + " name=target>");
    for (ReviewTarget t : targets) {
      html.append("<option value=\"")
          .append(escape(t.name()))
          .append(t.name().equals(chosen) ? "\" selected>" : "\">")
          .append(escape(t.name()))
          .append("</option>");
    }
    return html.append("</select></label><button>Show</button></form>").toString();
  }

  private static String status(RankedReview.Queue queue, String coder, String firstRankedBy) {
    ProjectRanking.Status status = queue.status();
    boolean any = queue.target().name().equals(ReviewTarget.ANY);
    return String.format(
        java.util.Locale.ROOT,
        "<p class=status>Coding as <b>%s</b>. The team has decided %d of %d passages, %d of them"
            + " with %s. <b>An estimated %.0f passage(s) with %s are still unread</b> (%s). Ranked by"
            + " %s.%s</p>",
        escape(coder),
        status.reviewed(),
        status.segments(),
        status.coded(),
        any ? "a code" : escape(queue.target().name()),
        status.estimate().remaining(),
        any ? "a code" : "it",
        escape(status.estimate().how()),
        status.basis() == ReviewRanking.Basis.MODEL
            ? "a model fitted to the passages the team has decided"
            : escape(firstRankedBy) + ", until the team has decided passages with and without it",
        queue.skipped() + queue.postponed() == 0
            ? ""
            : " You skipped "
                + queue.skipped()
                + " and left "
                + queue.postponed()
                + " for later (those come last).");
  }

  /** The first passage of the queue between its neighbours, then the next few. */
  private String next(ProjectStore store, Run run, String coder, RankedReview.Queue queue)
      throws AetException {
    Map<String, StoredSegment> byId = new HashMap<>();
    List<StoredSegment> all = store.segments(run.unit());
    all.forEach(s -> byId.put(s.id(), s));
    StoredSegment first = byId.get(queue.next().get(0));
    List<StoredSegment> own =
        all.stream().filter(s -> s.transcriptId().equals(first.transcriptId())).toList();
    int at = own.indexOf(first);
    Decision mine =
        store.latestDecisions().stream()
            .filter(d -> d.coder().equals(coder) && d.segmentId().equals(first.id()))
            .findFirst()
            .orElse(null);
    StringBuilder html =
        new StringBuilder("<p>From <a href=\"/transcript?id=")
            .append(escape(encode(first.transcriptId())))
            .append("#")
            .append(anchor(first.id()))
            .append("\">")
            .append(escape(first.transcriptId()))
            .append("</a>:</p>")
            .append(keys())
            .append("<ol class=turns>");
    if (at > 0) {
      html.append(context(own.get(at - 1)));
    }
    html.append(
        turn(
            first,
            store.suggestedCodings(run.id()).getOrDefault(first.id(), List.of()),
            mine,
            store.codebook(run.codebookVersion()),
            queue.target().name()));
    if (at + 1 < own.size()) {
      html.append(context(own.get(at + 1)));
    }
    html.append("</ol>");
    if (queue.next().size() > 1) {
      html.append("<h2>After it</h2><ol class=after>");
      for (String id : queue.next().subList(1, Math.min(6, queue.next().size()))) {
        StoredSegment s = byId.get(id);
        html.append("<li><a href=\"/transcript?id=")
            .append(escape(encode(s.transcriptId())))
            .append("#")
            .append(anchor(s.id()))
            .append("\">")
            .append(escape(s.speaker()))
            .append(": ")
            .append(escape(s.text().length() > 120 ? s.text().substring(0, 120) + "…" : s.text()))
            .append("</a>");
      }
      html.append("</ol>");
    }
    return html.toString();
  }

  private static String context(StoredSegment s) {
    return "<li class=context><b>" + escape(s.speaker()) + "</b> " + escape(s.text()) + "</li>";
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
        return page("Team", html.append(coders.isEmpty() ? "" : cases(store)).toString());
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
      html.append("</tbody></table>").append(cases(store));
      return page("Team", html.toString());
    }
  }

  /**
   * The report's comparison of cases over the project's final coding as it stands (the consensus,
   * else each coder's decision), the same figures {@code aet report} shows.
   */
  private String cases(ProjectStore store) throws AetException {
    FinalCoding.Result result = FinalCoding.of(store, null, annotator);
    Tabulation tab = new Tabulation(result.codebook(), 0);
    result.coded().forEach(tab::add);
    return "<p>The final coding so far: the consensus where the team has one, else every coder's"
        + " decisions, as in aet report.</p>"
        + HtmlReport.caseComparison(tab);
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
        + " <kbd>r</kbd> reject, <kbd>c</kbd> choose a code, <kbd>m</kbd> memo, <kbd>w</kbd> withdraw;"
        + " in the queue <kbd>s</kbd> skip, <kbd>p</kbd> later. <kbd>Esc</kbd> leaves a field."
        + " Or use the buttons.</p>";
  }

  private static String nav() {
    return "<nav><a href=\"/\">Transcripts</a> · <a href=\"/queue\">Next passage</a> · <a"
        + " href=\"/codebook\">Codebook</a> · <a href=\"/team\">Team</a></nav>";
  }

  private static String time(Duration d) {
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String page(String title, String body) {
    return page(title, body, "");
  }

  private static String page(String title, String body, String head) {
    return "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        + head
        + "<title>"
        + escape(title)
        + " · aet</title><link rel=stylesheet href=\"/app.css\"><script src=\"/app.js\" defer></script></head><body>"
        + body
        + "</body></html>";
  }
}
