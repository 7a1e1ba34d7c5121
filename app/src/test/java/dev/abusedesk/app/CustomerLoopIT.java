package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.abusedesk.config.PasswordHash;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer loop end to end, on the packaged daemon: AWS's notice arrives over SMTP for an
 * account with a customer contact; the contact's mail goes out through a real SMTP relay
 * (GreenMail) with a working link; the customer answers on the page in headless Chromium; the
 * team's Slack thread and the reply draft to AWS show the answer.
 */
class CustomerLoopIT {

  private static final Pattern LINK =
      Pattern.compile(
          "http://127\\.0\\.0\\.1:\\d+/respond/\\d+\\?l=[A-Za-z0-9_-]+&exp=\\d+&sig=[A-Za-z0-9_-]+");
  private static final String STOPPED = "Stopped the postfix relay on web-prod at 10:05 JST";
  private static final String CHANGED = "Port 25 closed in the security group; relay needs auth";

  @TempDir Path dir;
  private GreenMail relay;
  private LoopbackHttp chat;
  private Process daemon;
  private WebDriver browser;
  private String base;

  @BeforeEach
  void start() throws Exception {
    relay = new GreenMail(new ServerSetup(Daemons.freePort(), "127.0.0.1", "smtp"));
    relay.start();
    chat = LoopbackHttp.start();
    chat.on("/slack/chat.postMessage", LoopbackHttp.Answer.slackApiOk("1760414400.000100"));
    int httpPort = Daemons.freePort();
    int smtpPort = Daemons.freePort();
    base = "http://127.0.0.1:" + httpPort;
    Path config = dir.resolve("abusedesk.yaml");
    Files.writeString(
        config,
        """
        language: en
        timezone: Asia/Tokyo
        public_url: %s
        receivers:
          - name: team
            slack: {bot_token: xoxb-test, channel: C0123456789, api_url: "%s"}
        accounts:
          - id: "111122223333"
            name: web-prod
            customer: Example Shop
            contacts: [{email: ops@shop.example, language: en}]
        customers:
          notify_when: [{customer: [Example Shop]}]
        reply: {host: 127.0.0.1, port: %d, starttls: false, from: abuse-desk@msp.example}
        intake:
          trusted_authserv_ids: [%s]
          smtp: {listen: "127.0.0.1:%d"}
          http: {listen: "127.0.0.1:%d"}
        dashboard:
          users:
            - {name: hanako, password_hash: "%s"}
        """
            .formatted(
                base,
                chat.uri("/slack"),
                relay.getSmtp().getPort(),
                Fixtures.FIXTURE_MTA,
                smtpPort,
                httpPort,
                PasswordHash.hash("desk-password".toCharArray())));
    daemon = Daemons.start(config, dir.resolve("data"), httpPort, dir.resolve("serve.log"));
    assertThat(
            Daemons.sendMail(
                smtpPort,
                new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8)))
        .isTrue();
    browser = Browser.headless(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (daemon != null) {
      daemon.destroy();
      if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
    if (chat != null) {
      chat.close();
    }
    if (relay != null) {
      relay.stop();
    }
  }

  @Test
  void theCustomerIsMailedAnswersOnThePageAndTheTeamSeesItInTheThreadAndTheDraft()
      throws Exception {
    assertThat(relay.waitForIncomingEmail(30_000, 1)).as("the customer's mail").isTrue();
    MimeMessage mail = relay.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@shop.example");
    assertThat(mail.getSubject()).contains("111122223333");
    String text = new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as("a response link in " + text).isTrue();

    browser.get(link.group());
    assertThat(browser.findElement(By.id("account")).getText()).contains("111122223333");
    browser.findElement(By.id("verdict-ours")).click();
    browser.findElement(By.id("stopped")).sendKeys(STOPPED);
    browser.findElement(By.id("changed")).sendKeys(CHANGED);
    browser.findElement(By.id("name")).sendKeys("Taro Yamada");
    browser.findElement(By.id("send")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("thanks")).isEmpty());

    // The team's thread: the first message, then the answer as a reply in its thread.
    List<LoopbackHttp.Request> posted = awaitPosts(STOPPED);
    assertThat(posted).anySatisfy(r -> assertThat(r.body()).contains("thread_ts", STOPPED));

    // The reply draft to AWS says what the customer did.
    browser.get(base + "/dashboard/login");
    browser.findElement(By.id("user")).sendKeys("hanako");
    browser.findElement(By.id("password")).sendKeys("desk-password");
    browser.findElement(By.id("login")).click();
    browser.get(base + "/dashboard/cases/1");
    assertThat(browser.findElement(By.id("drafts")).getAttribute("textContent"))
        .contains(STOPPED, CHANGED);

    // The link is spent: a second answer is refused kindly, the first one shown.
    browser.get(link.group());
    assertThat(browser.findElements(By.id("already"))).isNotEmpty();
  }

  private List<LoopbackHttp.Request> awaitPosts(String containing) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      List<LoopbackHttp.Request> posts = chat.requests("/slack/chat.postMessage");
      if (posts.stream().anyMatch(r -> r.body().contains(containing))) {
        return posts;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no thread message with the answer; posted: " + chat.requests("/slack/chat.postMessage"));
  }
}
