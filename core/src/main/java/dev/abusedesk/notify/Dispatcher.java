package dev.abusedesk.notify;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.Report;
import dev.abusedesk.route.Router;
import dev.abusedesk.route.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what to say to whom and queues it in the outbox: alerts for recorded reports, messages
 * about a person's change, reminders and escalations. Queuing is idempotent by dedup key, so a
 * crash between recording and queuing is caught up by the next sweep, and nothing is queued twice.
 */
public final class Dispatcher {

  private static final int SWEEP_BATCH = 200;

  private final CaseStore store;
  private final Outbox outbox;
  private final Router router;
  private final Alerts alerts;
  private final Clock clock;
  private final Optional<CustomerQueue> customers;

  public Dispatcher(CaseStore store, Outbox outbox, Router router, Alerts alerts, Clock clock) {
    this(store, outbox, router, alerts, clock, Optional.empty());
  }

  /**
   * @param customers the mail to customers, when the installation keeps their notices
   */
  public Dispatcher(
      CaseStore store,
      Outbox outbox,
      Router router,
      Alerts alerts,
      Clock clock,
      Optional<CustomerQueue> customers) {
    this.customers = Objects.requireNonNull(customers, "customers");
    this.store = Objects.requireNonNull(store, "store");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.router = Objects.requireNonNull(router, "router");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Queues the alerts of every recorded report not alerted yet; returns how many were queued. */
  public int queueReportAlerts() {
    int queued = 0;
    List<StoredReport> batch;
    do {
      batch = outbox.unalerted(SWEEP_BATCH);
      for (StoredReport stored : batch) {
        queued += queueAlertFor(stored);
      }
    } while (batch.size() == SWEEP_BATCH);
    return queued;
  }

  private int queueAlertFor(StoredReport stored) {
    Instant now = clock.instant();
    Optional<Case> found = store.find(stored.caseId());
    if (found.isEmpty()) {
      return outbox.alerted(stored.id(), now, List.of());
    }
    Case c = found.get();
    Report report = stored.report();
    Alert.Type type;
    if (report.kind() == Kind.CLOSED) {
      type =
          report.provenance().verified() ? Alert.Type.CLOSED_BY_AWS : Alert.Type.CLOSED_UNVERIFIED;
    } else if (store.firstReportId(c.id()).orElse(stored.id()) == stored.id()) {
      type = Alert.Type.NEW_CASE;
    } else {
      type = Alert.Type.UPDATE;
    }
    Alert alert = alerts.forReport(type, c, report, now);
    List<String> receivers =
        router.receiversFor(new Subject(c.accounts(), c.category(), report.kind()));
    List<Outbox.Enqueue> items =
        new ArrayList<>(items(alert, receivers, "report:" + stored.id(), now));
    if ((type == Alert.Type.NEW_CASE || type == Alert.Type.UPDATE)
        && report.provenance().verified()
        && customers.isPresent()) {
      // The customer's notice goes out with the team's alert of the first report AWS is known to
      // have sent: a forged or unchecked mail to the intake never makes us write to a customer.
      // A later one opens notices for accounts new to the case; the others are queued once.
      items.addAll(customers.get().noticesFor(c, report, now));
    }
    return outbox.alerted(stored.id(), now, items);
  }

  /** Tells the case's receivers that a person moved it (acknowledged, replied, ...). */
  public int queueStatusChange(Case c, CaseStatus before, String actor, String note) {
    Instant now = clock.instant();
    Optional<Report> latest = latestReport(c);
    if (latest.isEmpty() || before == c.status()) {
      return 0;
    }
    Alert alert = alerts.about(Alert.Type.STATUS, c, latest.get(), Optional.of(actor), note, now);
    List<String> receivers =
        router.receiversFor(new Subject(c.accounts(), c.category(), latest.get().kind()));
    String key = "status:" + c.status().wire() + ":" + now.toEpochMilli();
    return outbox.enqueue(items(alert, receivers, key, now));
  }

  /**
   * Queues a reminder or escalation under {@code dedupKey}: the same key is queued once, however
   * often the scheduler runs.
   */
  public int queueReminder(Case c, Alert.Type type, List<String> extraReceivers, String dedupKey) {
    Instant now = clock.instant();
    Optional<Report> latest = latestReport(c);
    if (latest.isEmpty()) {
      return 0;
    }
    Alert alert = alerts.about(type, c, latest.get(), Optional.empty(), "", now);
    Set<String> receivers =
        new LinkedHashSet<>(
            router.receiversFor(new Subject(c.accounts(), c.category(), latest.get().kind())));
    receivers.addAll(extraReceivers);
    return outbox.enqueue(items(alert, List.copyOf(receivers), dedupKey, now));
  }

  /**
   * Tells the case's receivers, in its thread, what a customer's contact answered: once per notice,
   * however often it is called.
   */
  public int queueCustomerAnswered(Case c, CustomerNotice notice) {
    Optional<CustomerAnswer> answer = notice.answer();
    if (answer.isEmpty()) {
      return 0;
    }
    CustomerAnswer a = answer.get();
    Alert.CustomerWord word =
        new Alert.CustomerWord(
            a.name().isEmpty() ? notice.contact().email() : a.name(),
            notice.accountId(),
            Optional.of(a.verdict()),
            a.stopped(),
            a.changed(),
            a.moreTimeBecause(),
            notice.deadline());
    return queueCustomerWord(
        c, Alert.Type.CUSTOMER_ANSWERED, word, List.of(), "customer:" + notice.id() + ":answered");
  }

  /**
   * Tells the case's receivers, and {@code escalationReceivers}, that a customer's deadline passed
   * unanswered: once per notice.
   */
  public int queueCustomerLate(Case c, CustomerNotice notice, List<String> escalationReceivers) {
    Alert.CustomerWord word =
        new Alert.CustomerWord(
            notice.contact().email(),
            notice.accountId(),
            Optional.empty(),
            "",
            "",
            "",
            notice.deadline());
    return queueCustomerWord(
        c,
        Alert.Type.CUSTOMER_LATE,
        word,
        escalationReceivers,
        "customer:" + notice.id() + ":late");
  }

  private int queueCustomerWord(
      Case c, Alert.Type type, Alert.CustomerWord word, List<String> extra, String dedupKey) {
    Instant now = clock.instant();
    Optional<Report> latest = latestReport(c);
    if (latest.isEmpty()) {
      return 0;
    }
    Alert alert =
        alerts.about(type, c, latest.get(), Optional.empty(), "", now).withCustomer(type, word);
    Set<String> receivers =
        new LinkedHashSet<>(
            router.receiversFor(new Subject(c.accounts(), c.category(), latest.get().kind())));
    receivers.addAll(extra);
    return outbox.enqueue(items(alert, List.copyOf(receivers), dedupKey, now));
  }

  /** Queues the notice mail again, with the reissued notice's new link. */
  public int queueCustomerResend(CustomerNotice reissued) {
    return customers.map(q -> q.resend(reissued, clock.instant())).orElse(0);
  }

  /** Queues a reminder mail of a notice the customer has not answered. */
  public int queueCustomerReminder(Case c, CustomerNotice notice) {
    return customers.map(q -> q.remind(c, notice, clock.instant())).orElse(0);
  }

  private Optional<Report> latestReport(Case c) {
    return store.latestReport(c.id()).map(StoredReport::report);
  }

  private static List<Outbox.Enqueue> items(
      Alert alert, List<String> receivers, String dedupKey, Instant now) {
    String payload = AlertJson.write(alert);
    // Keys are per case: two cases due at the same instant have reminders of their own.
    String key = "case:" + alert.caseId() + ":" + dedupKey;
    List<Outbox.Enqueue> items = new ArrayList<>(receivers.size());
    for (String receiver : receivers) {
      items.add(
          new Outbox.Enqueue(alert.caseId(), receiver, key, alert.type().wire(), payload, now));
    }
    return items;
  }
}
