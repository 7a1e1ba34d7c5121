package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.report.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * A rendered message as a golden file shows it for review: an HTTP call as JSON (method, URL,
 * headers, and the body parsed: JSON as JSON, a form as its fields), mail and console as text.
 */
final class GoldenRequest {

  private GoldenRequest() {}

  static String of(Outgoing outgoing) {
    if (outgoing instanceof Outgoing.MailMessage mail) {
      return "From: "
          + mail.from()
          + "\nTo: "
          + String.join(", ", mail.to())
          + "\nSubject: "
          + mail.subject()
          + "\n\n"
          + mail.text();
    }
    if (outgoing instanceof Outgoing.ConsoleText text) {
      return text.text();
    }
    Outgoing.HttpCall call = (Outgoing.HttpCall) outgoing;
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("method", call.method()).put("url", call.uri().toString());
    ObjectNode headers = out.putObject("headers");
    new TreeMap<>(call.headers()).forEach(headers::put);
    if (call.headers().getOrDefault("Content-Type", "").startsWith("application/x-www-form")) {
      ObjectNode form = out.putObject("form");
      for (String pair : call.body().split("&")) {
        int eq = pair.indexOf('=');
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    } else {
      out.set("body", parse(call.body()));
    }
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
