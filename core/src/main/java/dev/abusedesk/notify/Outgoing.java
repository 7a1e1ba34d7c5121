package dev.abusedesk.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A rendered message, ready for its transport. Rendering is pure; sending is the transport's. */
public sealed interface Outgoing
    permits Outgoing.HttpCall, Outgoing.MailMessage, Outgoing.ConsoleText {

  /**
   * An HTTP request. {@code headers} may hold credentials (a token, a signature): they are never
   * logged, and {@link #toString()} leaves them out.
   */
  record HttpCall(String method, URI uri, Map<String, String> headers, String body)
      implements Outgoing {
    public HttpCall {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
      return "HttpCall[" + method + " " + uri.getScheme() + "://" + uri.getHost() + "]";
    }
  }

  /** A plain-text mail. */
  record MailMessage(String from, List<String> to, String subject, String text)
      implements Outgoing {
    public MailMessage {
      Objects.requireNonNull(from, "from");
      to = List.copyOf(to);
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Text for the console receiver. */
  record ConsoleText(String text) implements Outgoing {
    public ConsoleText {
      Objects.requireNonNull(text, "text");
    }
  }
}
