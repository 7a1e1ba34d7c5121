package dev.abusedesk.app.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.Secret;
import dev.abusedesk.report.Json;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.Spooled;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP intake endpoints: AWS Health events from EventBridge API destinations, SNS HTTPS
 * subscriptions, and raw mail. A 2xx is only sent once the body is durably spooled.
 */
final class HttpIntake {

  private static final System.Logger LOG = System.getLogger(HttpIntake.class.getName());
  private static final long EVENT_MAX_BYTES = 1 << 20;
  private static final long SNS_MAX_BYTES = 1 << 20;

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

  /**
   * Raw mail, up to {@code max_body_bytes}: streamed into the spool as it arrives, never held in
   * memory whole. The listener checked the token before the first byte of it was read.
   */
  HttpHandler email() {
    return exchange -> {
      Optional<Refusal> refused =
          refusal(exchange.getRequestMethod(), exchange.getRequestHeaders(), true);
      if (refused.isPresent()) {
        Requests.refuse(exchange, refused.get());
        return;
      }
      ClientBody body = new ClientBody(exchange.getRequestBody());
      Spooled spooled = body.empty() ? null : spool.put(body, "http", settings.maxBodyBytes());
      if (body.failure != null) {
        // The client's doing (too slow, gone), not the spool's; nothing was kept.
        LOG.log(
            System.Logger.Level.WARNING,
            "HTTP mail not received whole: {0}",
            body.failure.getMessage());
        Requests.error(exchange, 400, "the body did not arrive whole");
      } else if (spooled == null) {
        Requests.error(exchange, 400, "empty message");
      } else {
        answer(exchange, spooled);
      }
    };
  }

  /** A request body that remembers why reading it failed. */
  private static final class ClientBody extends FilterInputStream {
    private IOException failure;

    ClientBody(InputStream in) {
      super(new PushbackInputStream(in, 1));
    }

    /** Whether the body is empty: looks at its first byte and puts it back. */
    boolean empty() {
      try {
        int first = read();
        if (first >= 0) {
          ((PushbackInputStream) in).unread(first);
        }
        return first < 0;
      } catch (IOException e) {
        return false; // remembered in failure
      }
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
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

  /** What {@code /intake/eventbridge} and {@code /intake/email} check before reading a body. */
  Admission.Check tokenCheck() {
    return (method, headers) -> refusal(method, headers, true);
  }

  /** The largest EventBridge body: AWS caps an event at 256 KiB. */
  long eventMaxBytes() {
    return Math.min(EVENT_MAX_BYTES, settings.maxBodyBytes());
  }

  /** The largest SNS body: SNS caps a message at 256 KiB; its envelope escapes it and signs it. */
  long snsMaxBytes() {
    return Math.min(SNS_MAX_BYTES, settings.maxBodyBytes());
  }

  private Optional<Refusal> refusal(String method, Headers headers, boolean tokenRequired) {
    Optional<Refusal> refused = Admission.POST.refusal(method, headers);
    if (refused.isPresent() || !tokenRequired || settings.token().isEmpty()) {
      return refused;
    }
    Optional<String> given = Requests.token(headers);
    if (given.isEmpty()) {
      return Optional.of(Refusal.of(401, "a token is required").with("WWW-Authenticate", "Bearer"));
    }
    Secret expected = settings.token().get();
    if (!Requests.sameSecret(given.get(), expected.reveal())) {
      return Optional.of(Refusal.of(403, "the token is not valid"));
    }
    return Optional.empty();
  }

  private Optional<byte[]> accepted(HttpExchange exchange, boolean tokenRequired)
      throws IOException {
    // Checked again here, after the listener did, so that the handler stands on its own.
    Optional<Refusal> refused =
        refusal(exchange.getRequestMethod(), exchange.getRequestHeaders(), tokenRequired);
    if (refused.isPresent()) {
      Requests.refuse(exchange, refused.get());
      return Optional.empty();
    }
    Optional<byte[]> body = Requests.body(exchange, settings.maxBodyBytes());
    if (body.isEmpty()) {
      Requests.error(exchange, 413, "larger than " + settings.maxBodyBytes() + " bytes");
    }
    return body;
  }

  private void spool(HttpExchange exchange, byte[] body, String intake) throws IOException {
    answer(exchange, spool.put(new ByteArrayInputStream(body), intake, settings.maxBodyBytes()));
  }

  /** 202 once spooled; 413 when too large; 503 when the spool cannot take it now. */
  private void answer(HttpExchange exchange, Spooled spooled) throws IOException {
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
