package dev.abusedesk.notify;

import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import dev.abusedesk.report.SenderVerified;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a digest says, as an {@link AlertText} every chat tool already knows how to show: a title
 * with the count, why the cases come as a list, and one line per case (number and category; then
 * accounts, AWS's case number, deadline and time left, and the case page). Report values are
 * cleaned and bounded here like in any alert; each receiver escapes them.
 */
final class DigestText {

  /** Accounts one line names before "+N more". */
  private static final int MAX_ACCOUNTS = 3;

  private DigestText() {}

  static AlertText of(Digest digest, Rendering rendering) {
    Texts texts = Texts.of(rendering.language());
    String title = texts.digestTitle(digest.type(), digest.alerts().size());
    if (digest.pages() > 1) {
      title += " (" + digest.page() + "/" + digest.pages() + ")";
    }
    boolean overdue = digest.alerts().stream().anyMatch(a -> AlertText.overdue(a, rendering.now()));
    boolean unverified =
        digest.alerts().stream().anyMatch(a -> a.senderVerified() == SenderVerified.FAIL);
    return new AlertText(
        texts,
        AlertText.icon(digest.type(), overdue),
        title,
        texts.digestLead(digest.type()),
        digest.alerts().stream().map(a -> line(a, texts, rendering)).toList(),
        unverified ? Optional.of(texts.digestSenderWarning()) : Optional.empty(),
        List.of(),
        "",
        List.of(),
        List.of(),
        rendering.mentions());
  }

  private static Fact line(Alert alert, Texts texts, Rendering rendering) {
    String cut = texts.truncated();
    String label = "#" + alert.caseId() + " " + texts.category(alert.category());
    List<String> parts = new ArrayList<>();
    List<String> accounts =
        alert.accounts().stream()
            .map(
                a -> {
                  StringBuilder text = new StringBuilder(a.id());
                  a.name().ifPresent(name -> text.append(' ').append(name));
                  a.customer().ifPresent(c -> text.append(" (").append(c).append(')'));
                  return Untrusted.line(text.toString(), AlertText.MAX_ITEM, cut);
                })
            .toList();
    if (!accounts.isEmpty()) {
      parts.add(String.join(", ", AlertText.bounded(accounts, MAX_ACCOUNTS, texts)));
    }
    if (!alert.awsCaseId().isEmpty()) {
      parts.add(
          texts.label(Label.AWS_CASE)
              + " "
              + Untrusted.line(alert.awsCaseId(), AlertText.MAX_ITEM, cut));
    }
    Optional<Duration> left = AlertText.timeLeft(alert, rendering.now());
    if (left.isPresent()) {
      Duration d = left.get();
      parts.add(
          texts.label(Label.DEADLINE)
              + " "
              + AlertText.time(alert.deadline(), rendering.zone())
              + " ("
              + (d.isNegative() ? texts.overdueBy(d.negated()) : texts.duration(d))
              + ")");
    }
    alert.caseLink().map(URI::toString).ifPresent(parts::add);
    return new Fact(label, String.join(" · ", parts));
  }
}
