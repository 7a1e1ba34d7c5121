package dev.abusedesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Inputs built to break a parser: empty, binary, huge, deep, malformed. Generated on demand (never
 * checked in), each written to a stream so that the 25 MB ones need not be held twice.
 */
public final class HostileInputs {

  private HostileInputs() {}

  private static final int MB = 1024 * 1024;

  /** Writes one input's bytes. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** One hostile input, named for test reports and file names. */
  public record Input(String name, Content content) {
    public byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        content.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A real-shaped notice: the part of a hostile mail that should still be read. */
  static final String NOTICE_HEADERS =
      "From: Amazon EC2 Abuse <ec2-abuse@amazon.com>\n"
          + "To: security@example-msp.jp\n"
          + "Subject: Your Amazon EC2 Abuse Report [20816735] [AWS ID 111122223333]\n"
          + "Date: Tue, 14 Oct 2025 03:12:40 +0000\n"
          + "Message-ID: <hostile@email.amazonses.com>\n"
          + "MIME-Version: 1.0\n";

  static final String NOTICE_TEXT =
      "Hello,\n\nWe've received a report(s) that your AWS resource(s)\n\n"
          + "AWS ID: 111122223333\tRegion: ap-northeast-1\t"
          + "EC2 Instance Id: i-0a1b2c3d4e5f60718 [203.0.113.45]\n\n"
          + "has been implicated in activity which resembles a Denial of Service attack.\n\n"
          + "Regards,\nAWS Abuse\n";

  public static List<Input> all() {
    return List.of(
        text("empty", ""),
        text("only-whitespace", " \t\r\n".repeat(10_000)),
        new Input("only-nul-bytes", out -> out.write(new byte[MB])),
        new Input("nul-between-every-byte", HostileInputs::nulInterleavedNotice),
        new Input("binary-garbage", out -> out.write(random(MB, 1))),
        new Input("binary-garbage-after-a-header", HostileInputs::garbageAfterHeader),
        new Input("20000-headers", HostileInputs::manyHeaders),
        new Input("multipart-nested-10000-deep", HostileInputs::deepMultipart),
        new Input("message-nested-10000-deep", HostileInputs::deepMessages),
        new Input("unterminated-multipart", HostileInputs::unterminatedMultipart),
        new Input("25mb-base64-attachment", HostileInputs::bigBase64Attachment),
        new Input("25mb-single-line-header", HostileInputs::bigHeader),
        new Input("25mb-text-body", HostileInputs::bigTextBody),
        new Input("25mb-single-line-body", HostileInputs::bigSingleLineBody),
        text("unknown-charsets", unknownCharsets()),
        text("malformed-encoded-words", malformedEncodedWords()),
        text("json-100000-brackets", "[".repeat(100_000)),
        text("json-100000-objects-deep", "{\"a\":".repeat(100_000)),
        new Input("json-7mb-string", out -> hugeJsonString(out, 7 * MB)),
        new Input("json-20mb-string", out -> hugeJsonString(out, 20 * MB)),
        text("json-truncated", truncatedHealthEvent()),
        text("json-null", "null"),
        text("json-number", "1"),
        text("json-string", "\"x\""),
        text("json-empty-array", "[]"),
        text("json-empty-object", "{}"),
        text("json-100000-events", "[" + "{},".repeat(99_999) + "{}]"),
        new Input("json-100000-entities", HostileInputs::manyEntities));
  }

  private static Input text(String name, String content) {
    return new Input(name, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void nulInterleavedNotice(OutputStream out) throws IOException {
    for (byte b : (NOTICE_HEADERS + "\n" + NOTICE_TEXT).getBytes(StandardCharsets.UTF_8)) {
      out.write(b);
      out.write(0);
    }
  }

  private static void garbageAfterHeader(OutputStream out) throws IOException {
    write(out, "Subject: garbage follows\n");
    out.write(random(MB, 2));
  }

  private static void manyHeaders(OutputStream out) throws IOException {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      headers.append("X-Spam-Header-").append(i).append(": value ").append(i).append('\n');
    }
    write(out, headers + NOTICE_HEADERS + "\n" + NOTICE_TEXT);
  }

  private static void deepMultipart(OutputStream out) throws IOException {
    write(out, NOTICE_HEADERS);
    StringBuilder mail = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      mail.append("Content-Type: multipart/mixed; boundary=\"b")
          .append(i)
          .append("\"\n\n--b")
          .append(i)
          .append('\n');
    }
    mail.append("Content-Type: text/plain\n\n").append(NOTICE_TEXT);
    for (int i = 9_999; i >= 0; i--) {
      mail.append("\n--b").append(i).append("--\n");
    }
    write(out, mail.toString());
  }

  private static void deepMessages(OutputStream out) throws IOException {
    write(out, NOTICE_HEADERS);
    write(out, "Content-Type: message/rfc822\n\n".repeat(10_000));
    write(out, "Content-Type: text/plain\n\n" + NOTICE_TEXT);
  }

  private static void unterminatedMultipart(OutputStream out) throws IOException {
    write(
        out,
        NOTICE_HEADERS
            + "Content-Type: multipart/mixed; boundary=\"open\"\n\n"
            + "--open\nContent-Type: text/plain\n\n"
            + NOTICE_TEXT
            + "--open\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
            + "--inner\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
            + "PGh0bWw+PGJvZHk+PHRhYmxlPjx0cj48dGQ+");
  }

