package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.cases.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A batch of Health events from the queue the EventBridge rules fill. Each message is recorded
 * under its SQS message ID; one that cannot be recorded is named in {@code batchItemFailures}, so
 * that only it returns to the queue (and, after the redrive limit, to the dead-letter queue) and
 * never the others with it.
 */
public final class SqsHandler implements RequestStreamHandler {

  private static final System.Logger LOG = System.getLogger(SqsHandler.class.getName());

  private final Desk desk;

  public SqsHandler() {
    this(Desk.shared());
  }

  SqsHandler(Desk desk) {
    this.desk = desk;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    JsonNode batch = Json.read(in);
    ObjectNode answer = Json.mapper().createObjectNode();
    ArrayNode failures = answer.putArray("batchItemFailures");
    ArrayNode recorded = answer.putArray("recorded");
    for (JsonNode message : batch.path("Records")) {
      String messageId = message.path("messageId").asText("");
      try {
        if (messageId.isEmpty()) {
          throw new IllegalArgumentException("an SQS message without a messageId");
        }
        String key = Desk.key("sqs", messageId);
        byte[] body = message.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        Recorder.Taken taken = desk.record(body, key, "sqs");
        recorded.add(TakenJson.of(key, taken));
        if (taken instanceof Recorder.Taken.Unreadable unreadable) {
          // Kept for a person: after the redrive limit it waits in the dead-letter queue.
          LOG.log(
              System.Logger.Level.WARNING,
              "message {0} holds no report: {1}",
              messageId,
              unreadable.reason());
          failures.addObject().put("itemIdentifier", messageId);
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "message " + messageId + " not recorded", e);
        failures.addObject().put("itemIdentifier", messageId);
      }
    }
    Deliveries.soon(desk, context);
    Json.answer(out, answer);
  }
}
