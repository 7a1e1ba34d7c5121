package dev.abusedesk.notify;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Account;
import dev.abusedesk.report.Report;
import dev.abusedesk.route.AccountRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds alerts from what the store holds: the case, the report at hand, the account registry. */
public final class Alerts {

  /** Makes the signed acknowledgement link of a case, when the dashboard is reachable. */
  @FunctionalInterface
  public interface Links {
    Optional<URI> caseLink(long caseId);

    default Optional<URI> ackLink(long caseId) {
      return Optional.empty();
    }

    Links NONE = caseId -> Optional.empty();
  }

  private final AccountRegistry registry;
  private final Links links;

  public Alerts(AccountRegistry registry, Links links) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.links = Objects.requireNonNull(links, "links");
  }

  /** The alert for a report just recorded into a case. */
  public Alert forReport(Alert.Type type, Case c, Report report, Instant now) {
    return build(type, c, report, Optional.empty(), "", now);
  }

  /**
   * The alert for a person's change, a reminder or an escalation, about the case's latest report.
   */
  public Alert about(
      Alert.Type type, Case c, Report latest, Optional<String> actor, String note, Instant now) {
    return build(type, c, latest, actor, note, now);
  }

  private Alert build(
      Alert.Type type, Case c, Report report, Optional<String> actor, String note, Instant now) {
    List<Alert.AccountLine> accounts =
        c.accounts().stream()
            .map(
                id -> {
                  Optional<Account> known = registry.find(id);
                  return new Alert.AccountLine(
                      id,
                      known.flatMap(Account::name),
                      known.flatMap(Account::customer),
                      known.isPresent());
                })
            .toList();
    String awsCaseId =
        report.caseId() != null
            ? report.caseId()
            : c.awsCaseIds().isEmpty() ? "" : c.awsCaseIds().get(0);
    boolean awaits = c.status().awaitsReply();
    return new Alert(
        type,
        c.id(),
        c.status(),
        c.category(),
        accounts,
        c.regions(),
        c.resources(),
        c.ips(),
        awsCaseId,
        report.kind(),
        report.channel(),
        report.receivedAt(),
        awaits ? c.deadline() : null,
        report.senderVerified(),
        report.complaint().excerpt(),
        report.actionsTaken(),
        Optional.ofNullable(c.acknowledgedBy()),
        actor,
        note,
        links.caseLink(c.id()),
        c.status() == CaseStatus.OPEN ? links.ackLink(c.id()) : Optional.empty(),
        now);
  }
}
