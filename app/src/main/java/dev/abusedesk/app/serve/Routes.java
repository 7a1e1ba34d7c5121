package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.abusedesk.config.Intake;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The HTTP paths of the daemon, who may call them, and how much body each takes. */
final class Routes {

  private Routes() {}

  private static final System.Logger LOG = System.getLogger(Routes.class.getName());

  /** Where the response desk is mounted; {@code /} leads there. */
  static final String DASHBOARD = "/dashboard";

  static List<Route> of(Daemon daemon, Intake.Http settings) {
    List<Route> routes =
        new ArrayList<>(
            intake(
                new HttpIntake(settings, daemon.spool(), daemon::spooled, daemon.snsGate()),
                settings));
    // Health and metrics (and /livez, when there is one) take the STATUS lane, threads of their
    // own: slow database work in other handlers never keeps them waiting.
    Status status = new Status(daemon, Clock.systemUTC());
    // Beyond loopback, health and metrics want the token too: nothing answers strangers.
    boolean open = settings.listen().isLoopback() || settings.token().isEmpty();
    routes.add(
        new Route(
            "/healthz",
            Admission.status(),
            guarded(open ? status.healthz() : tokenOnly(settings, status.healthz()))));
    routes.add(
        new Route(
            "/metrics",
            Admission.status(),
            guarded(open ? status.metrics() : tokenOnly(settings, status.metrics()))));
    routes.add(
        new Route(
            "/livez",
            Admission.status(),
            guarded(open ? status.livez() : tokenOnly(settings, status.livez()))));
    boolean desk = false;
    for (Route mounted : daemon.mounted()) {
      routes.add(new Route(mounted.path(), mounted.admission(), guarded(mounted.handler())));
      desk |= mounted.path().equals(DASHBOARD);
    }
    routes.add(fallback(desk ? Optional.of(DASHBOARD) : Optional.empty()));
    return routes;
  }

  /**
   * The intake endpoints: EventBridge and raw mail behind the token, SNS behind its headers (its
   * signature is checked once the body is in). EventBridge and SNS bodies are capped near what AWS
   * sends; raw mail at {@code max_body_bytes}, streamed into the spool.
   */
  static List<Route> intake(HttpIntake intake, Intake.Http settings) {
    return List.of(
        new Route(
            "/intake/eventbridge",
            Admission.buffered(intake.eventMaxBytes(), intake.tokenCheck()),
            guarded(intake.eventBridge())),
        new Route(
            "/intake/email",
            Admission.streamed(settings.maxBodyBytes(), intake.tokenCheck()),
            guarded(intake.email())),
        new Route(
            "/intake/sns",
            Admission.buffered(intake.snsMaxBytes(), SnsIntake.headerCheck(settings.snsTopics())),
            guarded(intake.sns())));
  }

  /** Everything else: 404, and no body beyond its head. */
  static Route notFound() {
    return fallback(Optional.empty());
  }

  /**
   * Everything else, as {@link #notFound()}; but a browser asking for exactly {@code /} is sent to
   * {@code home} (the dashboard), a fixed path, whatever the request said.
   */
  static Route fallback(Optional<String> home) {
    return new Route(
        "/",
        Admission.form(0),
        guarded(
            exchange -> {
              String method = exchange.getRequestMethod();
              if (home.isPresent()
                  && "/".equals(exchange.getRequestURI().getPath())
                  && ("GET".equals(method) || "HEAD".equals(method))) {
                exchange.getResponseHeaders().set("Location", home.get());
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(303, -1);
                return;
              }
              Requests.error(exchange, 404, "not found");
            }));
  }

  private static HttpHandler tokenOnly(Intake.Http settings, HttpHandler handler) {
    return exchange -> {
      Optional<String> given = Requests.token(exchange);
      if (given.isEmpty() || !Requests.sameSecret(given.get(), settings.token().get().reveal())) {
        Requests.error(exchange, 401, "a token is required");
        return;
      }
      handler.handle(exchange);
    };
  }

  /** Every exchange ends with an answer, and a failure never leaks into the response. */
  static HttpHandler guarded(HttpHandler handler) {
    return exchange -> {
      // Closed last, not by try-with-resources, which would close it before the catch answers.
      try {
        handler.handle(exchange);
      } catch (IOException | RuntimeException e) {
        LOG.log(
            System.Logger.Level.ERROR,
            "HTTP " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
            e);
        tryAnswer(exchange);
      } finally {
        exchange.close();
      }
    };
  }

  private static void tryAnswer(HttpExchange exchange) {
    try {
      exchange.getResponseHeaders().set("Retry-After", "60");
      Requests.error(exchange, 503, "try again later");
    } catch (IOException | RuntimeException ignored) {
      // Headers were sent already: the client sees a broken response and retries.
    }
  }
}
