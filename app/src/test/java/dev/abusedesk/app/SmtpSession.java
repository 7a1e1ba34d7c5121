package dev.abusedesk.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** An SMTP conversation by hand over a socket, as a relay (or a hostile client) has it. */
final class SmtpSession implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  SmtpSession(int port, Duration timeout) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout((int) timeout.toMillis());
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  SmtpSession send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return this;
  }

  /** One whole reply, its last line; empty when the server closed the connection. */
  String reply() throws IOException {
    String line;
    do {
      line = line();
    } while (line.length() > 3 && line.charAt(3) == '-');
    return line;
  }

  /** HELO, MAIL, RCPT and DATA; true when the server is ready for the message (354). */
  boolean begin() throws IOException {
    for (String command :
        new String[] {
          "HELO test", "MAIL FROM:<ec2-abuse@amazon.com>", "RCPT TO:<security@example.com>", "DATA"
        }) {
      String answer = send(command + "\r\n").reply();
      if (!(answer.startsWith("250") || answer.startsWith("354"))) {
        return false;
      }
    }
    return true;
  }

  /** One whole transaction; the server's answer to the message, or to what refused it. */
  static String deliver(int port, String mail) throws IOException {
    try (SmtpSession session = new SmtpSession(port, Duration.ofSeconds(20))) {
      String greeting = session.reply();
      if (!greeting.startsWith("220")) {
        return greeting;
      }
      if (!session.begin()) {
        return "refused before DATA";
      }
      String body = mail.replace("\r\n", "\n").replace("\n", "\r\n").replaceAll("(?m)^\\.", "..");
      String answer = session.send(body + "\r\n.\r\n").reply();
      session.send("QUIT\r\n");
      return answer;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
