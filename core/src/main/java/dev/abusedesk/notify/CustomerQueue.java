package dev.abusedesk.notify;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.CustomerView;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.config.Account;
import dev.abusedesk.config.Customers;
import dev.abusedesk.config.Receiver;
import dev.abusedesk.report.Report;
import dev.abusedesk.route.AccountRegistry;
import dev.abusedesk.route.CustomerRoute;
import dev.abusedesk.route.Subject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail to customers' contacts, queued in the outbox for {@link Receiver#CUSTOMER_MAIL}: the
 * notice when a case opens on their account, reminders, and a re-sent notice. Each mail tells only
 * what is about the contact's own account, and goes to the address the stored notice holds.
 */
public final class CustomerQueue {

  /** The personal link of a notice; empty when nobody outside can follow one. */
  @FunctionalInterface
  public interface Links {
    Optional<URI> link(long noticeId, String linkId);

    Links NONE = (noticeId, linkId) -> Optional.empty();
  }

  private final Customers customers;
  private final CustomerNotices notices;
  private final CustomerRoute route;
  private final AccountRegistry registry;
  private final CaseStore store;
  private final Outbox outbox;
  private final Links links;

  public CustomerQueue(
      Customers customers,
      CustomerNotices notices,
      CustomerRoute route,
      AccountRegistry registry,
      CaseStore store,
      Outbox outbox,
      Links links) {
    this.customers = Objects.requireNonNull(customers, "customers");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.route = Objects.requireNonNull(route, "route");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.store = Objects.requireNonNull(store, "store");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.links = Objects.requireNonNull(links, "links");
  }

  public CustomerNotices notices() {
    return notices;
  }

  /**
   * Opens the notices of a case's customer accounts (those not told yet) and returns their mails,
   * to be queued with the alerts of a verified report. Opening is idempotent and each mail has its
   * notice's dedup key, so a sweep that runs again after a crash queues each notice's mail once.
   */
  List<Outbox.Enqueue> noticesFor(Case c, Report report, Instant now) {
    if (c.deadline() == null || !c.status().awaitsReply()) {
      return List.of();
    }
    List<Account> accounts =
        route.accountsToNotify(new Subject(c.accounts(), c.category(), report.kind()));
    if (accounts.isEmpty()) {
      return List.of();
    }
    Instant deadline = customers.deadline(c.deadline());
    for (Account account : accounts) {
      notices.open(c.id(), account.id(), account.contacts(), deadline, now);
    }
    List<StoredReport> reports = store.reports(c.id());
    List<Outbox.Enqueue> items = new ArrayList<>();
    for (CustomerNotice notice : notices.forCase(c.id())) {
      if (notice.awaitsAnswer()) {
        CustomerMail mail = mail(c, reports, notice, CustomerMail.Type.NOTICE, now);
        items.add(item(mail, "customer:" + notice.id() + ":notice", now));
      }
    }
    return items;
  }

  /** Queues the notice again with the reissued notice's new link; 0 if its case is gone. */
  int resend(CustomerNotice reissued, Instant now) {
    Optional<Case> c = store.find(reissued.caseId());
    if (c.isEmpty()) {
      return 0;
    }
    CustomerMail mail =
        mail(c.get(), store.reports(c.get().id()), reissued, CustomerMail.Type.NOTICE, now);
    return enqueue(item(mail, "customer:" + reissued.id() + ":resend:" + now.toEpochMilli(), now));
  }

  /**
   * Queues a reminder of a notice, keyed by the mail it follows: a scheduler that runs again before
   * {@link CustomerNotices#reminded} was noted queues nothing more.
   */
  int remind(Case c, CustomerNotice notice, Instant now) {
    Instant previous = notice.lastRemindedAt().orElse(notice.notifiedAt());
    CustomerMail mail = mail(c, store.reports(c.id()), notice, CustomerMail.Type.REMINDER, now);
    return enqueue(
        item(mail, "customer:" + notice.id() + ":remind:" + previous.toEpochMilli(), now));
  }

  private int enqueue(Outbox.Enqueue item) {
    return outbox.enqueue(List.of(item));
  }

  private static Outbox.Enqueue item(CustomerMail mail, String dedupKey, Instant now) {
    return new Outbox.Enqueue(
        mail.caseId(), Receiver.CUSTOMER_MAIL, dedupKey, mail.type().wire(), mail.json(), now);
  }

  /**
   * The mail of one notice: the case as the contact's customer may see it ({@link CustomerView},
   * the same as their response page shows): only what verified reports tie to their account.
   */
  private CustomerMail mail(
      Case c,
      List<StoredReport> reports,
      CustomerNotice notice,
      CustomerMail.Type type,
      Instant now) {
    String accountId = notice.accountId();
    CustomerView view =
        CustomerView.of(
            c.category(), accountId, reports.stream().map(StoredReport::report).toList());
    List<String> excerpts = view.excerpts();
    return new CustomerMail(
        type,
        notice.id(),
        c.id(),
        notice.contact().email(),
        notice.contact().language(),
        c.category(),
        accountId,
        registry.find(accountId).flatMap(Account::name),
        view.regions(),
        view.resources(),
        view.ips(),
        excerpts.isEmpty() ? "" : excerpts.get(excerpts.size() - 1),
        view.reportedAt().orElse(c.openedAt()),
        notice.deadline(),
        links.link(notice.id(), notice.linkId()),
        now);
  }
}
