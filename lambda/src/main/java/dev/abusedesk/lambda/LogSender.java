package dev.abusedesk.lambda;

import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.notify.Alert;
import dev.abusedesk.notify.AlertJson;
import dev.abusedesk.notify.Delivery;
import dev.abusedesk.notify.Rendering;
import dev.abusedesk.notify.Sender;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The sender the functions use until the receivers' transports are merged: a console receiver
 * writes each alert as one JSON line to standard output, which Lambda keeps in CloudWatch Logs.
 * Other receiver kinds stay queued (retried with backoff), so nothing is lost meanwhile.
 */
final class LogSender implements Sender {

  private final PrintStream out;

  LogSender(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Delivery send(Receiver receiver, Alert alert, Rendering rendering) {
    if (receiver.kind() instanceof ReceiverKind.Console) {
      synchronized (out) {
        out.println("{\"abusedesk_alert\":" + AlertJson.write(alert) + "}");
        out.flush();
      }
      return new Delivery.Sent("");
    }
    return new Delivery.Retry(
        null,
        "this build of the Lambda functions cannot send to " + receiver.kind().key() + " yet");
  }
}
