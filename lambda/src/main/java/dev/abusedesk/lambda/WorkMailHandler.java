package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.cases.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.workmailmessageflow.WorkMailMessageFlowClient;
import software.amazon.awssdk.services.workmailmessageflow.model.GetRawMessageContentResponse;

/**
 * An Amazon WorkMail email-flow rule: fetches the message with {@code GetRawMessageContent} and
 * records it under its WorkMail message ID. Always answers the DEFAULT action for every recipient:
 * Abuse Desk reads the mail, it never holds, bounces or drops it. (AWS ends support for WorkMail on
 * 2027-03-31; SES receipt rules are the way forward, see {@link SesHandler}.)
 */
public final class WorkMailHandler implements RequestStreamHandler {

  static final long MAX_MESSAGE_BYTES = 40L * 1024 * 1024;
  private static final System.Logger LOG = System.getLogger(WorkMailHandler.class.getName());

  private final Desk desk;
  private final WorkMailMessageFlowClient workMail;

  public WorkMailHandler() {
    this(Desk.shared());
  }

  WorkMailHandler(Desk desk) {
    this.desk = desk;
    var builder =
        WorkMailMessageFlowClient.builder()
            .region(desk.region())
            .credentialsProvider(desk.credentials())
            .httpClient(UrlConnectionHttpClient.create());
    desk.endpoint(Desk.WORKMAIL_ENDPOINT).ifPresent(builder::endpointOverride);
    this.workMail = builder.build();
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    ObjectNode answer = Json.mapper().createObjectNode();
    answer
        .putArray("actions")
        .addObject()
        .put("allRecipients", true)
        .putObject("action")
        .put("type", "DEFAULT");
    try {
      JsonNode event = Json.read(in);
      String messageId = event.path("messageId").asText("");
      if (messageId.isEmpty()) {
        throw new IllegalArgumentException("a WorkMail event without a messageId");
      }
      String key = Desk.key("workmail", messageId);
      Recorder.Taken taken = desk.record(fetch(messageId), key, "workmail");
      LOG.log(System.Logger.Level.INFO, "{0}", TakenJson.of(key, taken));
      Deliveries.soon(desk, context);
    } catch (IOException | RuntimeException e) {
      // The mail is delivered whatever happens here; the mailbox keeps it for a person.
      LOG.log(System.Logger.Level.ERROR, "WorkMail message not recorded", e);
    }
    Json.answer(out, answer);
  }

  private byte[] fetch(String messageId) throws IOException {
    try (ResponseInputStream<GetRawMessageContentResponse> message =
        workMail.getRawMessageContent(r -> r.messageId(messageId))) {
      byte[] bytes = message.readNBytes((int) MAX_MESSAGE_BYTES + 1);
      if (bytes.length > MAX_MESSAGE_BYTES) {
        throw new IllegalArgumentException("WorkMail message " + messageId + " is too large");
      }
      return bytes;
    }
  }
}
