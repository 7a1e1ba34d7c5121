package dev.abusedesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One plain SMTP transaction by hand, as a relaying mail server makes it. */
final class SmtpSend {

  private SmtpSend() {}

  /** Sends {@code mail}; true only when the server answered 250 to the message. */
  static boolean send(int port, String mail) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      if (!reply(in).startsWith("220")) {
        return false;
      }
      for (String command :
          new String[] {
            "HELO test",
            "MAIL FROM:<ec2-abuse@amazon.com>",
            "RCPT TO:<security@example.com>",
            "DATA"
          }) {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        String answer = reply(in);
        if (!(answer.startsWith("250") || answer.startsWith("354"))) {
          return false;
        }
      }
      String body = mail.replace("\r\n", "\n").replace("\n", "\r\n").replaceAll("(?m)^\\.", "..");
      out.write((body + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
      boolean accepted = reply(in).startsWith("250");
      out.write("QUIT\r\n".getBytes(StandardCharsets.UTF_8));
      return accepted;
    } catch (IOException e) {
      return false;
    }
  }

  private static String reply(BufferedReader in) throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        return "";
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
    return line;
  }
}
