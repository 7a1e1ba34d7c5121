package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.health.HealthBackstop;
import dev.abusedesk.health.Poll;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The scheduled tick, every minute: polls the Health API when it is due (the backstop), queues
 * reminders and escalations, and sends what is due. Every step is safe to run on several containers
 * at once: the API poll and the reminders take a lease in the store, delivery claims each message.
 */
public final class TickHandler implements RequestStreamHandler {

  static final Duration REMIND_LEASE = Duration.ofMinutes(2);
  static final Duration MOST = Duration.ofSeconds(50);

  private final Desk desk;

  public TickHandler() {
    this(Desk.shared());
  }

  TickHandler(Desk desk) {
    this.desk = desk;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    in.readNBytes(Json.MAX_EVENT_BYTES); // the schedule's event says nothing we need
    Pipeline pipeline = desk.pipeline();
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("health_api", health(context).map(TickHandler::describe).orElse("off"));
    answer.put("alerts_queued", pipeline.queueAlerts());
    answer.put("reminders_queued", pipeline.remindUnderLease(desk.owner(), REMIND_LEASE));
    Deliverer.Result sent = pipeline.deliver(Deliveries.budget(context, MOST));
    answer.put("sent", sent.sent()).put("retried", sent.retried()).put("failed", sent.failed());
    Json.answer(out, answer);
  }

  private Optional<Poll> health(Context context) {
    Optional<HealthBackstop> backstop =
        desk.pipeline().healthBackstop(desk.owner(), account(context), desk.credentials());
    return backstop.map(HealthBackstop::pollOnce);
  }

  /** The function's own account, from its ARN: for events that name no affected entity. */
  static Optional<String> account(Context context) {
    if (context == null || context.getInvokedFunctionArn() == null) {
      return Optional.empty();
    }
    String[] parts = context.getInvokedFunctionArn().split(":");
    return parts.length > 4 && parts[4].matches("\\d{12}")
        ? Optional.of(parts[4])
        : Optional.empty();
  }

  private static String describe(Poll poll) {
    if (poll instanceof Poll.Polled p) {
      return "polled: " + p.events() + " events, " + p.recorded() + " new";
    }
    if (poll instanceof Poll.NotSubscribed n) {
      return n.message();
    }
    if (poll instanceof Poll.Unavailable u) {
      return "unavailable: " + u.reason();
    }
    return "not due";
  }
}
