package dev.abusedesk.app.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A raw SMTP/LMTP conversation over a socket, to see every byte the server answers. */
final class LineClient implements AutoCloseable {

  private Socket socket;
  private InputStream in;
  private OutputStream out;

  LineClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /**
   * Turns the connection into TLS after the server's {@code 220} to STARTTLS, checking the server's
   * certificate against {@code trust} for {@code 127.0.0.1}.
   *
   * @return the protocol agreed, such as {@code TLSv1.3}
   */
  String startTls(SSLContext trust) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            trust.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    socket = tls;
    in = tls.getInputStream();
    out = tls.getOutputStream();
    return tls.getSession().getProtocol();
  }

  /** Sends text as it is: the caller writes the CRLFs. */
  LineClient send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  LineClient send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** One line as received, with its CRLF. */
  String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + line);
      }
      line.write(b);
      if (previous == '\r' && b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      previous = b;
    }
  }

  /** One reply, all its lines ({@code 250-...} up to {@code 250 ...}), exactly as received. */
  String reply() throws IOException {
    StringBuilder reply = new StringBuilder();
    String line;
    do {
      line = line();
      reply.append(line);
    } while (line.length() > 3 && line.charAt(3) == '-');
    return reply.toString();
  }

  List<String> replies(int count) throws IOException {
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      replies.add(reply());
    }
    return replies;
  }

  /** True when the server closed the connection (end of stream). */
  boolean closedByServer() throws IOException {
    return in.read() < 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
