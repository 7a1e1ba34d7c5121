package dev.abusedesk.lambda;

import dev.abusedesk.testing.StubHttp;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loopback stand-ins for where mail waits in AWS, answering as the real APIs do: S3's GetObject
 * (REST, path-style, XML errors) and WorkMail Message Flow's GetRawMessageContent (REST-JSON).
 */
final class MailStubs implements AutoCloseable {

  final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  final Map<String, byte[]> workMail = new ConcurrentHashMap<>();
  final StubHttp s3 = StubHttp.start(this::s3);
  final StubHttp messageFlow = StubHttp.start(this::messageFlow);

  private StubHttp.Answer s3(StubHttp.Request request) {
    String path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!request.method().equals("GET")
        || !request.header("Authorization").startsWith("AWS4-HMAC-SHA256 ")) {
      return xml(403, "AccessDenied", "Access Denied");
    }
    byte[] object = objects.get(path.substring(1));
    if (object == null) {
      return xml(404, "NoSuchKey", "The specified key does not exist.");
    }
    return new StubHttp.Answer(
        200,
        Map.of(
            "Content-Type", "application/octet-stream",
            "ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(object)) + "\"",
            "Last-Modified", "Tue, 14 Oct 2025 03:20:12 GMT",
            "x-amz-request-id", "4442587FB7D0A2F9"),
        object);
  }

  private StubHttp.Answer messageFlow(StubHttp.Request request) {
    String prefix = "/messages/";
    if (!request.method().equals("GET") || !request.path().startsWith(prefix)) {
      return new StubHttp.Answer(
          400,
          Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "InvalidRequestException"),
          "{\"message\":\"bad request\"}".getBytes(StandardCharsets.UTF_8));
    }
    byte[] message = workMail.get(request.path().substring(prefix.length()));
    if (message == null) {
      return new StubHttp.Answer(
          404,
          Map.of(
              "Content-Type", "application/json", "x-amzn-ErrorType", "ResourceNotFoundException"),
          "{\"message\":\"The requested message was not found.\"}"
              .getBytes(StandardCharsets.UTF_8));
    }
    return new StubHttp.Answer(200, Map.of("Content-Type", "message/rfc822"), message);
  }

  private static StubHttp.Answer xml(int status, String code, String message) {
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
    return new StubHttp.Answer(
        status,
        Map.of("Content-Type", "application/xml", "x-amz-request-id", "4442587FB7D0A2F9"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    s3.close();
    messageFlow.close();
  }
}
