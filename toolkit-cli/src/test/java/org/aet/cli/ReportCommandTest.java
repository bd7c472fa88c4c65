package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.aet.cli.AetRunner.repositoryRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aet.cli.AetRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aet report} from transcripts and from coded JSON Lines, as the README shows it. */
class ReportCommandTest {
  private static final Path SAMPLE = repositoryRoot().resolve("corpora/partnerships");

  @Test
  void theSampleCorpusBecomesOnePageAndTheCodedFileGivesTheSamePage(@TempDir Path dir)
      throws Exception {
    Path page = dir.resolve("report.html");
    Result coded =
        aet("report", SAMPLE.toString(), "--codebook", "four-tensions", "-o", page.toString());
    assertEquals(0, coded.exit(), coded.err());
    String html = Files.readString(page);
    for (String partnership : new String[] {"Eastmoor", "Northbrook", "Riverside", "Southvale"}) {
      assertTrue(html.contains("<th scope=\"col\">" + partnership + "</th>"), partnership);
    }
    assertTrue(html.contains("senior leader"), "roles from the manifest's speakers file");

    Path jsonl = dir.resolve("coded.jsonl");
    assertEquals(0, aet("code", SAMPLE.toString(), "-q", "-o", jsonl.toString()).exit());
    Path again = dir.resolve("again.html");
    Result read = aet("report", jsonl.toString(), "-o", again.toString());
    assertEquals(0, read.exit(), read.err());
    assertTrue(read.out().startsWith("Wrote " + again + ": 4 transcript(s)"), read.out());
    assertFalse(read.err().contains("Loading"), "no language model is loaded: " + read.err());
    String fromJsonl = Files.readString(again);
    assertTrue(html.contains("<dt>Suggested by</dt>"), "how the suggestions were made");
    assertTrue(html.contains("<dt>Floor</dt>"), "how the suggestions were made");
    assertTrue(
        fromJsonl.contains("<dt>How suggested</dt><dd>not recorded in the input"),
        "a .jsonl file does not say how its codings were made, and the page says so");
    assertEquals(withoutProvenance(html), withoutProvenance(fromJsonl), "the same page");
  }

  @Test
  void aReportIsAnHtmlPageAndCodedFilesAreNotMixedWithTranscripts(@TempDir Path dir)
      throws Exception {
    Result xlsx = aet("report", SAMPLE.toString(), "-o", dir.resolve("r.xlsx").toString());
    assertEquals(2, xlsx.exit());
    assertTrue(xlsx.err().contains("ending in .html"), xlsx.err());
    Path jsonl = dir.resolve("coded.jsonl");
    assertEquals(
        0, aet("code", SAMPLE.toString(), "--no-semantic", "-q", "-o", jsonl.toString()).exit());
    Result mixed =
        aet("report", jsonl.toString(), SAMPLE.toString(), "-o", dir.resolve("r.html").toString());
    assertEquals(1, mixed.exit());
    assertTrue(mixed.err().contains("not both"), mixed.err());
    Result other =
        aet(
            "report",
            jsonl.toString(),
            "--codebook",
            "power",
            "-o",
            dir.resolve("p.html").toString());
    assertEquals(1, other.exit());
    assertTrue(other.err().contains("coded.jsonl:"), other.err());
    assertTrue(other.err().contains("four-tensions"), "names the codebook it was coded with");
    assertFalse(Files.exists(dir.resolve("p.html")), "nothing half-written");

    Result coding =
        aet(
            "report",
            jsonl.toString(),
            "--floor",
            "0.2",
            "--no-semantic",
            "-o",
            dir.resolve("f.html").toString());
    assertEquals(2, coding.exit(), "an option that cannot apply is a usage error, never ignored");
    assertTrue(coding.err().contains("--no-semantic, --floor say how to code"), coding.err());
    assertTrue(coding.err().contains("coded.jsonl is coded already"), coding.err());
    assertFalse(Files.exists(dir.resolve("f.html")));

    Result cache =
        aet(
            "report",
            jsonl.toString(),
            "--cache",
            dir.resolve("cache").toString(),
            "-o",
            dir.resolve("c.html").toString());
    assertEquals(2, cache.exit(), "no language processing runs on coded files: " + cache.err());
    assertTrue(cache.err().contains("--cache says how to code"), cache.err());
    assertFalse(Files.exists(dir.resolve("c.html")));
  }

  @Test
  void aProjectsReportRefusesTheOptionsThatSayHowToCode(@TempDir Path dir) throws Exception {
    Path study = dir.resolve("study.aet");
    assertEquals(0, aet("init", study.toString()).exit());
    assertEquals(0, aet("add", study.toString(), SAMPLE.toString()).exit());
    assertEquals(0, aet("code", study.toString(), "--no-semantic", "-q").exit());
    Path page = dir.resolve("report.html");
    Result unit = aet("report", study.toString(), "--unit", "sentence", "-o", page.toString());
    assertEquals(2, unit.exit(), "the project's coding run has its unit: " + unit.err());
    assertTrue(unit.err().contains("--unit says how to code transcripts, but "), unit.err());
    assertTrue(unit.err().contains("study.aet is a project"), unit.err());
    Result model =
        aet("report", study.toString(), "--labels", "l.jsonl", "--queue", "q.csv", "-o", "r.html");
    assertEquals(2, model.exit());
    assertTrue(model.err().contains("--queue, --labels say how to code"), model.err());
    assertFalse(Files.exists(page), "nothing written");
    Result ok =
        aet("report", study.toString(), "--codebook", "four-tensions", "-o", page.toString());
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().startsWith("Wrote " + page + ": 4 transcript(s)"), ok.out());
  }

  @Test
  void theHelpSaysTheReportIsAnHtmlPage() {
    Result help = aet("report", "--help");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("Where to write the report: a .html file."), help.out());
    assertTrue(help.out().contains("--floor=P"), "the coding options, for transcripts");
  }

  private static String withoutProvenance(String html) {
    return html.replaceAll("<dt>Made at</dt><dd>[^<]*</dd>", "")
        .replaceAll("<dt>Input</dt><dd>[^<]*</dd>", "")
        .replaceAll("<dt>(Suggested by|Confidence|Floor|How suggested)</dt><dd>[^<]*</dd>\n", "");
  }
}
