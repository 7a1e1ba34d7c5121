package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.report.Json;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 11 on mail provenance, replayed against the packaged daemon over SMTP: a
 * forged closing mail, a closing mail whose only Authentication-Results the sender wrote itself
 * (and no signature), and a forged follow-up, each naming a real open case. None gets into the
 * case: each opens a case of its own, flagged. A colleague's forwarded copy of AWS's real closing
 * mail joins the case but cannot close it: the chat is asked to confirm. The case stays open with
 * its deadline throughout.
 */
class ForgedMailIT {

  private static final String TRUSTED = Fixtures.FIXTURE_MTA;

  @TempDir Path dir;

  private static String fixture(String name) {
    return new String(Fixtures.bytes("email/" + name), StandardCharsets.UTF_8);
  }

  /** {@code mail} with {@code value} as its only Authentication-Results header. */
  private static String withResults(String mail, String value) {
    return mail.replaceFirst(
        "(?s)Authentication-Results:.*?\\n(?=\\S)",
        Matcher.quoteReplacement("Authentication-Results: " + value + "\n"));
  }

  @Test
  void forgedAndUnverifiedMailNamingARealCaseCannotCloseItOrSlipIntoIt() throws Exception {
    try (LoopbackHttp chat = LoopbackHttp.start()) {
      chat.on("/hook", LoopbackHttp.Answer.of(200, "ok"));
      int smtpPort = Daemons.freePort();
      int httpPort = Daemons.freePort();
      Path config = dir.resolve("abusedesk.yaml");
      Files.writeString(
          config,
          """
          receivers:
            - name: hook
              webhook: {url: "%s"}
          intake:
            trusted_authserv_ids: [%s]
            smtp: {listen: "127.0.0.1:%d"}
            http: {listen: "127.0.0.1:%d"}
          """
              .formatted(chat.uri("/hook"), TRUSTED, smtpPort, httpPort));
      Path data = dir.resolve("data");
      Process daemon = Daemons.start(config, data, httpPort, dir.resolve("serve.log"));
      try {
        assertThat(Daemons.sendMail(smtpPort, fixture("ec2-abuse-dos.eml"))).isTrue();
        awaitCases(data, 1, 1);

        // 1. A forged closing mail: the operator's server saw DKIM fail for amazon.com.
        String forgedClosing =
            withResults(
                    fixture("ec2-abuse-closed.eml"), TRUSTED + "; dkim=fail header.d=amazon.com")
                .replace("0100018f2d-closed", "forged-closing");
        // 2. A closing mail that carries the sender's own "pass": no trusted server checked it.
        String selfCertified =
            withResults(
                    fixture("ec2-abuse-closed.eml"),
                    "mx.example-msp.jp.attacker.example; dkim=pass header.d=amazon.com")
                .replace("0100018f2d-closed", "self-certified-closing");
        // 3. A forged follow-up naming the case, to slip into it.
        String forgedFollowUp =
            withResults(fixture("ec2-abuse-followup.eml"), TRUSTED + "; dkim=none")
                .replaceAll("Message-ID: <[^>]+>", "Message-ID: <forged-follow-up@phish.example>");
        // 4. AWS's real closing mail, forwarded by a colleague: what AWS wrote cannot be checked.
        String forwardedClosing = resource("forwarded-closing.eml");
        for (String mail :
            List.of(forgedClosing, selfCertified, forgedFollowUp, forwardedClosing)) {
          assertThat(Daemons.sendMail(smtpPort, mail)).isTrue();
        }
        List<JsonNode> cases = awaitCases(data, 4, 5);
        long untilAlerts = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < untilAlerts && chat.requests("/hook").size() < 5) {
          Thread.sleep(100);
        }

        JsonNode real = cases.stream().filter(c -> c.path("id").asLong() == 1).findFirst().get();
        assertThat(real.path("status").asText()).isEqualTo("open");
        assertThat(real.path("deadline").isNull()).isFalse();
        assertThat(real.path("reports").asInt()).as("the real case's reports").isEqualTo(2);
        // The three forged mails opened cases of their own.
        assertThat(cases).hasSize(4);
        List<String> types = chat.requests("/hook").stream().map(r -> type(r.body())).toList();
        assertThat(types)
            .containsExactlyInAnyOrder(
                "new_case",
                "closed_unverified",
                "closed_unverified",
                "new_case",
                "closed_unverified");
        // The forged ones say so, loudly, in every message about them.
        assertThat(chat.requests("/hook"))
            .filteredOn(r -> r.body().contains("\"sender_verified\":\"fail\""))
            .hasSize(3);
      } finally {
        daemon.destroy();
        daemon.waitFor(15, TimeUnit.SECONDS);
      }
      Launcher.Result history =
          Launcher.run(
              Map.of(),
              null,
              "cases",
              "show",
              "1",
              "--config",
              config.toString(),
              "--data-dir",
              data.toString());
      assertThat(history.out()).contains("AWS says closed, not verified");
    }
  }

  private static String resource(String name) throws java.io.IOException {
    try (java.io.InputStream in = ForgedMailIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String type(String body) {
    try {
      return Json.MAPPER.readTree(body).path("type").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Waits until {@code cases} cases hold {@code reports} reports between them. */
  private static List<JsonNode> awaitCases(Path data, int cases, int reports) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<JsonNode> found = List.of();
    while (System.nanoTime() < until) {
      Launcher.Result list =
          Launcher.run(Map.of(), null, "cases", "list", "--json", "--data-dir", data.toString());
      List<JsonNode> now = new java.util.ArrayList<>();
      Json.MAPPER.readTree(list.out()).forEach(now::add);
      found = now;
      if (now.size() == cases
          && now.stream().mapToInt(c -> c.path("reports").asInt()).sum() == reports) {
        return found;
      }
      Thread.sleep(300);
    }
    return found;
  }
}
