package dev.abusedesk.app.serve;

import dev.abusedesk.config.Intake;
import dev.abusedesk.health.HealthBackstop;
import dev.abusedesk.health.Poll;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.spool.FileSpool;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Plugs the configured intakes (SMTP/LMTP, IMAP, SNS, the Health API) into the daemon. */
public final class Intakes {

  private static final System.Logger LOG = System.getLogger(Intakes.class.getName());

  private Intakes() {}

  /** The mail server that received the bundled sample mails: the demo trusts its checks. */
  public static final String DEMO_MTA = "mx.example-msp.jp";

  public static void attach(Daemon daemon, Installation installation, Intake intake, String owner) {
    Clock clock = installation.clock();
    intake
        .http()
        .ifPresent(
            http -> daemon.snsGate(new SnsIntake(SnsMessages.overHttps(http.snsTopics(), clock))));
    intake
        .smtp()
        .ifPresent(
            smtp -> {
              SmtpIntake listener =
                  new SmtpIntake(smtp, installation.spool(), daemon::spooled, clock);
              daemon.starting(listener::start);
              daemon.listener(listener::stop);
              daemon.supervise(listener);
            });
    intake
        .imap()
        .ifPresent(
            imap -> {
              ImapPoller poller =
                  new ImapPoller(
                      imap,
                      installation.spool(),
                      daemon.pipeline().outbox(),
                      clock,
                      owner,
                      daemon::spooled);
              daemon.starting(poller::start);
              daemon.listener(poller::stop);
              daemon.supervise(poller);
            });
    Optional<HealthBackstop> backstop =
        daemon.pipeline().healthBackstop(owner, Optional.empty(), installation.credentials());
    backstop.ifPresent(
        b ->
            daemon.periodic(
                "health-api",
                () -> {
                  Poll poll = b.pollOnce();
                  if (poll instanceof Poll.Polled polled && polled.recorded() > 0) {
                    daemon.pipeline().queueAlerts();
                    daemon.queued();
                  } else if (poll instanceof Poll.NotSubscribed not) {
                    LOG.log(System.Logger.Level.WARNING, not.message());
                  } else if (poll instanceof Poll.Unavailable unavailable) {
                    LOG.log(
                        System.Logger.Level.WARNING,
                        "AWS Health API unavailable: {0}",
                        unavailable.reason());
                  }
                }));
  }

  public static int loadDemo(FileSpool spool, Instant now) {
    return DemoData.load(spool, now);
  }
}
