package dev.abusedesk.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The real-shaped Lambda events under {@code src/test/resources/events/}, and invoking with them.
 */
final class Events {

  private Events() {}

  static byte[] bytes(String name) {
    try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    return Json.read(bytes(name));
  }

  /** An SQS batch as Lambda delivers it, one message per body, with these message IDs. */
  static byte[] sqsBatch(List<String> messageIds, List<String> bodies) {
    ObjectNode batch = Json.mapper().createObjectNode();
    ArrayNode records = batch.putArray("Records");
    for (int i = 0; i < bodies.size(); i++) {
      ObjectNode record = (ObjectNode) json("sqs-record.json");
      record.put("messageId", messageIds.get(i));
      record.put("body", bodies.get(i));
      records.add(record);
    }
    return Json.write(batch);
  }

  /** Invokes a handler as the runtime does; returns its answer. */
  static JsonNode invoke(
      com.amazonaws.services.lambda.runtime.RequestStreamHandler handler,
      byte[] event,
      Clock clock) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event),
          out,
          new LocalContext("abusedesk-test", "123456789012", Duration.ofSeconds(60), clock));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Json.read(out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
  }
}
