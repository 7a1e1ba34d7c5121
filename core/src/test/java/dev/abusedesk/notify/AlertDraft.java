package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An alert changed in the few ways tests need: copy one, change some fields, build. */
final class AlertDraft {

  private final Alert base;
  private long caseId;
  private Optional<URI> caseLink;
  private Alert.Type type;
  private CaseStatus status;
  private List<Alert.AccountLine> accounts;
  private List<String> resources;
  private List<String> ips;
  private String complaintExcerpt;
  private List<String> actionsTaken;
  private Optional<String> owner;
  private Optional<String> actor;
  private String note;
  private Optional<URI> ackLink;
  private Optional<Alert.CustomerWord> customer = Optional.empty();

  private AlertDraft(Alert base) {
    this.base = base;
    caseId = base.caseId();
    caseLink = base.caseLink();
    type = base.type();
    status = base.status();
    accounts = base.accounts();
    resources = base.resources();
    ips = base.ips();
    complaintExcerpt = base.complaintExcerpt();
    actionsTaken = base.actionsTaken();
    owner = base.owner();
    actor = base.actor();
    note = base.note();
    ackLink = base.ackLink();
  }

  static AlertDraft of(Alert base) {
    return new AlertDraft(base);
  }

  /** Another case, with its own case page. */
  AlertDraft caseId(long value) {
    caseId = value;
    caseLink = base.caseLink().map(uri -> uri.resolve(Long.toString(value)));
    return this;
  }

  AlertDraft type(Alert.Type value) {
    type = value;
    return this;
  }

  AlertDraft status(CaseStatus value) {
    status = value;
    return this;
  }

  AlertDraft accounts(List<Alert.AccountLine> value) {
    accounts = value;
    return this;
  }

  AlertDraft resources(List<String> value) {
    resources = value;
    return this;
  }

  AlertDraft ips(List<String> value) {
    ips = value;
    return this;
  }

  AlertDraft complaint(String value) {
    complaintExcerpt = value;
    return this;
  }

  AlertDraft actionsTaken(List<String> value) {
    actionsTaken = value;
    return this;
  }

  AlertDraft owner(String value) {
    owner = Optional.of(value);
    return this;
  }

  AlertDraft actor(String value) {
    actor = Optional.of(value);
    return this;
  }

  AlertDraft note(String value) {
    note = value;
    return this;
  }

  AlertDraft ackLink(URI value) {
    ackLink = Optional.of(value);
    return this;
  }

  AlertDraft customer(Alert.Type value, Alert.CustomerWord word) {
    type = value;
    customer = Optional.of(word);
    return this;
  }

  Alert build() {
    return new Alert(
        type,
        caseId,
        status,
        base.category(),
        accounts,
        base.regions(),
        resources,
        ips,
        base.awsCaseId(),
        base.reportKind(),
        base.channel(),
        base.receivedAt(),
        base.deadline(),
        base.senderVerified(),
        complaintExcerpt,
        actionsTaken,
        owner,
        actor,
        note,
        caseLink,
        ackLink,
        base.createdAt(),
        customer);
  }
}