  private static void bigBase64Attachment(OutputStream out) throws IOException {
    write(
        out,
        NOTICE_HEADERS
            + "Content-Type: multipart/mixed; boundary=\"big\"\n\n"
            + "--big\nContent-Type: text/plain\n\n"
            + NOTICE_TEXT
            + "--big\nContent-Type: application/octet-stream\n"
            + "Content-Disposition: attachment; filename=\"capture.pcap\"\n"
            + "Content-Transfer-Encoding: base64\n\n");
    Base64.Encoder mime = Base64.getMimeEncoder(76, new byte[] {'\n'});
    byte[] chunk = random(57 * 1024, 3); // 57 bytes make one 76-character line
    long written = 0;
    while (written < 25L * MB) {
      byte[] encoded = mime.encode(chunk);
      out.write(encoded);
      out.write('\n');
      written += encoded.length + 1;
    }
    write(out, "--big--\n");
  }

  private static void bigHeader(OutputStream out) throws IOException {
    write(out, NOTICE_HEADERS + "X-Long: ");
    repeat(out, (byte) 'A', 25 * MB);
    write(out, "\n\n" + NOTICE_TEXT);
  }

  private static void bigTextBody(OutputStream out) throws IOException {
    write(out, NOTICE_HEADERS + "Content-Type: text/plain; charset=utf-8\n\n" + NOTICE_TEXT);
    byte[] line =
        "lorem ipsum dolor sit amet 203.0.113.9 i-0123456789abcdef0 AWS ID: \n"
            .getBytes(StandardCharsets.UTF_8);
    for (long n = 0; n < 25L * MB; n += line.length) {
      out.write(line);
    }
  }

  private static void bigSingleLineBody(OutputStream out) throws IOException {
    write(out, NOTICE_HEADERS + "Content-Type: text/plain; charset=utf-8\n\n" + NOTICE_TEXT);
    repeat(out, (byte) 'x', 25 * MB);
  }

  private static void repeat(OutputStream out, byte b, int count) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, b);
    for (int left = count; left > 0; left -= chunk.length) {
      out.write(chunk, 0, Math.min(left, chunk.length));
    }
  }

  private static String unknownCharsets() {
    return NOTICE_HEADERS
        + "Content-Type: multipart/mixed; boundary=\"cs\"\n\n"
        + "--cs\nContent-Type: text/plain; charset=\"x-no-such-charset\"\n\n"
        + NOTICE_TEXT
        + "--cs\nContent-Type: text/plain; charset=\"utf-8\\\"; charset=?!*\"\n\nsecond\n"
        + "--cs\nContent-Type: text/plain; charset=\n\nthird\n"
        + "--cs\nContent-Type: text/html; charset=\"\u2603\"\n\n<p>fourth</p>\n"
        + "--cs--\n";
  }

  private static String malformedEncodedWords() {
    return "From: =?UTF-8?B?####?= <ec2-abuse@amazon.com>\n"
        + "Subject: =?x-unknown?Q?abc?= =?UTF-8?Q?=ZZ=?= =??B??= =?UTF-8?B?"
        + "=?UTF-8?B?".repeat(10_000)
        + "\nDate: =?ISO-2022-JP?B?GyRC?=\n"
        + "To: =?ISO-2022-JP?B?\u001b$B\u001b(B?=\n\n"
        + NOTICE_TEXT;
  }

  private static void hugeJsonString(OutputStream out, int size) throws IOException {
    write(
        out, "{\"source\":\"aws.health\",\"detail-type\":\"AWS Health Abuse Event\",\"detail\":{");
    write(out, "\"eventTypeCode\":\"AWS_ABUSE_DOS_REPORT\",\"eventArn\":\"");
    repeat(out, (byte) 'a', size);
    write(out, "\"}}");
  }

  private static String truncatedHealthEvent() {
    String event =
        "{\"version\":\"0\",\"detail-type\":\"AWS Health Abuse Event\",\"source\":\"aws.health\","
            + "\"detail\":{\"eventArn\":\"arn:aws:health:us-east-1::event/ABUSE/AWS_ABUSE_DOS_REPORT/x\","
            + "\"service\":\"ABUSE\",\"eventTypeCode\":\"AWS_ABUSE_DOS_REPORT\"}}";
    return event.substring(0, event.length() / 2);
  }

  private static void manyEntities(OutputStream out) throws IOException {
    StringBuilder json =
        new StringBuilder(
            "{\"source\":\"aws.health\",\"detail-type\":\"AWS Health Abuse Event\",\"detail\":{"
                + "\"service\":\"ABUSE\",\"eventTypeCode\":\"AWS_ABUSE_DOS_REPORT\","
                + "\"eventArn\":\"arn:aws:health:us-east-1::event/ABUSE/AWS_ABUSE_DOS_REPORT/x\","
                + "\"affectedEntities\":[");
    for (int i = 0; i < 100_000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"entityValue\":\"i-").append(hex17(i)).append("\"}");
    }
    write(out, json.append("]}}").toString());
  }

  private static String hex17(int i) {
    String hex = Integer.toHexString(i);
    return "0".repeat(17 - hex.length()) + hex;
  }
}
