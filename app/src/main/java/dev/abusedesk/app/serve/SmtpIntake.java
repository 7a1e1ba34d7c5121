package dev.abusedesk.app.serve;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.server.RequireAuthCommandWrapper;
import org.subethamail.smtp.internal.server.RequireTLSCommandWrapper;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP or LMTP listener a mail server relays the abuse mailbox to (SubEthaSMTP underneath).
 * Each message streams into the spool; the reply to DATA is 250 only once the spool accepted it,
 * 451 when it could not be written (the sender keeps it and retries) and 552 when it is larger than
 * {@code max_message_bytes}. With a username and password configured, AUTH PLAIN or LOGIN comes
 * first; with {@code tls}, STARTTLS is offered, and beyond loopback AUTH (and with it everything
 * else) waits for it. Messages are spooled byte for byte as received: no Received header is added.
 * Clients are bounded by {@link SmtpLimits}: a read timeout, a deadline for each message, a cap on
 * sessions.
 */
public final class SmtpIntake implements Supervised {

  private static final System.Logger LOG = System.getLogger(SmtpIntake.class.getName());
  private static final String HOST_NAME = "abusedesk";

  /** How long stopping waits for messages being received; the daemon must exit within 10 s. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  /**
   * Connections the library takes before it stops accepting; {@link SessionLimit} refuses those
   * past {@link SmtpLimits#maxSessions()} long before.
   */
  private static final int ACCEPTED_AT_MOST = 1000;

  private final Intake.Smtp config;
  private final Clock clock;
  private final SMTPServer server;
  private final InFlight inFlight = new InFlight();
  private final String threadName = "abusedesk-smtp-" + LISTENERS.incrementAndGet();
  private boolean started;
  private volatile Thread acceptor;

  private static final java.util.concurrent.atomic.AtomicInteger LISTENERS =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param onSpooled called after each accepted message, e.g. to wake the recording loop
   * @throws IntakeException when the listen host is not an address of this machine's
   */
  public SmtpIntake(Intake.Smtp config, FileSpool spool, Runnable onSpooled, Clock clock) {
    this(config, spool, onSpooled, SmtpLimits.defaults(), clock);
  }

  /** On the system clock, with the daemon's limits. */
  public SmtpIntake(Intake.Smtp config, FileSpool spool, Runnable onSpooled) {
    this(config, spool, onSpooled, SmtpLimits.defaults(), Clock.systemUTC());
  }

  SmtpIntake(Intake.Smtp config, FileSpool spool, Runnable onSpooled, SmtpLimits limits) {
    this(config, spool, onSpooled, limits, Clock.systemUTC());
  }

