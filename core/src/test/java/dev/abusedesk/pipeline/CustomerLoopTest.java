package dev.abusedesk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.config.Config;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.LoopbackHttp.Answer;
import dev.abusedesk.testing.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer loop end to end on real parts: a real store, the outbox, the Deliverer sending the
 * notice mail through a real SMTP server (GreenMail) and the team's messages to a loopback chat.
 */
class CustomerLoopTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  private final LoopbackHttp chat = LoopbackHttp.start();

  // An hour after the DoS fixture arrived: its case is due at 03:12Z the next day, the customer at
  // 19:12Z.
  private final TestClock clock = new TestClock(Instant.parse("2025-10-14T04:00:00Z"));

  @AfterEach
  void stop() {
    chat.close();
  }

  private String yaml(String acmeContacts) {
    return """
        language: en
        timezone: Asia/Tokyo
        public_url: https://desk.msp.example
        accounts:
          - id: "111122223333"
            name: acme-prod
            customer: Acme
            contacts: %3$s
          - id: "444455556666"
            name: shop-prod
            customer: Example Shop
            contacts: [{email: abuse@shop.example, language: en}]
        receivers:
          - name: ops-slack
            slack: {webhook_url: "%1$s/slack"}
          - name: ops-pager
            webhook: {url: "%1$s/pager", hmac_secret: "change-me"}
        routes:
          - receivers: [ops-slack]
        reminders:
          escalation_receivers: [ops-pager]
        reply: {host: 127.0.0.1, port: %2$d, starttls: false, from: abuse-desk@msp.example}
        customers:
          notify_when:
            - {customer: [Acme, Example Shop]}
        """
            .formatted(chat.uri(""), SMTP.getSmtp().getPort(), acmeContacts)
        + Fixtures.TRUST_FIXTURE_MTA;
  }

  private PipelineHarness harness(String acmeContacts) {
    chat.on("/slack", Answer.slackOk()).on("/pager", Answer.of(200, "ok"));
    return new PipelineHarness(
        dir, Config.parse(yaml(acmeContacts), dir, Map.of()), clock, "one", true);
  }

  private static final String ACME_EN = "[{email: ops@acme.example, language: en}]";

  private static String body(MimeMessage m) {
    return GreenMailUtil.getBody(m).isEmpty() ? "" : text(m);
  }

  private static String text(MimeMessage m) {
    try {
      return new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) throws Exception {
    return m.getSubject();
  }

  private static String to(MimeMessage m) throws Exception {
    return m.getAllRecipients()[0].toString();
  }

  @Test
  void theContactOfACustomersAccountGetsTheNoticeMailThroughTheRelay() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));

      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails).hasSize(1);
      assertThat(to(mails[0])).isEqualTo("ops@acme.example");
      assertThat(mails[0].getFrom()[0].toString()).isEqualTo("abuse-desk@msp.example");
      assertThat(subject(mails[0]))
          .isEqualTo(
              "Action needed: AWS reported abuse on your AWS account 111122223333 (case #1)");
      String body = body(mails[0]);
      assertThat(body)
          .contains("Denial of service (DoS) attack")
          .contains("i-0a1b2c3d4e5f60718", "203.0.113.45", "ap-northeast-1")
          .contains("https://desk.msp.example/respond/")
          .contains("Please answer by 2025-10-15 04:12 JST (15 h 12 min)")
          .doesNotContain("444455556666", "Example Shop");
      CustomerNotice notice = h.customerNotices.forCase(1).get(0);
      assertThat(body).contains("l=" + notice.linkId());
      assertThat(h.pipeline.outbox().entries(java.util.Set.of("sent"), 10))
          .anyMatch(e -> e.receiver().equals("customer-mail"));
    }
  }

  @Test
  void anAccountWithoutContactsOrACaseNotifyWhenDoesNotFitGetsNoMail() throws Exception {
    try (PipelineHarness h = harness("[]")) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(5));
      assertThat(SMTP.getReceivedMessages()).isEmpty();
      assertThat(h.customerNotices.forCase(1)).isEmpty();
      assertThat(chat.requests("/slack")).hasSize(1);
    }
  }

  @Test
  void aJapaneseContactReadsTheNoticeInJapanese() throws Exception {
    try (PipelineHarness h = harness("[{email: sre@acme.example, language: ja}]")) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));

      MimeMessage mail = SMTP.getReceivedMessages()[0];
      assertThat(subject(mail)).startsWith("【要対応】お客様のAWSアカウント 111122223333").doesNotContain("\n");
      assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
      assertThat(body(mail)).contains("ご担当者様", "DoS攻撃", "2025-10-15 04:12 JSTまでに");
    }
  }

  @Test
  void aForgedOrUncheckedMailNeverMakesUsWriteToACustomer() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      // Anyone can mail the intake a notice naming a customer's account: the operator's own mail
      // server saw DKIM fail for amazon.com.
      String forged =
          new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.ISO_8859_1)
              .replace("dkim=pass header.d=amazon.com", "dkim=fail header.d=amazon.com")
              .replace("Our monitoring detected", "Verify your account at aws-verify.example now.")
              .replace("Message-ID: <", "Message-ID: <forged-");
      h.ingest(forged.getBytes(StandardCharsets.ISO_8859_1));
      // A colleague's forward of a real notice: nobody can check what it says AWS said.
      h.ingest("email/forwarded-inline-gmail-en.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));

      assertThat(SMTP.getReceivedMessages()).isEmpty();
      assertThat(h.customerNotices.forCase(1)).isEmpty();

      // AWS's own mail: now the customer hears of it, and only what AWS said.
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));

      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails).hasSize(1);
      assertThat(body(mails[0])).doesNotContain("aws-verify");
    }
  }

  @Test
  void aCaseOnTwoCustomersAccountsTellsEachOnlyOfTheirOwnResources() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      h.ingest("email/ec2-abuse-dos.eml");
      // The same AWS case about the other customer's account: it joins the case.
      String other =
          new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.ISO_8859_1)
              .replace("111122223333", "444455556666")
              .replace("i-0a1b2c3d4e5f60718", "i-0bbbbbbbbbbbbbbb3")
              .replace("203.0.113.45", "198.51.100.30")
              .replace("Message-ID: <", "Message-ID: <other-");
      h.ingest(other.getBytes(StandardCharsets.ISO_8859_1));
      h.pipeline.deliver(Duration.ofSeconds(10));

      // The second report brings the other customer's account into the case: they are told too,
      // each only of their own account.
      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails).hasSize(2);
      MimeMessage toAcme = to(mails[0]).equals("ops@acme.example") ? mails[0] : mails[1];
      MimeMessage toShop = toAcme == mails[0] ? mails[1] : mails[0];
      assertThat(to(toShop)).isEqualTo("abuse@shop.example");
      String acme = body(toAcme);
      assertThat(acme).contains("i-0a1b2c3d4e5f60718").doesNotContain("i-0bbbbbbbbbbbbbbb3");
      assertThat(acme).doesNotContain("198.51.100.30", "444455556666", "shop");
      String shop = body(toShop);
      assertThat(shop).contains("i-0bbbbbbbbbbbbbbb3", "198.51.100.30");
      assertThat(shop).doesNotContain("i-0a1b2c3d4e5f60718", "203.0.113.45", "111122223333");
    }
  }

  @Test
  void remindsEveryIntervalUntilTheCustomerAnswersAndNeverAfter() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));
      clock.advance(Duration.ofHours(3));
      h.pipeline.remind();
      h.pipeline.deliver(Duration.ofSeconds(10));
      assertThat(SMTP.getReceivedMessages()).as("not yet").hasSize(1);

      clock.advance(Duration.ofHours(1));
      h.pipeline.remind();
      h.pipeline.remind();
      h.pipeline.deliver(Duration.ofSeconds(10));
      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails).hasSize(2);
      assertThat(subject(mails[1])).startsWith("Reminder: we still need your answer");
      assertThat(body(mails[1])).contains("This is a reminder").contains("(11 h 12 min)");

      CustomerNotice notice = h.customerNotices.forCase(1).get(0);
      h.customerNotices.answer(
          notice.id(),
          notice.linkId(),
          new CustomerAnswer(
              CustomerAnswer.Verdict.OURS, "stopped it", "patched", "", "Ann", clock.instant()));
      clock.advance(Duration.ofHours(4));
      h.pipeline.remind();
      h.pipeline.deliver(Duration.ofSeconds(10));
      assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }
  }

  @Test
  void aRevokedNoticeIsNotReminded() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));
      h.customerNotices.revoke(h.customerNotices.forCase(1).get(0).id(), "alice", clock.instant());
      clock.advance(Duration.ofHours(5));
      h.pipeline.remind();
      h.pipeline.deliver(Duration.ofSeconds(10));
      assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }
  }

  @Test
  void aLateCustomerIsToldToTheCasesThreadAndEscalated() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));
      clock.set(Instant.parse("2025-10-14T19:13:00Z"));
      h.pipeline.remind();
      h.pipeline.remind();
      h.pipeline.deliver(Duration.ofSeconds(10));

      List<String> pager = chat.requests("/pager").stream().map(r -> r.body()).toList();
      assertThat(pager).hasSize(1);
      assertThat(pager.get(0)).contains("\"type\":\"customer_late\"");
      assertThat(chat.requests("/slack"))
          .anyMatch(r -> r.body().contains("The customer has not answered in time"))
          .anyMatch(r -> r.body().contains("ops@acme.example has not answered about account"));
      assertThat(h.customerNotices.forCase(1).get(0).lateToldAt()).isPresent();
    }
  }

  @Test
  void theCustomersAnswerReachesTheTeamsThreadEscaped() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));
      CustomerNotice notice = h.customerNotices.forCase(1).get(0);
      h.customerNotices.answer(
          notice.id(),
          notice.linkId(),
          new CustomerAnswer(
              CustomerAnswer.Verdict.NOT_OURS,
              "Stopped <!channel> the box\nsee https://evil.example/x",
              "Rotated <@U123> keys",
              "",
              "Ann <b>Admin</b>",
              clock.instant()));

      assertThat(h.pipeline.customerAnswered(notice.id())).isEqualTo(1);
      assertThat(h.pipeline.customerAnswered(notice.id())).as("once").isZero();
      h.pipeline.deliver(Duration.ofSeconds(10));

      String slack = chat.requests("/slack").get(1).body();
      assertThat(slack)
          .contains("The customer answered", "It was not us", "Rotated", "hxxps://evil[.]example/x")
          .doesNotContain("<!channel>", "<@U123>", "<b>", "https://evil.example");
    }
  }

  @Test
  void resendingANoticeMailsANewLinkAndTheOldOneNoLongerMatches() throws Exception {
    try (PipelineHarness h = harness(ACME_EN)) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));
      CustomerNotice before = h.customerNotices.forCase(1).get(0);

      Optional<CustomerNotice> after = h.pipeline.resendCustomerNotice(before.id(), "alice");
      h.pipeline.deliver(Duration.ofSeconds(10));

      assertThat(after).isPresent();
      assertThat(after.get().linkMatches(before.linkId())).isFalse();
      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails).hasSize(2);
      assertThat(body(mails[1])).contains("l=" + after.get().linkId());
      assertThat(linkId(body(mails[1]))).isNotEqualTo(linkId(body(mails[0])));
      assertThat(h.pipeline.resendCustomerNotice(999, "alice")).isEmpty();
    }
  }

  @Test
  void withoutAPublicUrlAResendKeepsTheWorkingLinkInsteadOfMailingNone() throws Exception {
    chat.on("/slack", Answer.slackOk()).on("/pager", Answer.of(200, "ok"));
    String withoutUrl = yaml(ACME_EN).replace("public_url: https://desk.msp.example\n", "");
    assertThat(withoutUrl).doesNotContain("public_url");
    try (PipelineHarness h =
        new PipelineHarness(dir, Config.parse(withoutUrl, dir, Map.of()), clock, "one", true)) {
      h.ingest("email/ec2-abuse-dos.eml");
      h.pipeline.deliver(Duration.ofSeconds(10));
      CustomerNotice before = h.customerNotices.forCase(1).get(0);
      int mailed = SMTP.getReceivedMessages().length;

      Optional<CustomerNotice> after = h.pipeline.resendCustomerNotice(before.id(), "alice");
      h.pipeline.deliver(Duration.ofSeconds(10));

      assertThat(after).isEmpty();
      assertThat(h.customerNotices.find(before.id()).orElseThrow().linkMatches(before.linkId()))
          .isTrue();
      assertThat(SMTP.getReceivedMessages()).hasSize(mailed);
    }
  }

  private static String linkId(String body) {
    Matcher m = Pattern.compile("[?&]l=([A-Za-z0-9_-]+)").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
