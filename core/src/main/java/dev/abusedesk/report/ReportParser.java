package dev.abusedesk.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one input (an email, a Health event, an SNS envelope holding one, or an array of events)
 * into reports. Never throws for bad input: every problem is a {@link Parsed.Unreadable}.
 */
public final class ReportParser {

  /** Health events are at most 256 KB; anything JSON beyond this is not one. */
  static final int MAX_JSON_BYTES = 8 * 1024 * 1024;

  private static final int MAX_EVENTS = 1000;

  private final Duration defaultDeadline;
  private final MailChecks checks;

  public ReportParser(Duration defaultDeadline) {
    this(defaultDeadline, MailChecks.NONE);
  }

  /**
   * @param checks what tells a mail from AWS from one that only says so
   */
  public ReportParser(Duration defaultDeadline, MailChecks checks) {
    this.defaultDeadline = Objects.requireNonNull(defaultDeadline, "defaultDeadline");
    this.checks = Objects.requireNonNull(checks, "checks");
    if (defaultDeadline.isNegative() || defaultDeadline.isZero()) {
      throw new IllegalArgumentException("the default deadline must be positive");
    }
  }

  public ReportParser() {
    this(Duration.ofHours(24));
  }

  /**
   * Parses one input.
   *
   * @param in the raw bytes; read to the end or to a bound, never closed here
   * @param readAt when the input was read: stands in for a missing or unreadable date
   */
  public Parsed parse(InputStream in, Instant readAt) {
    return parse(in, readAt, Optional.empty());
  }

  /**
   * Parses one input held in memory: a mail is then also DKIM-checked by Abuse Desk itself when no
   * trusted server checked it and a key source is configured.
   */
  public Parsed parse(byte[] bytes, Instant readAt) {
    return parse(new java.io.ByteArrayInputStream(bytes), readAt, Optional.of(bytes));
  }

  private Parsed parse(InputStream in, Instant readAt, Optional<byte[]> raw) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
      int first = firstSignificantByte(buffered);
      if (first < 0) {
        return Parsed.unreadable("empty input");
      }
      if (first == '{' || first == '[') {
        return json(buffered, readAt);
      }
      skipMboxFromLine(buffered);
      return MailParser.parse(buffered, readAt, defaultDeadline, checks, raw);
    } catch (IOException | UncheckedIOException e) {
      return Parsed.unreadable("cannot read input: " + describe(e));
    } catch (StackOverflowError | RuntimeException e) {
      // A bug in reading hostile input must cost this input, not the whole run.
      return Parsed.unreadable("cannot parse input: " + e.getClass().getSimpleName());
    }
  }

  private Parsed json(InputStream in, Instant readAt) throws IOException {
    byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
    if (bytes.length > MAX_JSON_BYTES) {
      return Parsed.unreadable("JSON input larger than " + MAX_JSON_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      return Parsed.unreadable("malformed JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      return Parsed.unreadable("empty input");
    }
    List<JsonNode> events = new ArrayList<>();
    if (root.isArray()) {
      for (JsonNode element : root) {
        if (events.size() >= MAX_EVENTS) {
          return Parsed.unreadable("more than " + MAX_EVENTS + " events in one array");
        }
        events.add(element);
      }
      if (events.isEmpty()) {
        return Parsed.unreadable("empty JSON array");
      }
    } else {
      events.add(root);
    }
    List<Report> reports = new ArrayList<>();
    for (JsonNode node : events) {
      JsonNode event = unwrapSns(node);
      if (event == null) {
        return Parsed.unreadable(
            node.path("Type").asText("").equals("SubscriptionConfirmation")
                ? "SNS subscription confirmation, not an event"
                : "JSON that is not an AWS Health event");
      }
      reports.add(HealthParser.parse(event, readAt, defaultDeadline));
    }
    return new Parsed.Read(reports);
  }

  private static JsonNode unwrapSns(JsonNode node) throws IOException {
    if (HealthParser.isEvent(node)) {
      return node;
    }
    if (node.isObject() && node.path("Type").asText("").equals("Notification")) {
      String message = node.path("Message").asText("");
      try {
        JsonNode inner = Json.MAPPER.readTree(message);
        return inner != null && HealthParser.isEvent(inner) ? inner : null;
      } catch (JacksonException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * The first byte after any leading whitespace and UTF-8 byte-order mark, which are consumed (they
   * mean nothing before a mail or a JSON document); -1 when nothing else follows.
   */
  private static int firstSignificantByte(BufferedInputStream in) throws IOException {
    while (true) {
      in.mark(1);
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
        in.reset();
        return b;
      }
    }
  }

  /** Exim and mbox files start with a "From sender date" line that is not a header. */
  private static void skipMboxFromLine(BufferedInputStream in) throws IOException {
    in.mark(5);
    byte[] head = in.readNBytes(5);
    if (head.length == 5
        && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("From ")) {
      int b;
      int n = 0;
      while ((b = in.read()) >= 0 && b != '\n' && n++ < 4096) {
        // Skip the rest of the envelope line.
      }
      return;
    }
    in.reset();
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : firstLine(message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl >= 0 ? message.substring(0, nl) : message;
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
