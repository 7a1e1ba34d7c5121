package dev.abusedesk.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Health event for one affected account, as the Health API describes it: rendered into the same
 * JSON EventBridge delivers, so that the one parser, the same keys and the same re-delivery rules
 * apply. An event seen through both EventBridge and the API is one report.
 *
 * @param account the affected account; empty when the API named none
 */
record HealthEvent(
    String arn,
    String service,
    String eventTypeCode,
    String eventTypeCategory,
    String eventScopeCode,
    String region,
    Instant startTime,
    Instant endTime,
    Instant lastUpdatedTime,
    String statusCode,
    String account,
    String description,
    List<Entity> entities) {

  /** EventBridge writes Health times as RFC 1123, to the second. */
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  HealthEvent {
    Objects.requireNonNull(arn, "arn");
    service = service == null ? "" : service;
    eventTypeCode = eventTypeCode == null ? "" : eventTypeCode;
    eventTypeCategory = eventTypeCategory == null ? "" : eventTypeCategory;
    eventScopeCode = eventScopeCode == null ? "" : eventScopeCode;
    region = region == null || region.isEmpty() ? "global" : region;
    Objects.requireNonNull(lastUpdatedTime, "lastUpdatedTime");
    statusCode = statusCode == null ? "" : statusCode;
    account = account == null ? "" : account;
    description = description == null ? "" : description;
    entities = List.copyOf(entities);
  }

  /** One affected entity: an instance, an IP, an access key. */
  record Entity(String value, Instant lastUpdatedTime, String status) {
    Entity {
      Objects.requireNonNull(value, "value");
      status = status == null ? "" : status;
    }
  }

  /**
   * The idempotency key of this update of the event for this account: the same across polls, so a
   * poll that overlaps the previous one records nothing twice.
   */
  String idempotencyKey() {
    String identity = arn + "|" + account + "|" + lastUpdatedTime.getEpochSecond();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "healthapi:" + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** The event as EventBridge would deliver it: one page holding every entity. */
  byte[] eventBridgeJson() {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", idempotencyKey());
    event.put(
        "detail-type", service.equals("ABUSE") ? "AWS Health Abuse Event" : "AWS Health Event");
    event.put("source", "aws.health");
    event.put("account", account);
    event.put("time", lastUpdatedTime.toString());
    event.put("region", region);
    ArrayNode resources = event.putArray("resources");
    entities.forEach(e -> resources.add(e.value()));
    ObjectNode detail = event.putObject("detail");
    detail.put("eventArn", arn);
    detail.put("service", service);
    detail.put("eventTypeCode", eventTypeCode);
    detail.put("eventTypeCategory", eventTypeCategory);
    detail.put("eventScopeCode", eventScopeCode);
    detail.put("communicationId", "");
    if (startTime != null) {
      detail.put("startTime", RFC_1123.format(startTime));
    }
    if (endTime != null) {
      detail.put("endTime", RFC_1123.format(endTime));
    }
    detail.put("lastUpdatedTime", RFC_1123.format(lastUpdatedTime));
    detail.put("statusCode", statusCode);
    detail.put("eventRegion", region);
    ObjectNode english = detail.putArray("eventDescription").addObject();
    english.put("language", "en_US");
    english.put("latestDescription", description);
    ArrayNode affected = detail.putArray("affectedEntities");
    for (Entity entity : entities) {
      ObjectNode e = affected.addObject();
      e.put("entityValue", entity.value());
      if (entity.lastUpdatedTime() != null) {
        e.put("lastUpdatedTime", RFC_1123.format(entity.lastUpdatedTime()));
      }
      e.put("status", entity.status());
    }
    if (!account.isEmpty()) {
      detail.put("affectedAccount", account);
    }
    detail.put("page", "1");
    detail.put("totalPages", "1");
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
