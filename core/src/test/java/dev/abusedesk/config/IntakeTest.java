package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeTest {

  @Test
  void withoutAnIntakeSectionEveryListenerIsOff() {
    assertThat(Yaml.parse("language: en").intake()).isEqualTo(Intake.off());
    assertThat(Yaml.parse("intake: {}").intake().isOff()).isTrue();
  }

  @Test
  void anEmptyListenerSectionTurnsItOnWithDefaults() {
    Intake intake = Yaml.parse("intake: {smtp: {}, http: {}}").intake();

    assertThat(intake.smtp())
        .contains(
            new Intake.Smtp(
                new ListenAddress("127.0.0.1", 2525),
                Intake.Protocol.SMTP,
                31_457_280,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThat(intake.http())
        .contains(
            new Intake.Http(
                new ListenAddress("127.0.0.1", 8080), Optional.empty(), List.of(), 31_457_280));
    assertThat(intake.imap()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:8080", "127.1.2.3:8080", "localhost:8080", "[::1]:8080"})
  void onLoopbackTheHttpEndpointNeedsNoToken(String listen) {
    Intake.Http http =
        Yaml.parse("intake: {http: {listen: \"" + listen + "\"}}").intake().http().orElseThrow();

    assertThat(http.listen().isLoopback()).isTrue();
    assertThat(http.token()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0:8080", "192.0.2.10:8080", "[::]:8080", "desk.example.com:8080"})
  void beyondLoopbackTheHttpEndpointNeedsAToken(String listen) {
    assertThat(Yaml.problems("intake: {http: {listen: \"" + listen + "\"}}"))
        .containsExactly(
            "intake.http: a token is required when listening beyond loopback ("
                + ListenAddress.parse(listen).orElseThrow()
                + ")");
    assertThat(
            Yaml.parse("intake: {http: {listen: \"" + listen + "\", token: t}}")
                .intake()
                .http()
                .orElseThrow()
                .token())
        .isPresent();
  }

  @Test
  void beyondLoopbackTheSmtpListenerNeedsAUsernameAndPassword() {
    assertThat(Yaml.problems("intake: {smtp: {listen: \"0.0.0.0:25\"}}"))
        .containsExactly(
            "intake.smtp: a username and password are required when listening beyond loopback"
                + " (0.0.0.0:25)");
    assertThat(Yaml.problems("intake: {smtp: {listen: \"0.0.0.0:25\", username: relay}}"))
        .containsExactly("intake.smtp.password: required with username");
    // With credentials it also needs tls: see SmtpTlsConfigTest.
  }

  @Test
  void reportsTheLoopbackRuleAlongsideOtherProblems() {
    assertThat(
            Yaml.problems(
                """
                intake:
                  smtp: {listen: "0.0.0.0:25", protocol: esmtp}
                  http: {listen: "0.0.0.0:80", max_body_bytes: 1}
                """))
        .containsExactly(
            "intake.smtp.protocol: must be smtp or lmtp",
            "intake.smtp: a username and password are required when listening beyond loopback"
                + " (0.0.0.0:25)",
            "intake.http.max_body_bytes: must be between 1024 and 1073741824",
            "intake.http: a token is required when listening beyond loopback (0.0.0.0:80)");
  }

  @Test
  void theRecordsKeepTheLoopbackRuleToo() {
    ListenAddress open = new ListenAddress("0.0.0.0", 25);

    assertThatThrownBy(
            () ->
                new Intake.Smtp(
                    open,
                    Intake.Protocol.LMTP,
                    1024,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Intake.Http(open, Optional.empty(), List.of(), 1024))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checksEveryIntakeField() {
    assertThat(
            Yaml.problems(
                """
                intake:
                  smtp: {listen: "2525", protocol: lmtp, max_message_bytes: 10}
                  http: {listen: "::1:8080", sns_topics: ["arn:aws:sqs:us-east-1:123456789012:q"]}
                  imap: {port: 0, tls: maybe, password: p, oauth2_token: t, interval: 0s}
                """))
        .containsExactly(
            "intake.smtp.listen: must be host:port (IPv6 as [::1]:2525), got \"2525\"",
            "intake.smtp.max_message_bytes: must be between 1024 and 1073741824",
            "intake.http.listen: must be host:port (IPv6 as [::1]:2525), got \"::1:8080\"",
            "intake.http.sns_topics[0]: not an SNS topic ARN:"
                + " \"arn:aws:sqs:us-east-1:123456789012:q\"",
            "intake.imap.host: required",
            "intake.imap.port: must be between 1 and 65535",
            "intake.imap.tls: must be true or false",
            "intake.imap.username: required",
            "intake.imap.oauth2_token: give password or oauth2_token, not both",
            "intake.imap.interval: must be positive");
  }

  @Test
  void imapTakesAnOauth2TokenInsteadOfAPassword() {
    Intake.Imap imap =
        Yaml.parse(
                """
                intake:
                  imap: {host: outlook.office365.com, username: u@example.com, oauth2_token: tok}
                """)
            .intake()
            .imap()
            .orElseThrow();

    assertThat(imap.password()).isEmpty();
    assertThat(imap.oauth2Token()).map(Secret::reveal).contains("tok");
    assertThat(imap.port()).isEqualTo(993);
    assertThat(imap.tls()).isTrue();
    assertThat(imap.folder()).isEqualTo("INBOX");
    assertThat(imap.moveTo()).isEmpty();
    assertThat(imap.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(Yaml.problems("intake: {imap: {host: h, username: u}}"))
        .containsExactly("intake.imap.password: required (or oauth2_token)");
  }
}
