package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Account;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.SenderVerified;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alert one report alone would make, without a case store: what {@code abusedesk render} and
 * {@code notify-test} show, and what the golden files render. The outbox builds its alerts from the
 * joined case instead.
 */
public final class ReportAlert {

  private ReportAlert() {}

  /** The message type a report of this kind starts. */
  public static Alert.Type typeFor(Kind kind) {
    return switch (kind) {
      case NOTICE -> Alert.Type.NEW_CASE;
      case CLOSED -> Alert.Type.CLOSED_BY_AWS;
      case FOLLOW_UP, REMINDER, FINAL, NOT_ABUSE -> Alert.Type.UPDATE;
    };
  }

  /**
   * @param registry the configured accounts, for names and customers
   * @param publicUrl the dashboard, for the case link
   * @throws IllegalArgumentException for a report that is not abuse
   */
  public static Alert of(
      Report report,
      Alert.Type type,
      long caseId,
      List<Account> registry,
      Optional<URI> publicUrl,
      Instant now) {
    if (!report.isAbuse()) {
      throw new IllegalArgumentException("not an abuse report: nothing to alert");
    }
    List<Alert.AccountLine> accounts =
        report.accounts().stream()
            .map(
                id ->
                    registry.stream()
                        .filter(a -> a.id().equals(id))
                        .findFirst()
                        .map(a -> new Alert.AccountLine(id, a.name(), a.customer(), true))
                        .orElse(
                            new Alert.AccountLine(id, Optional.empty(), Optional.empty(), false)))
            .toList();
    String excerpt =
        report.complaint().excerpt().isEmpty()
            ? report.description()
            : report.complaint().excerpt();
    return new Alert(
        type,
        caseId,
        report.kind() == Kind.CLOSED ? CaseStatus.CLOSED_BY_AWS : CaseStatus.OPEN,
        report.category(),
        accounts,
        report.regions(),
        report.resources(),
        report.ips(),
        report.caseId(),
        report.kind(),
        report.channel(),
        report.receivedAt(),
        report.deadline(),
        // The warning goes by provenance: only the operator's own servers' checks count.
        report.provenance().forged()
            ? SenderVerified.FAIL
            : report.provenance().verified() ? SenderVerified.PASS : SenderVerified.UNKNOWN,
        excerpt,
        report.actionsTaken(),
        Optional.empty(),
        Optional.empty(),
        "",
        publicUrl.map(url -> URI.create(url.toString().replaceAll("/+$", "") + "/cases/" + caseId)),
        Optional.empty(),
        now);
  }
}
