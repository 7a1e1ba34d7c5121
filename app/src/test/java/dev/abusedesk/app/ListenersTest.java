package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.config.Config;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Which listeners {@code serve} runs, from the configuration's intake and the flags. */
class ListenersTest {

  @TempDir Path dir;

  private Intake intake(String yaml) {
    return Config.parse(yaml, dir, Map.of("TOKEN", "t0ken-s3cr3t")).intake();
  }

  /** The flags as picocli reads them from a command line. */
  private static Listeners flags(String... args) {
    Listeners listeners = new Listeners();
    new CommandLine(listeners).parseArgs(args);
    return listeners;
  }

  @Test
  void aConfigurationWithoutListenersGetsTheLoopbackDefaultsAndSaysSo() {
    Listeners.Chosen chosen =
        flags().choose(intake("intake: {trusted_authserv_ids: [mx.example.jp]}"), true);

    assertThat(chosen.intake().smtp().orElseThrow().listen())
        .isEqualTo(new ListenAddress("127.0.0.1", 2525));
    assertThat(chosen.intake().http().orElseThrow().listen())
        .isEqualTo(new ListenAddress("127.0.0.1", 8080));
    assertThat(chosen.intake().trustedAuthservIds()).containsExactly("mx.example.jp");
    assertThat(chosen.note())
        .contains(
            "no intake listeners in the configuration: SMTP on 127.0.0.1:2525 and HTTP on"
                + " 127.0.0.1:8080, loopback only (choose with intake.smtp and intake.http, or"
                + " --smtp, --http, --no-smtp and --no-http)");
  }

  @Test
  void withoutAConfigurationFileTheDefaultsNeedNoNote() {
    Listeners.Chosen chosen = flags().choose(Intake.off(), false);

    assertThat(chosen.intake().smtp()).isPresent();
    assertThat(chosen.intake().http()).isPresent();
    assertThat(chosen.note()).isEmpty();
  }

  @Test
  void theConfiguredListenersStandWithoutFlags() {
    Intake configured = intake("intake: {http: {listen: \"127.0.0.1:9090\"}}");

    Listeners.Chosen chosen = flags().choose(configured, true);

    assertThat(chosen.intake()).isEqualTo(configured);
    assertThat(chosen.note()).isEmpty();
  }

  @Test
  void flagsMoveTheListenersAndKeepTheRestOfTheirSections() {
    Intake configured =
        intake(
            """
            intake:
              trusted_authserv_ids: [mx.example.jp]
              smtp: {listen: "127.0.0.1:2525", protocol: lmtp, max_message_bytes: 4096}
              http:
                listen: "0.0.0.0:8080"
                token: {env: TOKEN}
                sns_topics: ["arn:aws:sns:us-east-1:123456789012:abuse"]
            """);

    Intake chosen =
        flags("--smtp", "[::1]:2626", "--http", "192.0.2.10:9443")
            .choose(configured, true)
            .intake();

    Intake.Smtp smtp = chosen.smtp().orElseThrow();
    assertThat(smtp.listen()).isEqualTo(new ListenAddress("::1", 2626));
    assertThat(smtp.protocol()).isEqualTo(Intake.Protocol.LMTP);
    assertThat(smtp.maxMessageBytes()).isEqualTo(4096);
    Intake.Http http = chosen.http().orElseThrow();
    assertThat(http.listen()).isEqualTo(new ListenAddress("192.0.2.10", 9443));
    assertThat(http.token().orElseThrow().reveal()).isEqualTo("t0ken-s3cr3t");
    assertThat(http.snsTopics()).containsExactly("arn:aws:sns:us-east-1:123456789012:abuse");
    assertThat(chosen.trustedAuthservIds()).containsExactly("mx.example.jp");
  }

  @Test
  void noSmtpAndNoHttpTurnTheListenersOffButNotImap() {
    Intake configured =
        intake(
            """
            intake:
              smtp: {}
              http: {}
              imap: {host: imap.example.com, username: u, password: {env: TOKEN}}
            """);

    Intake chosen = flags("--no-smtp", "--no-http").choose(configured, true).intake();

    assertThat(chosen.smtp()).isEmpty();
    assertThat(chosen.http()).isEmpty();
    assertThat(chosen.imap()).isEqualTo(configured.imap());
  }

  @Test
  void anHttpListenerBeyondLoopbackWithoutATokenIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> flags("--http", "0.0.0.0:8080").choose(Intake.off(), false))
        .isInstanceOfSatisfying(
            CommandException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(78);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "--http 0.0.0.0:8080: beyond loopback the HTTP listener needs a token; set"
                          + " intake.http.token in the configuration");
            });
  }

  @Test
  void anSmtpListenerBeyondLoopbackNeedsCredentialsAndTls() {
    Intake withPassword = intake("intake: {smtp: {username: relay, password: {env: TOKEN}}}");

    assertThatThrownBy(() -> flags("--smtp", "0.0.0.0:25").choose(Intake.off(), false))
        .hasMessage(
            "--smtp 0.0.0.0:25: beyond loopback the SMTP listener needs AUTH and STARTTLS; set"
                + " intake.smtp.username, intake.smtp.password and intake.smtp.tls in the"
                + " configuration");
    assertThatThrownBy(() -> flags("--smtp", "0.0.0.0:25").choose(withPassword, true))
        .hasMessage(
            "--smtp 0.0.0.0:25: beyond loopback the SMTP password must not cross the network in"
                + " clear text; set intake.smtp.tls in the configuration");
  }

  @Test
  void aListenerAndItsOppositeCannotGoTogether() {
    assertThatThrownBy(
            () -> flags("--smtp", "127.0.0.1:2525", "--no-smtp").choose(Intake.off(), false))
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.exitCode()).isEqualTo(64))
        .hasMessage("--smtp and --no-smtp cannot go together");
  }

  @Test
  void anAddressThatIsNotHostAndPortIsAUsageError() {
    assertThatThrownBy(() -> flags("--http", "8080"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining(
            "must be host:port with a port from 1 to 65535 (IPv6 as [::1]:8080), got '8080'");
  }

  @Test
  void theDefaultsOfANewListenerAreTheDaemons() {
    Intake chosen =
        flags("--http", "127.0.0.1:9999").choose(intake("intake: {smtp: {}}"), true).intake();

    assertThat(chosen.http().orElseThrow().token()).isEqualTo(Optional.empty());
    assertThat(chosen.http().orElseThrow().snsTopics()).isEqualTo(List.of());
    assertThat(chosen.smtp()).isPresent();
  }
}
