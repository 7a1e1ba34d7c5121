package dev.abusedesk.app;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.Dispatcher;
import dev.abusedesk.notify.Sender;
import dev.abusedesk.remind.ReminderScheduler;
import dev.abusedesk.route.AccountRegistry;
import dev.abusedesk.route.Router;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything after the spool, wired once: record, queue alerts, deliver, remind. The same objects
 * whether the mail pipe, a cron command or the daemon runs them.
 */
public final class Pipeline implements AutoCloseable {

  private final Context context;
  private final Outbox outbox;
  private final Dispatcher dispatcher;
  private final Deliverer deliverer;
  private final ReminderScheduler reminders;

  Pipeline(Context context, Sender sender, String owner, Deliverer.Observer observer) {
    this.context = Objects.requireNonNull(context, "context");
    Config config = context.config();
    SqlCaseStore store = (SqlCaseStore) context.store();
    this.outbox = new SqlOutbox(store.database());
    AccountRegistry registry = new AccountRegistry(config.accounts());
    Router router = new Router(config.routes(), registry);
    Alerts alerts = new Alerts(registry, context.links());
    this.dispatcher = new Dispatcher(store, outbox, router, alerts, context.clock());
    this.deliverer = new Deliverer(outbox, config, sender, context.clock(), owner, observer);
    this.reminders = new ReminderScheduler(store, dispatcher, config.reminders(), context.clock());
  }

  public Context context() {
    return context;
  }

  public Outbox outbox() {
    return outbox;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public Recorder recorder() {
    return context.recorder();
  }

  /** Records what is spooled and queues the alerts of everything recorded. */
  public int recordAndQueue() {
    recorder().takePending();
    return dispatcher.queueReportAlerts();
  }

  /** Queues the alerts of reports recorded but not yet alerted. */
  public int queueAlerts() {
    return dispatcher.queueReportAlerts();
  }

  public Deliverer.Result deliver(Duration budget) {
    return deliverer.deliverDue(budget);
  }

  /** Queues the reminders and escalations due now. */
  public int remind() {
    return reminders.run();
  }

  @Override
  public void close() {
    deliverer.close();
  }
}
