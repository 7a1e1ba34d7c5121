package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.abusedesk.config.Intake;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/** The HTTP paths of the daemon and who may call them. */
final class Routes {

  private Routes() {}

  private static final System.Logger LOG = System.getLogger(Routes.class.getName());

  static void install(HttpServer server, Daemon daemon, Intake.Http settings) {
    HttpIntake intake = new HttpIntake(settings, daemon.spool(), daemon::spooled, daemon.snsGate());
    server.createContext("/intake/eventbridge", guarded(intake.eventBridge()));
    server.createContext("/intake/email", guarded(intake.email()));
    server.createContext("/intake/sns", guarded(intake.sns()));
    Status status = new Status(daemon, Clock.systemUTC());
    // Beyond loopback, health and metrics want the token too: nothing answers strangers.
    boolean open = settings.listen().isLoopback() || settings.token().isEmpty();
    server.createContext(
        "/healthz", guarded(open ? status.healthz() : tokenOnly(settings, status.healthz())));
    server.createContext(
        "/metrics", guarded(open ? status.metrics() : tokenOnly(settings, status.metrics())));
    server.createContext(
        "/livez", guarded(open ? status.livez() : tokenOnly(settings, status.livez())));
    daemon.mounted().forEach((path, handler) -> server.createContext(path, guarded(handler)));
    server.createContext("/", guarded(exchange -> Requests.error(exchange, 404, "not found")));
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
      try (exchange) {
        handler.handle(exchange);
      } catch (IOException | RuntimeException e) {
        LOG.log(
            System.Logger.Level.ERROR,
            "HTTP " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
            e);
        tryAnswer(exchange);
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