  SmtpIntake(
      Intake.Smtp config, FileSpool spool, Runnable onSpooled, SmtpLimits limits, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(spool, "spool");
    Objects.requireNonNull(onSpooled, "onSpooled");
    boolean lmtp = config.protocol() == Intake.Protocol.LMTP;
    String intake = config.protocol().wire();
    long maxBytes = config.maxMessageBytes();
    LoginThrottle throttle = new LoginThrottle(limits.logins(), clock);
    SMTPServer.Builder builder =
        SMTPServer.port(config.listen().port())
            .bindAddress(address(config))
            .hostName(HOST_NAME)
            .softwareName("Abuse Desk")
            .maxConnections(Math.max(ACCEPTED_AT_MOST, limits.maxSessions()))
            .sessionHandler(new SessionLimit(limits.maxSessions(), throttle))
            .connectionTimeoutMs((int) limits.idleTimeout().toMillis())
            .maxMessageSize((int) Math.min(Integer.MAX_VALUE, maxBytes))
            .insertReceivedHeaders(false)
            .serverThreadName(threadName)
            .messageHandlerFactory(
                context -> new MailTransaction(spool, intake, maxBytes, onSpooled));
    if (config.username().isPresent() && config.password().isPresent()) {
      String username = config.username().get();
      Secret password = config.password().get();
      builder
          .authenticationHandlerFactory(
              new EasyAuthenticationHandlerFactory(
                  (user, given, context) -> {
                    // Both compared, in constant time: the reply tells nothing about which failed.
                    if (!(same(user, username) & same(given, password.reveal()))) {
                      pause(throttle.failed(MailCommands.Auth.client(context), user));
                      throw new LoginFailedException();
                    }
                  }))
          .requireAuth(true);
    }
    boolean authBeforeTls = config.authBeforeTls();
    config
        .tls()
        .ifPresent(
            tls ->
                builder
                    .enableTLS(true)
                    .startTlsSocketFactory(new StartTls(tls))
                    // Beyond loopback nothing but EHLO, NOOP, QUIT and STARTTLS before TLS.
                    .requireTLS(!authBeforeTls));
    this.server = builder.build();
    CommandHandler commands = server.getCommandHandler();
    commands.addCommand(
        new RequireAuthCommandWrapper(
            new RequireTLSCommandWrapper(new MailCommands.Data(lmtp, inFlight, limits))));
    commands.addCommand(
        new MailCommands.Auth(
            commands.getCommand("AUTH"), authBeforeTls, throttle, limits.idleTimeout()));
    if (lmtp) {
      String greeting = "500 5.5.1 This is an LMTP server: say LHLO";
      commands.addCommand(MailCommands.Hello.lhlo(HOST_NAME, maxBytes, authBeforeTls));
      commands.addCommand(new MailCommands.Refused("HELO", greeting));
      commands.addCommand(new MailCommands.Refused("EHLO", greeting));
      commands.addCommand(new MailCommands.Refused("BDAT", "502 5.5.1 BDAT is not offered"));
    } else {
      commands.addCommand(MailCommands.Hello.ehlo(HOST_NAME, maxBytes, authBeforeTls));
      commands.addCommand(new MailCommands.EndingTransaction(commands.getCommand("BDAT")));
    }
  }

  /**
   * Listens on the configured address.
   *
   * @throws IntakeException when the address cannot be bound (in use, not local)
   */
  public synchronized void start() {
    try {
      server.start();
      started = true;
      acceptor =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals(threadName))
              .findFirst()
              .orElse(null);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IntakeException(
          "cannot listen for " + config.protocol().wire() + " on " + config.listen() + ": " + cause,
          e);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "{0} listening on {1}{2}",
        config.protocol().wire(),
        config.listen().host() + ":" + port(),
        config
            .tls()
            .map(
                tls ->
                    ", STARTTLS with "
                        + tls.certificate().getSubjectX500Principal().getName()
                        + " valid until "
                        + tls.certificate().getNotAfter().toInstant())
            .orElse(""));
    config
        .tls()
        .map(tls -> StartTls.warnings(tls, clock.instant()))
        .orElse(java.util.List.of())
        .forEach(warning -> LOG.log(System.Logger.Level.WARNING, warning));
  }

  @Override
  public String name() {
    return config.protocol().wire() + " " + config.listen().host() + ":" + port();
  }

  /** Dead when the thread that accepts connections is gone while the listener should run. */
  @Override
  public synchronized Condition condition(java.time.Instant now) {
    Thread thread = acceptor;
    if (started && thread != null && !thread.isAlive()) {
      return new Condition.Dead("its listening thread ended; nothing is accepted any more");
    }
    return Condition.WORKING;
  }

  /** The port bound, which differs from the configured one only when that was 0. */
  public int port() {
    return server.getPortAllocated();
  }

  /**
   * Stops listening. Messages in the middle of DATA get up to 5 seconds to be spooled and
   * acknowledged; a DATA started meanwhile is refused with 421, and connections still open
   * afterwards are closed unacknowledged, so their senders keep the message and retry.
   */
  public synchronized void stop() {
    if (!inFlight.close(GRACE)) {
      LOG.log(System.Logger.Level.WARNING, "closing connections with messages still arriving");
    }
    if (started) {
      server.stop();
      started = false;
    }
  }

  private static InetAddress address(Intake.Smtp config) {
    try {
      return InetAddress.getByName(config.listen().host());
    } catch (UnknownHostException e) {
      throw new IntakeException("cannot listen on " + config.listen() + ": unknown host", e);
    }
  }

  /** Answers a failed login late, so that guessing is slow. */
  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
