package org.aet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.aet.analysis.CodeTable;
import org.aet.analysis.Tabulation;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.diagnostics.InputException;
import org.aet.export.CodedJsonl;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.CodedTranscript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.CodingRun;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.testing.Requirements;
import org.aet.testing.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report on the sample corpus: its content, its independence from the network, its picture. */
class HtmlReportTest {
  private static final Path SAMPLE = Shared.repositoryRoot().resolve("corpora/partnerships");
  private static Codebook codebook;
  private static List<CodedTranscript> coded;

  @BeforeAll
  static void code() throws Exception {
    codebook = Codebooks.load("four-tensions");
    ReadCorpus read =
        ReadCorpus.read(
            Corpus.discover(List.of(SAMPLE), TranscriptReader.registry()), ProgressListener.SILENT);
    CodingRun run =
        new CodingRun(
            CoreNlpAnnotator.shared(),
            new Segmenter(SegmentUnit.TURN),
            new RuleCoder(codebook),
            codebook,
            1);
    coded = new ArrayList<>();
    ExportSession collect =
        new ExportSession() {
          @Override
          public void write(CodedTranscript transcript) {
            coded.add(transcript);
          }

          @Override
          public void finish() {}

          @Override
          public void close() {}
        };
    run.run(read, collect, ProgressListener.SILENT);
  }

  private static Path export(Path target, List<CodedTranscript> transcripts) throws Exception {
    ExportContext context =
        new ExportContext(
            codebook, SegmentUnit.TURN, List.of("corpora/partnerships"), Instant.EPOCH, List.of());
    try (ExportSession session = CodingExporter.forFile(target).open(target, context)) {
      for (CodedTranscript c : transcripts) {
        session.write(c);
      }
      session.finish();
    }
    return target;
  }

  private static Tabulation tabulate(List<CodedTranscript> transcripts) {
    Tabulation tab = new Tabulation(codebook, HtmlReport.QUOTES);
    transcripts.forEach(tab::add);
    return tab;
  }

  @Test
  void theReportShowsEveryCaseAndCodeWithQuotesAndLoadsNothing(@TempDir Path dir) throws Exception {
    String html = Files.readString(export(dir.resolve("report.html"), coded));
    Tabulation tab = tabulate(coded);
    CodeTable cases = tab.byCase();
    assertEquals(List.of("Eastmoor", "Northbrook", "Riverside", "Southvale"), cases.groups());
    String heatmap = section(html, "cases-table");
    for (String c : cases.groups()) {
      assertTrue(heatmap.contains("<th scope=\"col\">" + c + "</th>"), c + " has a column");
    }
    for (Code code : codebook.codes()) {
      assertTrue(heatmap.contains(">" + code.name() + "</th>"), code.name() + " has a row");
      assertTrue(html.contains("<span class=\"path\">" + codebook.path(code.id())), "appendix");
      for (String c : cases.groups()) {
        String cell =
            Html.percent(cases.share(code.id(), c))
                + "</b><small>"
                + cases.count(code.id(), c)
                + " of "
                + cases.segments(c);
        assertTrue(heatmap.contains(cell), code.id() + " in " + c + ": " + cell);
      }
    }
    // Every case has quotes, and each quote marks its evidence words and names its segment.
    for (String c : cases.groups()) {
      assertTrue(html.contains("<h4>" + c + "</h4>\n<blockquote"), c + " has quotes");
    }
    int quotes = count(html, "<blockquote id=\"q-");
    int marks = count(html, "<mark>");
    assertTrue(quotes >= 12, "quotes: " + quotes);
    assertTrue(marks >= quotes, "evidence highlighted in every quote: " + marks);
    assertTrue(html.contains("class=\"segment\">Eastmoor"), "a quote links its segment id");
    // How it was made, and the codebook version.
    assertTrue(html.contains("version " + codebook.version()));
    assertTrue(html.contains("<dt>Input</dt><dd>corpora/partnerships</dd>"));
    // Self-contained: nothing is fetched from anywhere.
    for (String external :
        List.of("http:", "https:", "src=", "<link", "@import", "url(", "<script")) {
      assertFalse(html.contains(external), "the report must load nothing: found " + external);
    }
    assertTrue(html.contains("<svg class=\"chart\""), "the chart is inline SVG");
    assertTrue(html.contains("@media print"), "a print style sheet");
  }

  @Test
  void theSameReportComesFromTheCodedJsonLinesWithoutLanguageProcessing(@TempDir Path dir)
      throws Exception {
    Path jsonl = export(dir.resolve("coded.jsonl"), coded);
    int segments = coded.stream().mapToInt(c -> c.segments().size()).sum();
    long lines = Files.readAllLines(jsonl).stream().filter(l -> !l.isBlank()).count();
    long uncoded =
        coded.stream()
            .flatMap(
                c ->
                    c.segments().stream()
                        .filter(
                            s -> c.codings().stream().noneMatch(k -> k.segmentId().equals(s.id()))))
            .count();
    int codings = coded.stream().mapToInt(c -> c.codings().size()).sum();
    assertEquals(codings + uncoded, lines, "a line per coding and per segment without a code");
    assertTrue(uncoded > 0 && segments > codings / 2);
    assertTrue(CodedJsonl.isCoded(jsonl));
    List<CodedTranscript> read = CodedJsonl.read(jsonl, codebook);
    String direct = Files.readString(export(dir.resolve("direct.html"), coded));
    String fromFile = Files.readString(export(dir.resolve("from-file.html"), read));
    assertEquals(direct, fromFile, "the report from the coded file is the same page");
  }

  @Test
  void aBrokenCodedFileIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    Path jsonl = export(dir.resolve("coded.jsonl"), coded);
    List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
    lines.set(2, lines.get(2).replaceFirst("\"char_end\":\\d+", "\"char_end\":\"x\""));
    lines.set(4, lines.get(4).replaceFirst("\"code\":\"[a-z-]+\"", "\"code\":\"no-such-code\""));
    Files.write(jsonl, lines);
    InputException e = assertThrows(InputException.class, () -> CodedJsonl.read(jsonl, codebook));
    String message = e.getMessage();
    assertTrue(message.contains("coded.jsonl:3:"), message);
    assertTrue(message.contains("char_end"), message);
    assertFalse(CodedJsonl.isCoded(SAMPLE.resolve("corpus.csv")));
  }

  @Test
  void chromiumDrawsTheReport(@TempDir Path dir) throws Exception {
    Path browser =
        Requirements.program("chromium", "chromium", "chromium-browser", "google-chrome");
    Path html = export(dir.resolve("report.html"), coded);
    Path png = dir.resolve("report.png");
    Process process =
        new ProcessBuilder(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1200,1600",
                "--screenshot=" + png,
                html.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish");
    assertTrue(
        Files.exists(png),
        "no screenshot: " + Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        inked += rgb == 0xFFFFFF ? 0 : 1;
      }
    }
    double share = inked / (image.getWidth() / 2.0 * image.getHeight() / 2.0);
    assertTrue(colours.size() > 50, "a drawn page has text and shading: " + colours.size());
    assertTrue(share > 0.05, "not a blank page: " + share);
  }

  private static String section(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertTrue(at >= 0, "no " + id);
    return html.substring(at, html.indexOf("</table>", at));
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
