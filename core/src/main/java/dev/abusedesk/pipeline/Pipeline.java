package dev.abusedesk.pipeline;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.Recorded;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.HealthApi;
import dev.abusedesk.health.HealthBackstop;
import dev.abusedesk.health.HealthEndpoints;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.notify.CustomerQueue;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.Dispatcher;
import dev.abusedesk.notify.Sender;
import dev.abusedesk.remind.ReminderScheduler;
import dev.abusedesk.report.MailChecks;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.route.AccountRegistry;
import dev.abusedesk.route.CustomerRoute;
import dev.abusedesk.route.Router;
import dev.abusedesk.spool.FileSpool;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything after the spool, wired once: record, queue alerts, deliver, remind. The same objects
 * whether the mail pipe, a cron command, the daemon or a Lambda function runs them.
 */
public final class Pipeline implements AutoCloseable {

  /** The name of the reminder job's lease. */
  static final String REMIND_JOB = "remind";

  private final Config config;
  private final CaseStore store;
  private final Recorder recorder;
  private final Outbox outbox;
  private final Dispatcher dispatcher;
  private final Deliverer deliverer;
  private final ReminderScheduler reminders;
  private final Clock clock;
  private final Optional<CustomerNotices> customerNotices;
  private final CustomerQueue.Links customerLinks;

  /** A pipeline that tells no customer anything. */
  public Pipeline(
      Config config,
      CaseStore store,
      Outbox outbox,
      FileSpool spool,
      Sender sender,
      Clock clock,
      Alerts.Links links,
      String owner,
      Deliverer.Observer observer) {
    this(
        config,
        store,
        outbox,
        spool,
        sender,
        clock,
        links,
        owner,
        observer,
        Optional.empty(),
        CustomerQueue.Links.NONE);
  }

  /**
   * @param customerNotices the customers' notices, when the installation keeps them; with {@code
   *     customers} configured, cases on their accounts are told to their contacts
   * @param customerLinks each notice's personal link to the response page
   */
  public Pipeline(
      Config config,
      CaseStore store,
      Outbox outbox,
      FileSpool spool,
      Sender sender,
      Clock clock,
      Alerts.Links links,
      String owner,
      Deliverer.Observer observer,
      Optional<CustomerNotices> customerNotices,
      CustomerQueue.Links customerLinks) {
    this.customerNotices = Objects.requireNonNull(customerNotices, "customerNotices");
    this.config = Objects.requireNonNull(config, "config");
    this.store = Objects.requireNonNull(store, "store");
    this.recorder = new Recorder(spool, store, parser(config));
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    AccountRegistry registry = new AccountRegistry(config.accounts());
    Router router = new Router(config.routes(), registry);
    Alerts alerts = new Alerts(registry, links);
    Optional<CustomerQueue> customerQueue =
        customerNotices.map(
            notices ->
                new CustomerQueue(
                    config.customers(),
                    notices,
                    new CustomerRoute(config.customers(), registry),
                    registry,
                    store,
                    outbox,
                    customerLinks));
    this.customerLinks = Objects.requireNonNull(customerLinks, "customerLinks");
    this.dispatcher = new Dispatcher(store, outbox, router, alerts, clock, customerQueue);
    this.deliverer = new Deliverer(outbox, config, sender, clock, owner, observer);
    this.reminders =
        new ReminderScheduler(
            store, dispatcher, config.reminders(), clock, customerNotices, config.customers());
    this.clock = clock;
  }

  /**
   * The parser for this configuration: it believes the {@code Authentication-Results} of the
   * servers named in {@code intake.trusted_authserv_ids}, and checks DKIM itself (keys from DNS)
   * for mail no trusted server checked.
   */
  public static ReportParser parser(Config config) {
    return new ReportParser(
        config.deadline(),
        new MailChecks(config.intake().trustedAuthservIds(), Optional.of(new DnsDkimKeys())));
  }

