package dev.abusedesk.cases;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.Provenance;
import dev.abusedesk.report.Report;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one abuse report from AWS says, as far as its case's status is concerned, and the rule that
 * turns it into the case's next status. Pure: {@link Recording} reads the case row, asks {@link
 * #applyTo}, and writes the answer.
 *
 * <p>AWS closing a case counts until AWS asks for a reply again later; only a verified closing mail
 * closes (anyone can write one), an unverified one leaves a note for a person. A request for a
 * reply reopens a case AWS had closed, or one the team had settled before AWS wrote again.
 *
 * @param kind the report's kind; never {@link Kind#NOT_ABUSE}, which has no case
 * @param provenance whether the report is known to be AWS's
 * @param category the abuse the report names
 * @param at when AWS said it ({@link Recording#effectiveAt})
 */
record AwsSaid(Kind kind, Provenance provenance, Category category, Instant at) {

  AwsSaid {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.NOT_ABUSE) {
      throw new IllegalArgumentException("a report that is not about abuse says nothing to a case");
    }
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(at, "at");
  }

  static AwsSaid of(Report report, Instant at) {
    return new AwsSaid(report.kind(), report.provenance(), report.category(), at);
  }

  /**
   * Where a case stands, in the columns AWS's reports decide on.
   *
   * @param awsClosedAt when AWS last closed it, verified, or {@code null}
   * @param lastRequestAt when AWS last asked for a reply, or {@code null}
   * @param repliedAt when the team first replied, or {@code null}
   * @param acknowledged whether someone has taken the case
   */
  record Standing(
      CaseStatus status,
      Category category,
      Instant awsClosedAt,
      Instant lastRequestAt,
      Instant repliedAt,
      boolean acknowledged) {
    Standing {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(category, "category");
    }

    static Standing of(CaseRows.Row row) {
      return new Standing(
          row.status(),
          row.category(),
          row.awsClosedAt(),
          row.lastRequestAt(),
          row.repliedAt(),
          row.acknowledgedBy() != null);
    }
  }

  /**
   * The case after the report.
   *
   * @param reason why the status changed, for the history; empty when it did not change
   * @param note a note for the history that needs a person's eye, if any
   */
  record Outcome(
      CaseStatus status,
      Category category,
      Instant awsClosedAt,
      Instant lastRequestAt,
      String reason,
      Optional<String> note) {
    Outcome {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(note, "note");
    }
  }

  /** Whether this is a closing mail that could not be shown to be AWS's. */
  private boolean unverifiedClose() {
    return kind == Kind.CLOSED && !provenance.verified();
  }

  Outcome applyTo(Standing before) {
    Instant closedAt = before.awsClosedAt();
    Instant requestAt = before.lastRequestAt();
    if (kind == Kind.CLOSED && provenance.verified()) {
      closedAt = later(closedAt, at);
    }
    if (kind.asksForReply()) {
      requestAt = later(requestAt, at);
    }
    boolean awsClosed = closedAt != null && (requestAt == null || !closedAt.isBefore(requestAt));
    CaseStatus status = before.status();
    CaseStatus next = status;
    String reason = "";
    if (awsClosed && status != CaseStatus.RESOLVED && status != CaseStatus.CLOSED_BY_AWS) {
      next = CaseStatus.CLOSED_BY_AWS;
      reason = SystemNotes.AWS_CLOSED;
    } else if (!awsClosed && kind.asksForReply()) {
      boolean afterReply = before.repliedAt() != null && at.isAfter(before.repliedAt());
      if (status == CaseStatus.CLOSED_BY_AWS || (afterReply && !status.awaitsReply())) {
        next = before.acknowledged() ? CaseStatus.ACKNOWLEDGED : CaseStatus.OPEN;
        reason = "AWS sent a " + kind.wire() + " after the case was settled: a reply is due";
      }
    }
    Category nextCategory =
        before.category() == Category.OTHER && category != Category.OTHER
            ? category
            : before.category();
    Optional<String> note = Optional.empty();
    if (unverifiedClose() && status.awaitsReply()) {
      // Only AWS may close a case by mail, and this mail cannot show it is AWS's: a person looks.
      note =
          Optional.of(
              SystemNotes.UNVERIFIED_CLOSE
                  + " ("
                  + provenance.basis()
                  + "): the case stays open until someone confirms");
    }
    return new Outcome(next, nextCategory, closedAt, requestAt, reason, note);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
