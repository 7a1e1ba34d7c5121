package dev.abusedesk.app;

import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import dev.abusedesk.notify.Outgoing;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rendered message as {@code abusedesk render} prints it: the method and the host (webhook paths
 * are credentials), the headers with every value but a few harmless ones masked, and the body as it
 * would be sent, with the receiver's secrets (a PagerDuty routing key) masked.
 */
final class RequestPreview {

  private RequestPreview() {}

  private static final String FORM = "application/x-www-form-urlencoded";

  private static final Set<String> SHOWN =
      Set.of(
          "content-type", "x-abusedesk-timestamp", "x-abusedesk-signature", "x-abusedesk-event-id");

  static void print(PrintWriter out, Outgoing outgoing, ReceiverKind kind) {
    List<String> secrets = secrets(kind);
    if (outgoing instanceof Outgoing.HttpCall call) {
      out.println(call.method() + " " + call.uri().getScheme() + "://" + call.uri().getHost());
      new TreeMap<>(call.headers())
          .forEach(
              (name, value) ->
                  out.println(
                      name
                          + ": "
                          + (SHOWN.contains(name.toLowerCase(Locale.ROOT)) ? value : "***")));
      out.println();
      out.println(mask(call.body(), secrets));
      if (call.headers().getOrDefault("Content-Type", "").startsWith(FORM)) {
        out.println();
        out.println("# the form fields, decoded:");
        for (String field : call.body().split("&")) {
          int eq = field.indexOf('=');
          out.println(
              decode(field.substring(0, Math.max(eq, 0)))
                  + " = "
                  + mask(decode(field.substring(eq + 1)), secrets));
        }
      }
    } else if (outgoing instanceof Outgoing.MailMessage mail) {
      out.println("From: " + mail.from());
      out.println("To: " + String.join(", ", mail.to()));
      out.println("Subject: " + mail.subject());
      out.println();
      out.print(mail.text());
    } else {
      out.print(((Outgoing.ConsoleText) outgoing).text());
    }
    out.flush();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String mask(String text, List<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, "***");
    }
    return masked;
  }

  /** Every {@link Secret} a receiver kind holds, found from its record components. */
  static List<String> secrets(ReceiverKind kind) {
    List<String> secrets = new ArrayList<>();
    for (RecordComponent component : kind.getClass().getRecordComponents()) {
      try {
        collect(component.getAccessor().invoke(kind), secrets);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
    }
    return secrets;
  }

  private static void collect(Object value, List<String> into) {
    if (value instanceof Secret secret) {
      into.add(secret.reveal());
    } else if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> collect(v, into));
    } else if (value instanceof java.util.Map<?, ?> map) {
      map.values().forEach(v -> collect(v, into));
    } else if (value instanceof Collection<?> values) {
      values.forEach(v -> collect(v, into));
    }
  }
}
