package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.PasswordHash;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: {@code abusedesk serve --demo} from the packaged jar, Debian's
 * headless Chromium driven by its own chromedriver (nothing is downloaded). Screenshots go to
 * {@code target/screenshots}, and to {@code docs/screenshots} with {@code
 * -Dscreenshots.update=true}.
 */
class DashboardIT {

  @TempDir Path dir;
  Process serve;
  WebDriver browser;
  String base;

  @BeforeEach
  void start() throws Exception {
    int port = freePort();
    base = "http://127.0.0.1:" + port;
    Path config = dir.resolve("abusedesk.yaml");
    Files.writeString(
        config,
        "language: ja\n"
            + "timezone: Asia/Tokyo\n"
            + "public_url: "
            + base
            + "\n"
            + "intake:\n"
            // The samples were received by the demo's mail server; a desk trusts its own.
            + "  trusted_authserv_ids: [mx.example-msp.jp]\n"
            + "  http: {listen: \"127.0.0.1:"
            + port
            + "\"}\n"
            + "  smtp: {listen: \"127.0.0.1:"
            + freePort()
            + "\"}\n"
            + "accounts:\n"
            + "  - {id: \"111122223333\", name: web-prod, customer: Example Shop}\n"
            + "  - {id: \"222233334444\", name: mail-relay, customer: Sakura Trading}\n"
            + "dashboard:\n"
            + "  users:\n"
            + "    - {name: hanako, password_hash: \""
            + PasswordHash.hash("demo-password".toCharArray())
            + "\"}\n");
    serve =
        Launcher.builder(
                Map.of(),
                List.of(
                    "serve",
                    "--demo",
                    "--config",
                    config.toString(),
                    "--data-dir",
                    dir.resolve("data").toString()))
            .redirectOutput(dir.resolve("serve.out").toFile())
            .redirectError(dir.resolve("serve.err").toFile())
            .start();
    waitForLogin();
    browser = Browser.headless(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (serve != null) {
      serve.destroy();
      if (!serve.waitFor(20, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  @Test
  void aPersonLogsInTakesADemoCaseAndCopiesTheFirstReply() throws Exception {
    browser.get(base + "/");
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/dashboard/login");
    browser.findElement(By.id("user")).sendKeys("hanako");
    browser.findElement(By.id("password")).sendKeys("demo-password");
    browser.findElement(By.id("login")).click();

    List<WebElement> rows = waitForCases(5);
    assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
    WebElement countdown = browser.findElement(By.cssSelector(".countdown[data-deadline]"));
    String before = countdown.getText();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                !d.findElement(By.cssSelector(".countdown[data-deadline]"))
                    .getText()
                    .equals(before));
    assertThat(browser.findElements(By.cssSelector(".countdown.overdue"))).isNotEmpty();
    screenshot("cases.png");

    String open =
        browser
            .findElement(By.xpath("//tr[.//span[contains(@class,'status open')]]//a"))
            .getAttribute("href");
    browser.get(open);
    browser.findElement(By.id("move-acknowledged")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("owner")).getText().equals("hanako"));
    assertThat(browser.findElement(By.id("case-status")).getAttribute("class"))
        .contains("acknowledged");
    assertThat(browser.findElements(By.id("forged"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".trust.verified"))).isNotEmpty();

    ((org.openqa.selenium.chromium.HasCdp) browser)
        .executeCdpCommand(
            "Browser.grantPermissions",
            Map.of(
                "origin",
                base,
                "permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    By copy = By.id("copy-draft-first-reply");
    String copied = browser.findElement(copy).getAttribute("data-copied");
    browser.findElement(copy).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(copy).getText().equals(copied));
    Object clipboard =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[0];"
                    + "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
    assertThat(String.valueOf(clipboard)).startsWith("Hello AWS Trust & Safety team,");
    // The desk speaks Japanese here: its timeline too, with times to the minute in Tokyo.
    List<WebElement> times = browser.findElements(By.cssSelector("#timeline time"));
    assertThat(times).isNotEmpty();
    assertThat(times)
        .extracting(WebElement::getText)
        .allMatch(
            t -> t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d JST"), "like 2025-10-14 12:12 JST");
    assertThat(browser.findElement(By.id("timeline")).getText())
        .doesNotContain("reminded", "console (", "「」")
        .contains("新規ケースの通知");
    screenshot("case.png");

    browser.get(base + "/dashboard/charts?lang=ja&range=12m");
    assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(4);
    // No Japanese font on this machine: the glyphs are the fallback's boxes; the geometry is real.
    assertLegendsClearTheAxisAndFit();
    browser.get(base + "/dashboard/charts?lang=en");
    assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(4);
    assertThat(browser.findElement(By.id("range-12w")).getAttribute("aria-current"))
        .isEqualTo("page");
    assertLegendsClearTheAxisAndFit();
    screenshot("charts.png");
  }

  /**
   * Each legend text, as the browser laid it out, is below the tick labels and inside its chart.
   */
  @SuppressWarnings("unchecked")
  private void assertLegendsClearTheAxisAndFit() {
    List<Map<String, Object>> boxes =
        (List<Map<String, Object>>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const out = [];"
                        + "for (const svg of document.querySelectorAll('svg.chart')) {"
                        + "  const vb = svg.viewBox.baseVal;"
                        + "  let ticks = svg.querySelector('line.axis').y1.baseVal.value;"
                        + "  for (const t of svg.querySelectorAll('text.tick')) {"
                        + "    const b = t.getBBox(); ticks = Math.max(ticks, b.y + b.height); }"
                        + "  const legend = [...svg.querySelectorAll('.legend-item')].map(g => g.getBBox());"
                        + "  legend.forEach((b, i) => out.push({chart: svg.id, top: b.y, left: b.x,"
                        + "    right: b.x + b.width, bottom: b.y + b.height, ticks: ticks,"
                        + "    width: vb.width, height: vb.height,"
                        + "    overlaps: legend.filter((o, j) => j !== i && o.x < b.x + b.width"
                        + "      && b.x < o.x + o.width && o.y < b.y + b.height && b.y < o.y + o.height).length}));"
                        + "}"
                        + "return out;");
    assertThat(boxes).isNotEmpty();
    for (Map<String, Object> box : boxes) {
      assertThat(number(box, "top")).as("%s", box).isGreaterThanOrEqualTo(number(box, "ticks"));
      assertThat(number(box, "right")).as("%s", box).isLessThanOrEqualTo(number(box, "width"));
      assertThat(number(box, "bottom")).as("%s", box).isLessThanOrEqualTo(number(box, "height"));
      assertThat(number(box, "overlaps")).as("%s", box).isZero();
    }
  }

  private static double number(Map<String, Object> box, String key) {
    return ((Number) box.get(key)).doubleValue();
  }

  private List<WebElement> waitForCases(int atLeast) {
    return new WebDriverWait(browser, Duration.ofSeconds(60))
        .pollingEvery(Duration.ofSeconds(1))
        .until(
            d -> {
              List<WebElement> rows = d.findElements(By.cssSelector("#cases tbody tr"));
              if (rows.size() >= atLeast) {
                return rows;
              }
              d.navigate().refresh();
              return null;
            });
  }

  private void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("screenshots.update")) {
      Path docs = Files.createDirectories(Launcher.ROOT.resolve("docs").resolve("screenshots"));
      Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void waitForLogin() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 120; i++) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/dashboard/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      if (!serve.isAlive()) {
        throw new IllegalStateException(
            "serve exited: " + Files.readString(dir.resolve("serve.err")));
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "serve did not answer: " + Files.readString(dir.resolve("serve.err")));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