  /**
   * The Health API backstop, when the configuration enables it: the active Health endpoint found
   * through DNS (or the configured {@code endpoint}), called with {@code credentials} (the
   * installation's). The caller runs {@link HealthBackstop#pollOnce()} on its loop, then {@link
   * #queueAlerts()}.
   *
   * @param owner this instance, for the job's lease
   * @param selfAccount the account polled, when known (the Lambda knows it from its ARN)
   */
  public Optional<HealthBackstop> healthBackstop(
      String owner, Optional<String> selfAccount, AwsCredentialsProvider credentials) {
    HealthApi api = config.healthApi();
    if (!api.enabled()) {
      return Optional.empty();
    }
    HealthEndpoints endpoints =
        api.endpoint()
            .map(uri -> HealthEndpoints.fixed(uri, api.region()))
            .orElseGet(HealthEndpoints::aws);
    return Optional.of(
        new HealthBackstop(
            new HealthBackstop.Settings(api.organizationView(), api.interval(), selfAccount),
            endpoints,
            credentials,
            recorder,
            outbox,
            clock,
            owner,
            HealthBackstop.Sleeper.THREAD));
  }

  public Config config() {
    return config;
  }

  public CaseStore store() {
    return store;
  }

  public Outbox outbox() {
    return outbox;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public Recorder recorder() {
    return recorder;
  }

  /** Records what is spooled and queues the alerts of everything recorded. */
  public int recordAndQueue() {
    int queued = 0;
    for (Recorder.Outcome outcome : recorder.takePending()) {
      queued += queueTeamReplies(outcome);
    }
    return queued + dispatcher.queueReportAlerts();
  }

  /** The team's reply BCC'd to the intake moved a case: its receivers hear it like any change. */
  private int queueTeamReplies(Recorder.Outcome outcome) {
    int queued = 0;
    if (outcome instanceof Recorder.Outcome.Stored stored) {
      for (Recorded recorded : stored.recorded()) {
        if (recorded instanceof Recorded.TeamReply reply) {
          queued +=
              dispatcher.queueStatusChange(
                  reply.caseNow(), reply.statusBefore(), reply.sender(), "");
        }
      }
    }
    return queued;
  }

  /** Queues the alerts of reports recorded but not yet alerted. */
  public int queueAlerts() {
    return dispatcher.queueReportAlerts();
  }

  /** Claims outbox messages for {@code lease} instead of {@link Deliverer#LEASE}. */
  public Pipeline withLease(Duration lease) {
    deliverer.withLease(lease);
    return this;
  }

  /** Sends what is due, for up to {@code budget}. */
  public Deliverer.Result deliver(Duration budget) {
    return deliverer.deliverDue(budget);
  }

  /** Queues the reminders and escalations due now. */
  public int remind() {
    return reminders.run();
  }

  /**
   * Queues the reminders and escalations due now when {@code owner} holds the reminder job's lease
   * (taken or renewed for {@code lease}): one instance at a time, across every daemon and function
   * sharing the store. Returns how many messages were queued, 0 when another instance holds it.
   */
  public int remindUnderLease(String owner, Duration lease) {
    return outbox.lease(REMIND_JOB, owner, clock.instant(), lease) ? reminders.run() : 0;
  }

  /**
   * Tells the case's receivers, in its thread, what the customer answered on notice {@code
   * noticeId}: who, the verdict, what they stopped and changed, or why they need time. Call it
   * after the answer is stored; calling it again queues nothing more. Returns how many messages
   * were queued: 0 for an unknown or unanswered notice.
   */
  public int customerAnswered(long noticeId) {
    Optional<CustomerNotice> notice = customerNotices.flatMap(n -> n.find(noticeId));
    if (notice.isEmpty() || notice.get().answer().isEmpty()) {
      return 0;
    }
    Optional<Case> c = store.find(notice.get().caseId());
    return c.isEmpty() ? 0 : dispatcher.queueCustomerAnswered(c.get(), notice.get());
  }

  /**
   * Re-sends a notice: a new link (the old one stops working), and the notice mail again with it.
   * Empty when there is no such notice (or customers are not kept).
   *
   * @param actor who re-sent it, for the case history
   */
  public Optional<CustomerNotice> resendCustomerNotice(long noticeId, String actor) {
    Optional<CustomerNotice> notice = customerNotices.flatMap(notices -> notices.find(noticeId));
    if (notice.isEmpty() || customerLinks.link(noticeId, notice.get().linkId()).isEmpty()) {
      // Without public_url no link can be made: the working one is not revoked for a mail without.
      return Optional.empty();
    }
    CustomerNotice reissued = customerNotices.get().reissue(noticeId, actor, clock.instant());
    dispatcher.queueCustomerResend(reissued);
    return Optional.of(reissued);
  }

  @Override
  public void close() {
    deliverer.close();
  }
}
