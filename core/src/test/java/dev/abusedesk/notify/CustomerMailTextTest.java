package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import dev.abusedesk.report.Category;
import dev.abusedesk.testing.Golden;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mail a customer's contact reads: golden files in both languages, hostile text inert. */
class CustomerMailTextTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");

  private static CustomerMail mail(CustomerMail.Type type, Language language) {
    return new CustomerMail(
        type,
        7,
        4,
        "ops@acme.example",
        language,
        Category.DOS,
        "111122223333",
        Optional.of("acme-prod"),
        List.of("ap-northeast-1"),
        List.of("i-0a1b2c3d4e5f60718"),
        List.of("203.0.113.45"),
        "Our monitoring detected a sustained UDP flood from 203.0.113.45. See"
            + " https://victim-hosting.example/graphs for details.",
        Instant.parse("2025-10-14T03:12:40Z"),
        Instant.parse("2025-10-14T19:12:40Z"),
        Optional.of(
            URI.create("https://desk.msp.example/respond/7?l=AAAAAAAAAAAAAAAAAAAAAA&exp=1&sig=x")),
        NOW);
  }

  private static String rendered(CustomerMail mail, Instant now) {
    Outgoing.MailMessage m = CustomerMailText.render(mail, "abuse-desk@msp.example", TOKYO, now);
    return "From: "
        + m.from()
        + "\nTo: "
        + String.join(", ", m.to())
        + "\nSubject: "
        + m.subject()
        + "\n\n"
        + m.text();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void rendersTheNoticeAsItsGoldenFile(Language language) {
    String lang = language == Language.JA ? "ja/" : "";
    Golden.assertMatches(
        "customer-mail/" + lang + "notice.txt",
        rendered(mail(CustomerMail.Type.NOTICE, language), NOW));
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void rendersTheReminderAsItsGoldenFile(Language language) {
    String lang = language == Language.JA ? "ja/" : "";
    Golden.assertMatches(
        "customer-mail/" + lang + "reminder.txt",
        rendered(mail(CustomerMail.Type.REMINDER, language), NOW.plusSeconds(4 * 3600)));
  }

  @Test
  void keepsHostileReportTextInertAndTheSubjectOnOneLine() {
    String hostile =
        "<script>alert(1)</script> <!channel> @here https://evil.example/login\r\n"
            + "Bcc: victim@example.com\r\nSubject: injected\u202e";
    CustomerMail base = mail(CustomerMail.Type.NOTICE, Language.EN);
    CustomerMail bad =
        new CustomerMail(
            base.type(),
            base.noticeId(),
            base.caseId(),
            base.to(),
            base.language(),
            base.category(),
            "111122223333",
            Optional.of("acme\r\nBcc: evil@example.com"),
            List.of(hostile),
            List.of(hostile),
            List.of(hostile),
            hostile,
            base.reportedAt(),
            base.deadline(),
            base.link(),
            base.createdAt());

    Outgoing.MailMessage m = CustomerMailText.render(bad, "abuse-desk@msp.example", TOKYO, NOW);

    assertThat(m.subject()).doesNotContain("\r", "\n", "Bcc");
    assertThat(m.to()).containsExactly("ops@acme.example");
    assertThat(m.text())
        .doesNotContain("https://evil.example", "\r", "\u202e", "\nBcc:", "\nSubject: injected")
        .contains("hxxps://evil[.]example/login");
  }

  @Test
  void leavesNoHostNameInTheExcerptThatAMailClientWouldLink() {
    CustomerMail base = mail(CustomerMail.Type.NOTICE, Language.EN);
    String excerpt =
        "Log in at www.aws-verify.example/login or mail noc@victim.example; already"
            + " hxxps://seen[.]example/x; 2.1 Gbit/s from 203.0.113.45, e.g. now.";
    CustomerMail withHosts =
        new CustomerMail(
            base.type(),
            base.noticeId(),
            base.caseId(),
            base.to(),
            base.language(),
            base.category(),
            base.accountId(),
            base.accountName(),
            base.regions(),
            base.resources(),
            base.ips(),
            excerpt,
            base.reportedAt(),
            base.deadline(),
            base.link(),
            base.createdAt());

    String text = CustomerMailText.render(withHosts, "abuse-desk@msp.example", TOKYO, NOW).text();

    assertThat(text)
        .contains(
            "Log in at www[.]aws-verify[.]example/login or mail noc@victim[.]example; already"
                + " hxxps://seen[.]example/x; 2.1 Gbit/s from 203.0.113.45, e.g. now.")
        .doesNotContain("aws-verify.example", "victim.example", "[[.]]");
  }

  @Test
  void keepsTheLinkOutOfItsStringForm() {
    assertThat(mail(CustomerMail.Type.NOTICE, Language.EN).toString()).doesNotContain("respond");
  }

  @Test
  void readsBackWhatItWrote() {
    CustomerMail mail = mail(CustomerMail.Type.REMINDER, Language.JA);
    assertThat(CustomerMail.read(mail.json())).isEqualTo(mail);
  }
}
