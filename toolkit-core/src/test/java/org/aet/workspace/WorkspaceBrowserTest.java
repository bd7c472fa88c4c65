package org.aet.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.project.FinalCoding;
import org.aet.project.ProjectStore;
import org.aet.project.ProjectStore.Decision;
import org.aet.project.ProjectStore.StoredSegment;
import org.aet.project.Verdict;
import org.aet.segment.SegmentUnit;
import org.aet.testing.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A coder's real session in headless Chromium (Debian's chromium and chromedriver; no network):
 * open the address aet serve prints, move with j and k, accept with a, add a code with the code
 * picker, write a memo, reload; the project then holds exactly those decisions, under the coder's
 * name, beside a second coder's in another browser.
 */
class WorkspaceBrowserTest {
  private static final String CODE = "power/power-differences";

  @Test
  void aCoderCodesATranscriptWithTheKeyboard(@TempDir Path dir) throws Exception {
    Path driver = Requirements.program("chromium-driver", "chromedriver");
    Path chromium = Requirements.program("chromium", "chromium", "chromium-browser");
    Path project = WorkspaceFixture.create(dir);
    Turns turns = Turns.of(project);
    try (Workspace workspace = WorkspaceClient.start(project, "alice")) {
      WebDriver alice = browser(driver, chromium, dir.resolve("alice"));
      WebDriver bob = browser(driver, chromium, dir.resolve("bob"));
      try {
        alice.get(workspace.address().toString());
        alice.findElement(By.linkText(turns.transcript)).click();
        wait(alice).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".turn")));
        keys(alice, "j".repeat(turns.suggested + 1) + "k");
        assertCurrent(alice, turns.suggestedId);
        keys(alice, "a");
        decided(alice, turns.suggestedId, "accept");

        keys(
            alice,
            (turns.plain > turns.suggested ? "j" : "k")
                .repeat(Math.abs(turns.plain - turns.suggested)));
        assertCurrent(alice, turns.plainId);
        keys(alice, "c");
        WebElement picker = alice.switchTo().activeElement();
        assertEquals("code", picker.getAttribute("name"), "c opens the code picker");
        new Select(picker).selectByValue(CODE);
        turn(alice, turns.plainId).findElement(By.cssSelector("button[value=code]")).click();
        decided(alice, turns.plainId, "code");

        keys(alice, "m");
        WebElement memo = alice.switchTo().activeElement();
        assertEquals("memo", memo.getAttribute("name"), "m opens the memo");
        memo.sendKeys("power <b>named</b> openly\n");
        wait(alice)
            .until(
                d -> turn(d, turns.plainId).getText().contains("memo: power <b>named</b> openly"));
        alice.navigate().refresh();
        assertTrue(turn(alice, turns.suggestedId).getText().contains("your decision: accept"));
        Files.write(
            Path.of("target", "workspace.png"),
            ((TakesScreenshot) alice).getScreenshotAs(OutputType.BYTES));

