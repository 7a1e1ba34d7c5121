package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.cases.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An AWS Health event straight from an EventBridge rule. Recorded under the event's {@code id}, so
 * a retried invocation records nothing twice; an event that is not a Health event fails the
 * invocation, and Lambda's retries end in the function's dead-letter queue.
 */
public final class HealthEventHandler implements RequestStreamHandler {

  private final Desk desk;

  public HealthEventHandler() {
    this(Desk.shared());
  }

  HealthEventHandler(Desk desk) {
    this.desk = desk;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    byte[] raw = in.readNBytes(Json.MAX_EVENT_BYTES);
    JsonNode event = Json.read(raw);
    String id = event.path("id").asText("");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("an EventBridge event without an id");
    }
    String key = Desk.key("events", id);
    Recorder.Taken taken = desk.record(raw, key, "eventbridge");
    if (taken instanceof Recorder.Taken.Unreadable unreadable) {
      throw new IllegalArgumentException(
          "event " + id + " holds no report: " + unreadable.reason());
    }
    Deliveries.soon(desk, context);
    Json.answer(out, TakenJson.of(key, taken));
  }
}
