package dev.abusedesk.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code intake:} — the SMTP/LMTP listener, the HTTP endpoint and the IMAP poller. */
final class IntakeSection {

  private static final Pattern SNS_TOPIC =
      Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(?:\\.fifo)?");
  private static final long MIN_BYTES = 1024;
  private static final long MAX_BYTES = 1L << 30;
  private static final Duration DEFAULT_IMAP_INTERVAL = Duration.ofSeconds(60);

  private IntakeSection() {}

  static Intake read(Section root) {
    Optional<Section> intake =
        root.section("intake", "smtp", "http", "imap", "trusted_authserv_ids");
    if (intake.isEmpty()) {
      return Intake.off();
    }
    Section section = intake.get();
    return new Intake(
        section
            .section(
                "smtp", "listen", "protocol", "max_message_bytes", "username", "password", "tls")
            .flatMap(IntakeSection::smtp),
        section
            .section("http", "listen", "token", "sns_topics", "max_body_bytes")
            .flatMap(IntakeSection::http),
        section
            .section(
                "imap",
                "host",
                "port",
                "tls",
                "username",
                "password",
                "oauth2_token",
                "folder",
                "move_to",
                "interval")
            .flatMap(IntakeSection::imap),
        section.strings(
            "trusted_authserv_ids",
            id ->
                AUTHSERV_ID.matcher(id).matches()
                    ? Optional.empty()
                    : Optional.of("not a host name: " + Document.quote(id))));
  }

  /** An authserv-id is a host name, by convention the MTA's own (RFC 8601 section 2.5). */
  private static final Pattern AUTHSERV_ID =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");

  private static Optional<Intake.Smtp> smtp(Section smtp) {
    Problems.Mark mark = smtp.document().problems.mark();
    ListenAddress listen = listen(smtp).orElse(Intake.Smtp.DEFAULT_LISTEN);
    Intake.Protocol protocol =
        smtp.choice("protocol", Intake.Protocol.class).orElse(Intake.Protocol.SMTP);
    long maxBytes =
        smtp.whole("max_message_bytes", MIN_BYTES, MAX_BYTES).orElse(Intake.DEFAULT_MAX_BYTES);
    Optional<String> username = smtp.string("username");
    Optional<Secret> password = smtp.secret("password");
    smtp.together("username", "password");
    Optional<Intake.Tls> tls =
        smtp.section("tls", "certificate_file", "key_file").flatMap(TlsSection::read);
    if (!listen.isLoopback() && !smtp.has("username") && !smtp.has("password")) {
      smtp.problem(
          "a username and password are required when listening beyond loopback (" + listen + ")");
    } else if (!listen.isLoopback() && smtp.has("password") && !smtp.has("tls")) {
      // Beyond loopback AUTH is taken only after STARTTLS: without tls, nobody could log in.
      smtp.problem("a password over a non-loopback listener needs tls (" + listen + ")");
    }
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(new Intake.Smtp(listen, protocol, maxBytes, username, password, tls));
  }

  private static Optional<Intake.Http> http(Section http) {
    Problems.Mark mark = http.document().problems.mark();
    ListenAddress listen = listen(http).orElse(Intake.Http.DEFAULT_LISTEN);
    Optional<Secret> token = http.secret("token");
    List<String> topics =
        http.strings(
            "sns_topics",
            arn ->
                SNS_TOPIC.matcher(arn).matches()
                    ? Optional.empty()
                    : Optional.of("not an SNS topic ARN: " + Document.quote(arn)));
    long maxBytes =
        http.whole("max_body_bytes", MIN_BYTES, MAX_BYTES).orElse(Intake.DEFAULT_MAX_BYTES);
    if (!listen.isLoopback() && !http.has("token")) {
      http.problem("a token is required when listening beyond loopback (" + listen + ")");
    }
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(new Intake.Http(listen, token, topics, maxBytes));
  }

  private static Optional<Intake.Imap> imap(Section imap) {
    Problems.Mark mark = imap.document().problems.mark();
    Optional<String> host = imap.requiredHost("host");
    int port = imap.port("port").orElse(993);
    boolean tls = imap.bool("tls").orElse(true);
    Optional<String> username = imap.requiredString("username");
    Optional<Secret> password = imap.secret("password");
    Optional<Secret> token = imap.secret("oauth2_token");
    if (imap.has("password") && imap.has("oauth2_token")) {
      imap.problem("oauth2_token", "give password or oauth2_token, not both");
    } else if (!imap.has("password") && !imap.has("oauth2_token")) {
      imap.problem("password", "required (or oauth2_token)");
    }
    String folder = imap.string("folder").orElse("INBOX");
    Optional<String> moveTo = imap.string("move_to");
    Duration interval = imap.duration("interval").orElse(DEFAULT_IMAP_INTERVAL);
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(
        new Intake.Imap(
            host.orElseThrow(),
            port,
            tls,
            username.orElseThrow(),
            password,
            token,
            folder,
            moveTo,
            interval));
  }

  private static Optional<ListenAddress> listen(Section section) {
    return section
        .string("listen")
        .flatMap(
            text -> {
              Optional<ListenAddress> address = ListenAddress.parse(text);
              if (address.isEmpty()) {
                section.problem(
                    "listen",
                    "must be host:port (IPv6 as [::1]:2525), got " + Document.quote(text));
              }
              return address;
            });
  }
}
