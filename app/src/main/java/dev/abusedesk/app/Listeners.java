package dev.abusedesk.app;

import dev.abusedesk.app.serve.Daemon;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The listeners {@code serve} runs: the configuration's {@code intake}, the loopback defaults when
 * it has none, and {@code --smtp}, {@code --http}, {@code --no-smtp}, {@code --no-http} over both.
 * A listener moved beyond loopback by a flag follows the configuration's rules: it needs the
 * credentials the configuration gives it.
 */
final class Listeners {

  @Option(
      names = "--smtp",
      paramLabel = "HOST:PORT",
      converter = Address.class,
      description =
          "Run the SMTP/LMTP listener here, with the rest of intake.smtp (default"
              + " 127.0.0.1:2525). Beyond loopback it needs intake.smtp.username, password and"
              + " tls.")
  ListenAddress smtp;

  @Option(names = "--no-smtp", description = "Run no SMTP/LMTP listener.")
  boolean noSmtp;

  @Option(
      names = "--http",
      paramLabel = "HOST:PORT",
      converter = Address.class,
      description =
          "Run the HTTP listener (intake, dashboard, /healthz) here, with the rest of intake.http"
              + " (default 127.0.0.1:8080). Beyond loopback it needs intake.http.token.")
  ListenAddress http;

  @Option(names = "--no-http", description = "Run no HTTP listener, and so no dashboard.")
  boolean noHttp;

  /** The intake to serve and, when the loopback defaults stood in, a line saying so. */
  record Chosen(Intake intake, Optional<String> note) {}

  /**
   * The intake to serve.
   *
   * @param configured the configuration's intake ({@link Intake#off()} without a file)
   * @param fromFile whether a configuration file was given
   * @throws CommandException (exit 78) when a flag puts a listener beyond loopback without the
   *     credentials the configuration must give it
   */
  Chosen choose(Intake configured, boolean fromFile) {
    if (smtp != null && noSmtp) {
      throw new CommandException(ExitCodes.USAGE, "--smtp and --no-smtp cannot go together");
    }
    if (http != null && noHttp) {
      throw new CommandException(ExitCodes.USAGE, "--http and --no-http cannot go together");
    }
    boolean defaults = configured.isOff();
    Intake base = defaults ? Daemon.defaultIntake() : configured;
    Optional<Intake.Smtp> smtpListener = noSmtp ? Optional.empty() : smtp(base.smtp());
    Optional<Intake.Http> httpListener = noHttp ? Optional.empty() : http(base.http());
    Intake chosen =
        new Intake(smtpListener, httpListener, configured.imap(), configured.trustedAuthservIds());
    return new Chosen(chosen, defaults && fromFile ? note(chosen) : Optional.empty());
  }

  private Optional<Intake.Smtp> smtp(Optional<Intake.Smtp> configured) {
    if (smtp == null) {
      return configured;
    }
    Intake.Smtp base =
        configured.orElse(
            new Intake.Smtp(
                Intake.Smtp.DEFAULT_LISTEN,
                Intake.Protocol.SMTP,
                Intake.DEFAULT_MAX_BYTES,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    if (!smtp.isLoopback() && base.username().isEmpty()) {
      throw new CommandException(
          ExitCodes.CONFIG,
          "--smtp "
              + smtp
              + ": beyond loopback the SMTP listener needs AUTH and STARTTLS; set"
              + " intake.smtp.username, intake.smtp.password and intake.smtp.tls in the"
              + " configuration");
    }
    if (!smtp.isLoopback() && base.tls().isEmpty()) {
      throw new CommandException(
          ExitCodes.CONFIG,
          "--smtp "
              + smtp
              + ": beyond loopback the SMTP password must not cross the network in clear text;"
              + " set intake.smtp.tls in the configuration");
    }
    return Optional.of(
        new Intake.Smtp(
            smtp,
            base.protocol(),
            base.maxMessageBytes(),
            base.username(),
            base.password(),
            base.tls()));
  }

  private Optional<Intake.Http> http(Optional<Intake.Http> configured) {
    if (http == null) {
      return configured;
    }
    Intake.Http base =
        configured.orElse(
            new Intake.Http(
                Intake.Http.DEFAULT_LISTEN, Optional.empty(), List.of(), Intake.DEFAULT_MAX_BYTES));
    if (!http.isLoopback() && base.token().isEmpty()) {
      throw new CommandException(
          ExitCodes.CONFIG,
          "--http "
              + http
              + ": beyond loopback the HTTP listener needs a token; set intake.http.token in the"
              + " configuration");
    }
    return Optional.of(new Intake.Http(http, base.token(), base.snsTopics(), base.maxBodyBytes()));
  }

  /** What serve runs instead of the configuration's listeners, for the log. */
  private static Optional<String> note(Intake chosen) {
    List<String> listeners = new ArrayList<>();
    chosen.smtp().ifPresent(s -> listeners.add("SMTP on " + s.listen()));
    chosen.http().ifPresent(h -> listeners.add("HTTP on " + h.listen()));
    String running =
        listeners.isEmpty()
            ? "no listener and no dashboard"
            : String.join(" and ", listeners) + ", loopback only";
    return Optional.of(
        "no intake listeners in the configuration: "
            + running
            + " (choose with intake.smtp and intake.http, or --smtp, --http, --no-smtp and"
            + " --no-http)");
  }

  /** {@code 127.0.0.1:2525}, {@code [::1]:2525}, {@code 0.0.0.0:25}. */
  static final class Address implements ITypeConverter<ListenAddress> {
    @Override
    public ListenAddress convert(String text) {
      return ListenAddress.parse(text)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "must be host:port with a port from 1 to 65535 (IPv6 as [::1]:8080), got '"
                          + text
                          + "'"));
    }
  }
}
