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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Mail that SES received: the receipt rule's S3 action stores the whole message (SNS would carry at
 * most 150 KB), then its Lambda action, or the bucket's event notification, invokes this. The
 * message is fetched from S3 and recorded under its bucket and key, so both triggers together still
 * record it once.
 */
public final class SesHandler implements RequestStreamHandler {

  /** SES accepts messages up to 40 MB. */
  static final long MAX_MESSAGE_BYTES = 40L * 1024 * 1024;

  private final Desk desk;
  private final S3Client s3;

  public SesHandler() {
    this(Desk.shared());
  }

  SesHandler(Desk desk) {
    this.desk = desk;
    var builder =
        S3Client.builder()
            .region(desk.region())
            .credentialsProvider(desk.credentials())
            .httpClient(UrlConnectionHttpClient.create());
    desk.endpoint(Desk.S3_ENDPOINT)
        .ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
    this.s3 = builder.build();
  }

  /** Where a message is: from an SES receipt event or an S3 event notification. */
  record Location(String bucket, String key) {}

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    JsonNode event = Json.read(in);
    ObjectNode answer = Json.mapper().createObjectNode();
    // A synchronous SES Lambda action reads this: go on with the rule's other actions.
    answer.put("disposition", "CONTINUE");
    ArrayNode recorded = answer.putArray("recorded");
    for (Location location : locations(event)) {
      String key = Desk.key("s3", location.bucket() + "/" + location.key());
      Recorder.Taken taken = desk.record(fetch(location), key, "ses");
      recorded.add(TakenJson.of(key, taken));
    }
    Deliveries.soon(desk, context);
    Json.answer(out, answer);
  }

  List<Location> locations(JsonNode event) {
    List<Location> locations = new ArrayList<>();
    for (JsonNode record : event.path("Records")) {
      if (record.has("ses")) {
        String messageId = record.path("ses").path("mail").path("messageId").asText("");
        if (messageId.isEmpty()) {
          throw new IllegalArgumentException("an SES event without mail.messageId");
        }
        String bucket =
            desk.env(Desk.MAIL_BUCKET)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            Desk.MAIL_BUCKET + " must name the bucket of the S3 action"));
        locations.add(new Location(bucket, desk.env(Desk.MAIL_PREFIX).orElse("") + messageId));
      } else if (record.has("s3")) {
        JsonNode s3 = record.path("s3");
        // S3 notifications URL-encode the key, spaces as '+'.
        String key =
            URLDecoder.decode(s3.path("object").path("key").asText(""), StandardCharsets.UTF_8);
        locations.add(new Location(s3.path("bucket").path("name").asText(""), key));
      } else {
        throw new IllegalArgumentException("neither an SES nor an S3 event record");
      }
    }
    return locations;
  }

  private byte[] fetch(Location location) throws IOException {
    try (ResponseInputStream<GetObjectResponse> object =
        s3.getObject(r -> r.bucket(location.bucket()).key(location.key()))) {
      byte[] bytes = object.readNBytes((int) MAX_MESSAGE_BYTES + 1);
      if (bytes.length > MAX_MESSAGE_BYTES) {
        throw new IllegalArgumentException(
            "s3://" + location.bucket() + "/" + location.key() + " is larger than SES allows");
      }
      return bytes;
    }
  }
}
