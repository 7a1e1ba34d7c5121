package dev.abusedesk.app.serve;

import dev.abusedesk.config.Intake;
import dev.abusedesk.pipeline.Pipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code abusedesk serve}: the intake listeners and the loops that record, deliver and remind,
 * continuously. Stops cleanly: listeners first (nothing new is accepted), then the loops finish
 * what they hold.
 */
public final class Daemon implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Daemon.class.getName());
  static final Duration REMIND_EVERY = Duration.ofSeconds(10);
  static final Duration DELIVERY_POLL = Duration.ofSeconds(5);

  private final Pipeline pipeline;
  private final dev.abusedesk.spool.FileSpool spool;
  private final Intake intake;
  private final Clock clock;
  private final String owner;
  private final Metrics metrics;
  static final Duration CHECK_EVERY = Duration.ofSeconds(5);

  private final Signal recordSignal = new Signal();
  private final Signal deliverSignal = new Signal();
  private final List<Loop> loops = new ArrayList<>();
  private final List<AutoCloseable> listeners = new ArrayList<>();
  private final List<Supervised> supervised = new ArrayList<>();
  private volatile boolean running;
  private volatile Health health;
  private java.util.function.IntConsumer exit = Daemon::exitOnItsOwnThread;
  private final List<Route> mounted = new ArrayList<>();
  private HttpListener http;

  public Daemon(
      Pipeline pipeline,
      dev.abusedesk.spool.FileSpool spool,
      Intake intake,
      Clock clock,
      String owner,
      Metrics metrics) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.spool = Objects.requireNonNull(spool, "spool");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.health = Health.starting(clock.instant());
  }

  /** Wakes the recording loop: a message was spooled. */
  public void spooled() {
    recordSignal.raise();
  }

  /** Wakes the delivery loop: something was queued. */
  public void queued() {
    deliverSignal.raise();
  }

  /**
   * Starts the loops and the listeners.
   *
   * @throws IntakeException when a listener cannot bind its address
   */
  public void start() {
    running = true;
    Fatal.installHandler();
    loops.add(loop("record", this::recordOnce, recordSignal, Duration.ofSeconds(10)));
    loops.add(loop("deliver", this::deliverOnce, deliverSignal, DELIVERY_POLL));
    loops.add(loop("remind", this::remindOnce, new Signal(), REMIND_EVERY));
    loops.addAll(periodic);
    supervised.addAll(loops);
    Checkup checkup = new Checkup(pipeline, spool, supervised);
    loops.add(loop("health", () -> check(checkup), new Signal(), CHECK_EVERY));
    loops.forEach(Loop::start);
    starters.forEach(Runnable::run);
    if (intake.http().isPresent()) {
      startHttp(intake.http().get());
    }
    recordSignal.raise(); // anything left in the spool from before
  }

  /**
   * Looks at itself; a dead part (a listener or loop whose thread is gone) ends the process
   * non-zero, so that the service manager starts a whole one instead of one that lives on
   * half-deaf.
   */
  private boolean check(Checkup checkup) {
    Health now = checkup.run(clock.instant());
    if (!now.ok() && health.ok()) {
      LOG.log(System.Logger.Level.WARNING, "degraded: " + String.join("; ", now.reasons()));
    } else if (now.ok() && !health.ok()) {
      LOG.log(System.Logger.Level.INFO, "healthy again");
    }
    health = now;
    Checkup.dead(now)
        .ifPresent(
            part -> {
              if (running) {
                LOG.log(
                    System.Logger.Level.ERROR,
                    "{0} stopped ({1}): exiting so that the service manager restarts abusedesk",
                    part.name(),
                    part.reason());
                exit.accept(Fatal.EXIT);
              }
            });
    return false;
  }

  /** What the last look at itself found. */
  Health health() {
    return health;
  }

  /** Watches {@code part}: {@code /healthz} reports it, and its death ends the process. */
  void supervise(Supervised part) {
    supervised.add(Objects.requireNonNull(part, "part"));
  }

  /** How the daemon ends itself when a part died; {@code System.exit} unless a test says. */
  void onDeadPart(java.util.function.IntConsumer exit) {
    this.exit = Objects.requireNonNull(exit, "exit");
  }

  private static void exitOnItsOwnThread(int status) {
    // Not on the calling loop's thread: the shutdown hook stops and joins the loops.
    Thread t = new Thread(() -> System.exit(status), "abusedesk-exit");
    t.start();
  }

  /**
   * Serves {@code path} (the dashboard, Slack's actions) on the HTTP listener, with what is checked
   * before a request body is read; before start.
   */
  public void mount(String path, Admission admission, com.sun.net.httpserver.HttpHandler handler) {
    mounted.add(new Route(path, admission, handler));
  }

  List<Route> mounted() {
    return mounted;
  }

  /** Whether the HTTP listener is configured on a loopback address only. */
  public boolean httpOnLoopback() {
    return intake.http().map(h -> h.listen().isLoopback()).orElse(true);
  }

  private final List<Runnable> starters = new ArrayList<>();
  private final List<Loop> periodic = new ArrayList<>();

  /** Runs {@code starter} when the daemon starts (binding a listener, starting a poller). */
  public void starting(Runnable starter) {
    starters.add(Objects.requireNonNull(starter, "starter"));
  }

  /** Runs {@code work} every {@link #REMIND_EVERY} while the daemon runs. */
  public void periodic(String name, Runnable work) {
    periodic.add(
        loop(
            name,
            () -> {
              work.run();
              return false;
            },
            new Signal(),
            REMIND_EVERY));
  }

  /** Registers a listener (SMTP, IMAP) to be stopped first on shutdown. */
  public void listener(AutoCloseable listener) {
    listeners.add(listener);
  }

  private HttpIntake.SnsGate snsGate =
      (exchange, body, spooler) -> Requests.error(exchange, 501, "SNS intake is not set up");

  /** How SNS posts are verified; set before {@link #start()}. */
  public void snsGate(HttpIntake.SnsGate gate) {
    this.snsGate = Objects.requireNonNull(gate, "gate");
  }

  HttpIntake.SnsGate snsGate() {
    return snsGate;
  }

  dev.abusedesk.spool.FileSpool spool() {
    return spool;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Metrics metrics() {
    return metrics;
  }

  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /**
   * @throws IntakeException when the address cannot be bound
   */
  private void startHttp(Intake.Http settings) {
    http =
        HttpListener.start(
            settings.listen().host(), settings.listen().port(), Routes.of(this, settings));
    LOG.log(
        System.Logger.Level.INFO,
        "HTTP on {0}:{1,number,#}",
        settings.listen().host(),
        http.port());
  }

  private boolean recordOnce() {
    int queued = pipeline.recordAndQueue();
    if (queued > 0) {
      deliverSignal.raise();
    }
    return false;
  }

  /** One short round, so that a stop never waits long; at once again while there was work. */
  private boolean deliverOnce() {
    return !pipeline.deliver(Duration.ofSeconds(5)).idle();
  }

  private boolean remindOnce() {
    if (pipeline.remindUnderLease(owner, REMIND_EVERY.multipliedBy(2)) > 0) {
      deliverSignal.raise();
    }
    return false;
  }

  private Loop loop(String name, Loop.Round round, Signal signal, Duration every) {
    return new Loop(name, round, signal, every, () -> running, clock);
  }

  private static Thread thread(String name, Runnable r) {
    Thread t = new Thread(r, "abusedesk-" + name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Stops accepting, lets in-flight work finish, and returns within {@code grace}: listeners stop
   * first, then the loops get what is left of the grace to finish their current round.
   */
  public void stop(Duration grace) {
    Instant until = clock.instant().plus(grace);
    for (AutoCloseable listener : listeners) {
      try {
        listener.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "stopping a listener failed", e);
      }
    }
    if (http != null) {
      http.close();
    }
    running = false;
    recordSignal.raise();
    deliverSignal.raise();
    for (Loop loop : loops) {
      try {
        loop.join(Duration.between(clock.instant(), until));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (http != null) {
      http.awaitTermination(
          Duration.ofMillis(Math.max(1, Duration.between(clock.instant(), until).toMillis())));
    }
    pipeline.close();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(8));
  }

  /** The configuration of the daemon when there is none: loopback SMTP and HTTP, console. */
  public static Intake defaultIntake() {
    return new Intake(
        java.util.Optional.of(
            new Intake.Smtp(
                Intake.Smtp.DEFAULT_LISTEN,
                Intake.Protocol.SMTP,
                Intake.DEFAULT_MAX_BYTES,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty())),
        java.util.Optional.of(
            new Intake.Http(
                Intake.Http.DEFAULT_LISTEN,
                java.util.Optional.empty(),
                List.of(),
                Intake.DEFAULT_MAX_BYTES)),
        java.util.Optional.empty());
  }
}
