package dev.abusedesk.app.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.Secret;
import dev.abusedesk.report.Json;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.Spooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP intake endpoints: AWS Health events from EventBridge API destinations, SNS HTTPS
 * subscriptions, and raw mail. A 2xx is only sent once the body is durably spooled.
 */
final class HttpIntake {

  private static final System.Logger LOG = System.getLogger(HttpIntake.class.getName());

  /** What SNS sent, once its signature is checked. */
  interface SnsGate {
    /** Handles one SNS POST completely: verification, confirmation or spooling, and the answer. */
    void handle(HttpExchange exchange, byte[] body, Spooler spooler) throws IOException;
  }

  /** Spools a body and answers: 202 on success, 503 when it is not on disk. */
  @FunctionalInterface
  interface Spooler {
    void spool(HttpExchange exchange, byte[] body, String intake) throws IOException;
  }

  private final Intake.Http settings;
  private final FileSpool spool;
  private final Runnable onSpooled;
  private final SnsGate sns;

  HttpIntake(Intake.Http settings, FileSpool spool, Runnable onSpooled, SnsGate sns) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.spool = Objects.requireNonNull(spool, "spool");
    this.onSpooled = Objects.requireNonNull(onSpooled, "onSpooled");
    this.sns = Objects.requireNonNull(sns, "sns");
  }

  HttpHandler eventBridge() {
    return exchange -> {
      Optional<byte[]> body = accepted(exchange, true);
      if (body.isEmpty()) {
        return;
      }
      try {
        Json.MAPPER.readTree(body.get()); // one event or an array; parsed properly later
      } catch (JacksonException e) {
        Requests.error(exchange, 400, "the body is not JSON");
        return;
      }
      spool(exchange, body.get(), "eventbridge");
    };
  }

  HttpHandler email() {
    return exchange -> {
      Optional<byte[]> body = accepted(exchange, true);
      if (body.isPresent()) {
        if (body.get().length == 0) {
          Requests.error(exchange, 400, "empty message");
          return;
        }
        spool(exchange, body.get(), "http");
      }
    };
  }

  /** SNS cannot send our token: its own signature proves the sender instead. */
  HttpHandler sns() {
    return exchange -> {
      Optional<byte[]> body = accepted(exchange, false);
      if (body.isPresent()) {
        sns.handle(exchange, body.get(), this::spool);
      }
    };
  }

  private Optional<byte[]> accepted(HttpExchange exchange, boolean tokenRequired)
      throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      Requests.error(exchange, 405, "use POST");
      return Optional.empty();
    }
    if (tokenRequired && settings.token().isPresent()) {
      Optional<String> given = Requests.token(exchange);
      if (given.isEmpty()) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        Requests.error(exchange, 401, "a token is required");
        return Optional.empty();
      }
      Secret expected = settings.token().get();
      if (!Requests.sameSecret(given.get(), expected.reveal())) {
        Requests.error(exchange, 403, "the token is not valid");
        return Optional.empty();
      }
    }
    Optional<byte[]> body = Requests.body(exchange, settings.maxBodyBytes());
    if (body.isEmpty()) {
      Requests.error(exchange, 413, "larger than " + settings.maxBodyBytes() + " bytes");
    }
    return body;
  }

  private void spool(HttpExchange exchange, byte[] body, String intake) throws IOException {
    Spooled spooled = spool.put(new ByteArrayInputStream(body), intake, settings.maxBodyBytes());
    if (spooled instanceof Spooled.Accepted accepted) {
      onSpooled.run();
      Requests.json(exchange, 202, "{\"spooled\":\"" + accepted.entry().id() + "\"}");
    } else if (spooled instanceof Spooled.TooLarge) {
      Requests.error(exchange, 413, "larger than " + settings.maxBodyBytes() + " bytes");
    } else {
      LOG.log(System.Logger.Level.ERROR, "cannot spool an HTTP intake: {0}", spooled);
      exchange.getResponseHeaders().set("Retry-After", "60");
      Requests.error(exchange, 503, "cannot store the message now; try again later");
    }
  }
}
