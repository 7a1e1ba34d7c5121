package dev.abusedesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one AWS Health event, as EventBridge delivers it, into a report. */
final class HealthParser {

  private HealthParser() {}

  private static final Pattern WITHIN_HOURS =
      Pattern.compile("(?i)\\bwithin\\s+(\\d{1,3})\\s*(?:hours?|hrs?)\\b");

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  /** Whether a JSON object is a Health event (as opposed to an envelope or something else). */
  static boolean isEvent(JsonNode node) {
    return node.isObject()
        && node.path("detail").isObject()
        && (node.path("source").asText("").equals("aws.health")
            || node.path("detail-type").asText("").startsWith("AWS Health"));
  }

  static Report parse(JsonNode event, Instant readAt, Duration defaultDeadline) {
    JsonNode detail = event.path("detail");
    String service = text(detail, "service");
    String code = text(detail, "eventTypeCode");
    String statusCode = text(detail, "statusCode").toLowerCase(Locale.ROOT);
    String eventArn = text(detail, "eventArn");
    String description = description(detail);
    Optional<Category> category = Classifier.fromEventType(service, code);

    Instant receivedAt =
        Dates.parse(text(detail, "startTime"))
            .or(() -> Dates.parse(text(event, "time")))
            .orElse(readAt);
    Report.HealthOrigin origin =
        new Report.HealthOrigin(
            eventArn,
            service,
            code,
            text(detail, "communicationId"),
            integer(detail.path("page"), 1),
            integer(detail.path("totalPages"), 1),
            Dates.parse(text(detail, "lastUpdatedTime")).orElse(null),
            statusCode,
            detail.path("backupEvent").asBoolean(false)
                || "true".equalsIgnoreCase(text(detail, "backupEvent")));
    String excerpt = Complaints.normalise(description, 2000);

    if (category.isEmpty()) {
      return Report.notAbuse(
          receivedAt, SenderVerified.UNKNOWN, excerpt, origin, false, Provenance.healthEvent());
    }

    TreeSet<String> accounts = new TreeSet<>();
    String affected = text(detail, "affectedAccount");
    if (ACCOUNT_ID.matcher(affected).matches()) {
      accounts.add(affected);
    } else if (ACCOUNT_ID.matcher(text(event, "account")).matches()) {
      // Without organizational view the event arrives in the affected account itself.
      accounts.add(text(event, "account"));
    }

    TreeSet<String> regions = new TreeSet<>();
    String region = text(detail, "eventRegion");
    if (region.isEmpty()) {
      region = text(event, "region");
    }
    if (!region.isEmpty() && Identifiers.isRegion(region.toLowerCase(Locale.ROOT))) {
      regions.add(region.toLowerCase(Locale.ROOT));
    }

    TreeSet<String> resources = new TreeSet<>();
    TreeSet<String> ips = new TreeSet<>();
    JsonNode entities = detail.path("affectedEntities");
    if (entities.isArray() && !entities.isEmpty()) {
      for (JsonNode entity : entities) {
        entity(entity.path("entityValue").asText(""), resources, ips);
      }
    } else {
      for (JsonNode resource : event.path("resources")) {
        entity(resource.asText(""), resources, ips);
      }
    }

    Kind kind = statusCode.equals("closed") ? Kind.CLOSED : kind(description);
    OptionalInt hours = hours(description);
    Instant deadline =
        kind == Kind.CLOSED
            ? null
            : receivedAt.plus(
                hours.isPresent() ? Duration.ofHours(hours.getAsInt()) : defaultDeadline);
    return new Report(
        kind,
        category.get(),
        List.copyOf(accounts),
        List.copyOf(regions),
        List.copyOf(resources),
        List.copyOf(ips),
        eventArn.isEmpty() ? null : eventArn,
        AwsWording.caseNumbers("", description),
        receivedAt,
        deadline,
        SenderVerified.UNKNOWN,
        Complaint.NONE,
        List.of(),
        excerpt,
        origin,
        false,
        Provenance.healthEvent(),
        List.of());
  }

  private static Kind kind(String description) {
    Kind fromWording = KindWording.kind("", KeywordScan.lower(description));
    return fromWording == Kind.CLOSED ? Kind.NOTICE : fromWording;
  }

  private static void entity(String value, TreeSet<String> resources, TreeSet<String> ips) {
    String v = value.strip();
    if (v.isEmpty() || v.length() > MAX_FIELD_CHARS || resources.size() >= 1000) {
      return;
    }
    if (Identifiers.isIp(v)) {
      ips.add(Identifiers.ip(v));
      return;
    }
    Identifiers.resource(v).ifPresent(resources::add);
  }

  private static OptionalInt hours(String description) {
    Matcher m = WITHIN_HOURS.matcher(description);
    int best = Integer.MAX_VALUE;
    while (m.find()) {
      int h = Integer.parseInt(m.group(1));
      if (h > 0 && h <= 720) {
        best = Math.min(best, h);
      }
    }
    return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
  }

  private static String description(JsonNode detail) {
    JsonNode descriptions = detail.path("eventDescription");
    String fallback = "";
    for (JsonNode d : descriptions) {
      String text = d.path("latestDescription").asText("");
      if (d.path("language").asText("").toLowerCase(Locale.ROOT).startsWith("en")) {
        return bounded(text);
      }
      if (fallback.isEmpty()) {
        fallback = text;
      }
    }
    return bounded(fallback);
  }

  private static String bounded(String text) {
    return text.length() > 256 * 1024 ? text.substring(0, 256 * 1024) : text;
  }

  /** Longer than any ARN or code AWS writes: such a value is no identifier, and is dropped. */
  private static final int MAX_FIELD_CHARS = 2048;

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isValueNode()) {
      return "";
    }
    String text = value.asText("").strip();
    return text.length() > MAX_FIELD_CHARS ? "" : text;
  }

  private static int integer(JsonNode node, int fallback) {
    if (node.isInt()) {
      return node.asInt();
    }
    try {
      return Integer.parseInt(node.asText("").strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
