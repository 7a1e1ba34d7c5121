package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Reply;
import dev.abusedesk.testing.Fixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Send to AWS" through a real SMTP relay (GreenMail on a free port): the reply goes only to the
 * verified AWS sender of the case's latest AWS mail, with headers built from checked values.
 */
class ReplyToAwsTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String DOS_ID =
      "<0100018f2a1b2c3d-ab12cd34-ef56-7890-abcd-ef1234567890-000000@email.amazonses.com>";

  @TempDir Path dir;
  DeskServer server;
  WebClient browser;

  @BeforeEach
  void start() {
    Reply reply =
        new Reply(
            "127.0.0.1",
            SMTP.getSmtp().getPort(),
            false,
            Optional.empty(),
            Optional.empty(),
            "security@example-msp.jp");
    server =
        new DeskServer(
            dir,
            DeskSecurityTest.config(""),
            DeskSecurityTest.NOW,
            true,
            Optional.of(new ReplyMail(reply, new DeskServer.TestClock(DeskSecurityTest.NOW))));
    browser = new WebClient(server);
    browser.login("hanako", "correct horse");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static byte[] mail(String name) {
    try {
      return Files.readAllBytes(Path.of("src", "test", "resources", "mail", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The EC2 DoS notice as another sender wrote it, about the same instance and case, a few hours
   * later: {@code authResults} is what the desk's trusted mail server (or another) found.
   */
  static byte[] dosVariant(String from, String authResults, String messageId, String date) {
    String dos = new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);
    String headers = dos.substring(0, dos.indexOf("\nFrom: Amazon EC2 Abuse"));
    String rest = dos.substring(dos.indexOf("\nTo: security@"));
    return ("Authentication-Results: "
            + authResults
            + "\n"
            + headers.substring(headers.indexOf("\nReceived:") + 1)
            + "\nFrom: "
            + from
            + rest.replace("Date: Tue, 14 Oct 2025 03:12:40 +0000", "Date: " + date)
                .replace(DOS_ID, messageId)
                .replace(
                    "Subject: Your Amazon",
                    "In-Reply-To: "
                        + DOS_ID
                        + "\nReferences: "
                        + DOS_ID
                        + "\nSubject: Re: Your Amazon"))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The first reply draft, sent with the subject and body the page offers, or these. */
  private HttpResponse<String> send(long caseId, String subject, String body) {
    String page = browser.get("/dashboard/cases/" + caseId).body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put(
        "subject", subject != null ? subject : field(page, "class=\"subject\" value=\"([^\"]*)\""));
    form.put(
        "body", body != null ? body : field(page, "id=\"draft-first-reply\" rows=\"14\">([^<]*)<"));
    return browser.submit("/dashboard/cases/" + caseId + "/send", form);
  }

  private static String field(String page, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(page.substring(page.indexOf("id=\"drafts\"")));
    assertThat(m.find()).as(pattern).isTrue();
    return m.group(1)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#96;", "`")
        .replace("&amp;", "&");
  }

  private static MimeMessage onlyReply() {
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  private static String headerBlock(MimeMessage message) {
    String whole = GreenMailUtil.getWholeMessage(message);
    return whole.substring(0, whole.indexOf("\r\n\r\n"));
  }

  private CaseStatus status(long caseId) {
    return server.pipeline.store().find(caseId).orElseThrow().status();
  }

  @Test
  void aReplyNamesAwssMessageIdInExactlyOnePairOfBracketsAndMarksTheCaseReplied() throws Exception {
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    String page = browser.get("/dashboard/cases/" + caseId).body();
    assertThat(page).contains("id=\"reply-to\">ec2-abuse@amazon.com<", "id=\"send-first-reply\"");

    HttpResponse<String> sent = send(caseId, null, null);

    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location")).contains("/dashboard/cases/" + caseId);
    MimeMessage reply = onlyReply();
    assertThat(reply.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("ec2-abuse@amazon.com");
    assertThat(reply.getHeader("In-Reply-To")).containsExactly(DOS_ID);
    assertThat(reply.getHeader("References")).containsExactly(DOS_ID);
    assertThat(reply.getHeader("In-Reply-To")[0].chars().filter(c -> c == '<' || c == '>'))
        .hasSize(2);
    assertThat(headerBlock(reply)).doesNotContain("<<", ">>");
    assertThat(reply.getSubject())
        .isEqualTo("Re: Your Amazon EC2 Abuse Report [20816735] [AWS ID 111122223333]");
    assertThat(status(caseId)).isEqualTo(CaseStatus.REPLIED);
  }

  @Test
  void anInjectedMessageIdIsDroppedAndTheReplyCarriesNoReplyToAndItsOwnBody() throws Exception {
    long caseId = server.record(mail("injected-message-id.eml"), "s1");
    String body = "We stopped i-0f00ba4c0ffee0001 and rotated its keys.";

    send(caseId, "Re: case 20990001\r\nBcc: attacker@evil.example\r\n\r\nsmuggled", body);

    MimeMessage reply = onlyReply();
    assertThat(reply.getHeader("Reply-To")).isNull();
    assertThat(reply.getHeader("Bcc")).isNull();
    assertThat(reply.getHeader("In-Reply-To")).isNull();
    assertThat(reply.getHeader("References"))
        .containsExactly("<0100018f99aa-first@email.amazonses.com>");
    assertThat(reply.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("ec2-abuse@amazon.com");
    assertThat(reply.getSubject())
        .isEqualTo("Re: case 20990001 Bcc: attacker@evil.example smuggled");
    assertThat(headerBlock(reply)).doesNotContain("attacker@evil.example>", "Reply-To");
    assertThat(headerBlock(reply).lines())
        .allSatisfy(
            line -> assertThat(line).doesNotStartWith("Bcc:").doesNotStartWith("Reply-To:"));
    assertThat(GreenMailUtil.getBody(reply).strip()).isEqualTo(body);
    assertThat(Arrays.stream(SMTP.getReceivedMessages()))
        .noneMatch(m -> GreenMailUtil.getWholeMessage(m).contains("The reply body starts here"));
  }

  @Test
  void aCaseOpenedByAnAttackerOffersNoSendAndSendsNothing() {
    long caseId = server.record(mail("attacker-opened.eml"), "s1");

    String page = browser.get("/dashboard/cases/" + caseId).body();
    HttpResponse<String> forced = send(caseId, "Re: x", "our remediation details");

    assertThat(page).doesNotContain("id=\"send-", "id=\"reply-to\"");
    assertThat(page)
        .contains(
            "id=\"no-send\"", Html.escape(Words.NO_SEND_UNVERIFIED.in(server.config.language())));
    assertThat(page).contains("id=\"copy-draft-first-reply\"");
    assertThat(forced.headers().firstValue("Location"))
        .contains("/dashboard/cases/" + caseId + "?problem=no-recipient");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(status(caseId)).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aForgedOrUnverifiedMailJoinedToACaseNeverBecomesTheRecipient() throws Exception {
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    long forged =
        server.record(
            dosVariant(
                "AWS Trust & Safety <trustandsafety@support.aws.com>",
                "mx.example-msp.jp; dkim=fail (signature did not verify) header.d=support.aws.com",
                "<forged-1@phish.example>",
                "Tue, 14 Oct 2025 05:00:00 +0000"),
            "s2");
    long unverified =
        server.record(
            dosVariant(
                "AWS Trust & Safety <trustandsafety@support.aws.com>",
                "mx.attacker.example; dkim=pass header.d=support.aws.com",
                "<unverified-1@support.aws.com>",
                "Tue, 14 Oct 2025 05:30:00 +0000"),
            "s3");
    // The forged mail does not even get into the case; the unverified one does, as a report only.
    assertThat(forged).isNotEqualTo(caseId);
    assertThat(unverified).isEqualTo(caseId);
    assertThat(server.pipeline.store().reports(caseId))
        .extracting(r -> r.report().provenance().trust().wire())
        .containsExactly("verified", "unverified");

    String page = browser.get("/dashboard/cases/" + caseId).body();
    send(caseId, null, null);

    assertThat(page).contains("id=\"reply-to\">ec2-abuse@amazon.com<");
    MimeMessage reply = onlyReply();
    assertThat(reply.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("ec2-abuse@amazon.com");
    assertThat(reply.getHeader("In-Reply-To")).containsExactly(DOS_ID);
  }

  @Test
  void theLatestVerifiedAwsMailsSenderIsTheRecipient() throws Exception {
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    long answered =
        server.record(
            dosVariant(
                "AWS Trust & Safety <trustandsafety@support.aws.com>",
                "mx.example-msp.jp; dkim=pass header.d=support.aws.com header.s=ts2024",
                "<ts-20816735-b@support.aws.com>",
                "Tue, 14 Oct 2025 06:00:00 +0000"),
            "s2");
    assertThat(answered).isEqualTo(caseId);

    String page = browser.get("/dashboard/cases/" + caseId).body();
    send(caseId, null, null);

    assertThat(page).contains("id=\"reply-to\">trustandsafety@support.aws.com<");
    MimeMessage reply = onlyReply();
    assertThat(reply.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("trustandsafety@support.aws.com");
    assertThat(reply.getHeader("In-Reply-To")).containsExactly("<ts-20816735-b@support.aws.com>");
    assertThat(reply.getHeader("References")[0].replaceAll("\\s+", " "))
        .isEqualTo(DOS_ID + " <ts-20816735-b@support.aws.com>");
  }

  @Test
  void aVerifiedAwsSenderOffTheListGetsNoSendAndThePageSaysWhy() {
    long caseId =
        server.record(
            dosVariant(
                "AWS Abuse <abuse-notices@amazonaws.com>",
                "mx.example-msp.jp; dkim=pass header.d=amazonaws.com",
                "<off-list-1@amazonaws.com>",
                "Tue, 14 Oct 2025 06:00:00 +0000"),
            "s1");

    String page = browser.get("/dashboard/cases/" + caseId).body();
    send(caseId, null, null);

    assertThat(page).doesNotContain("id=\"send-");
    assertThat(page)
        .contains(
            "id=\"no-send\"",
            Html.escape(Words.NO_SEND_NOT_LISTED.in(server.config.language())),
            "<code>abuse-notices@amazonaws.com</code>");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }
}
