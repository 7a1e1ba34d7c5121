package dev.abusedesk.notify;

/** Standard output: the plain text of the alert, for trying things out and as the default. */
final class ConsoleNotifier implements Notifier {

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    return new Outgoing.ConsoleText(AlertText.of(alert, rendering).plain());
  }

  @Override
  public java.util.Optional<Digests> digests() {
    return java.util.Optional.of((digest, rendering) -> new Outgoing.ConsoleText(digest.plain()));
  }

  /** Printing cannot be refused; nothing reads HTTP here. */
  @Override
  public Delivery classify(Response response) {
    return Answers.classify(response, "", response.body());
  }

  @Override
  public String toString() {
    return "ConsoleNotifier";
  }
}