        bob.get(workspace.address().toString());
        bob.findElement(By.name("coder")).clear();
        bob.findElement(By.name("coder")).sendKeys("bob\n");
        wait(bob).until(ExpectedConditions.presenceOfElementLocated(By.linkText(turns.transcript)));
        bob.findElement(By.linkText(turns.transcript)).click();
        wait(bob).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".turn")));
        keys(bob, "j".repeat(turns.suggested) + "r");
        decided(bob, turns.suggestedId, "reject");

        bob.get(workspace.address().resolve("/team").toString());
        WebElement shaded =
            wait(bob)
                .until(
                    ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".heatmap td[class^=shade-]:not(.shade-0)")));
        assertTrue(
            !"rgba(0, 0, 0, 0)".equals(shaded.getCssValue("background-color")),
            "the Team page's comparison of cases is shaded in the browser");
      } finally {
        alice.quit();
        bob.quit();
      }
    }
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      Map<String, List<Decision>> byCoder =
          store.latestDecisions().stream().collect(Collectors.groupingBy(Decision::coder));
      assertEquals(List.of("alice", "bob"), byCoder.keySet().stream().sorted().toList());
      Map<String, Decision> alices =
          byCoder.get("alice").stream().collect(Collectors.toMap(Decision::segmentId, d -> d));
      assertEquals(2, alices.size(), alices.toString());
      Decision accepted = alices.get(turns.suggestedId);
      assertEquals(Verdict.ACCEPT, accepted.decision());
      assertEquals(store.suggestions("run-1").get(turns.suggestedId), accepted.codes());
      Decision coded = alices.get(turns.plainId);
      assertEquals(Verdict.CODE, coded.decision());
      assertEquals(List.of(CODE), coded.codes());
      assertEquals("power <b>named</b> openly", coded.memo());
      Decision rejected = byCoder.get("bob").get(0);
      assertEquals(
          List.of(turns.suggestedId, Verdict.REJECT),
          List.of(rejected.segmentId(), rejected.decision()));
      assertEquals(4, store.decisionCount(), "accept, code, memo, and bob's reject");
      List<String> finalCodes =
          FinalCoding.of(store, null, CoreNlpAnnotator.shared()).coded().stream()
              .flatMap(c -> c.codings().stream())
              .filter(c -> c.segmentId().equals(turns.plainId))
              .filter(c -> c.status() == CodingStatus.ACCEPTED)
              .map(Coding::codeId)
              .toList();
      assertEquals(List.of("power-differences"), finalCodes, "the final export's coding");
    }
  }

  /** The transcript to code, a turn of it with a suggestion and one without (index and id). */
  private record Turns(
      String transcript, int suggested, String suggestedId, int plain, String plainId) {
    static Turns of(Path project) throws Exception {
      try (ProjectStore store = ProjectStore.openForReading(project)) {
        Map<String, List<String>> suggestions = store.suggestions("run-1");
        List<StoredSegment> all = store.segments(SegmentUnit.TURN);
        String transcript =
            all.stream()
                .filter(s -> suggestions.containsKey(s.id()))
                .findFirst()
                .orElseThrow()
                .transcriptId();
        List<String> ids =
            all.stream()
                .filter(s -> s.transcriptId().equals(transcript))
                .map(StoredSegment::id)
                .toList();
        int suggested = 0;
        while (!suggestions.containsKey(ids.get(suggested))) {
          suggested++;
        }
        int plain = suggested + 1;
        while (suggestions.containsKey(ids.get(plain))) {
          plain++;
        }
        return new Turns(transcript, suggested, ids.get(suggested), plain, ids.get(plain));
      }
    }
  }

  private static WebDriver browser(Path driver, Path chromium, Path profile) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--window-size=1100,1400",
        "--user-data-dir=" + profile);
    return new ChromeDriver(service, options);
  }

  /** Waits for a condition; a page replaced while the condition reads it is read again. */
  private static WebDriverWait wait(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static void keys(WebDriver driver, String keys) {
    for (char key : keys.toCharArray()) {
      new Actions(driver).sendKeys(String.valueOf(key)).perform();
    }
  }

  private static WebElement turn(WebDriver driver, String segmentId) {
    return driver.findElement(By.id(Pages.anchor(segmentId)));
  }

  private static void assertCurrent(WebDriver driver, String segmentId) {
    assertTrue(
        turn(driver, segmentId).getAttribute("class").contains("current"),
        "the current passage is " + segmentId);
  }

  /** Waits until the page shows the coder's decision on the passage; else says what it shows. */
  private static void decided(WebDriver driver, String segmentId, String verdict) {
    try {
      wait(driver).until(d -> turn(d, segmentId).getText().contains("your decision: " + verdict));
    } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.NoSuchElementException e) {
      throw new AssertionError(
          "no \"" + verdict + "\" on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(),
          e);
    }
  }
}
