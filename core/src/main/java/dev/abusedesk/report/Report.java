package dev.abusedesk.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one AWS abuse report says: the parsed form of one email or one AWS Health event.
 *
 * @param kind where the report stands in the life of a case
 * @param category the abuse reported; {@code null} exactly when the kind is {@link Kind#NOT_ABUSE}
 * @param accounts sorted unique 12-digit affected account IDs
 * @param regions sorted unique regions
 * @param resources sorted unique resource IDs (EC2 ARNs reduced to their ID)
 * @param ips sorted unique IPs of the implicated resources
 * @param caseId the AWS case number (email) or event ARN (Health), or {@code null}
 * @param awsCaseNumbers every AWS case number the report names, for joining channels
 * @param receivedAt when AWS sent it
 * @param deadline when AWS expects a reply, or {@code null} when it expects none
 * @param senderVerified DKIM verdict of the receiving server (always unknown for Health)
 * @param complaint the third party's complaint, as far as the report embeds one
 * @param actionsTaken what AWS says it already did (blocked ports, stopped instances)
 * @param description a bounded excerpt of the AWS-written text
 * @param origin channel-specific identity: mail headers or Health event fields
 * @param truncated whether a size limit cut the input short while reading it
 * @param provenance whether it is known to be what AWS said, and why
 * @param assumptions what reading it assumed where the input was ambiguous (a forwarded date
 *     without a zone, say), each a sentence for the case page; empty when nothing was assumed
 */
public record Report(
    Kind kind,
    Category category,
    List<String> accounts,
    List<String> regions,
    List<String> resources,
    List<String> ips,
    String caseId,
    List<String> awsCaseNumbers,
    Instant receivedAt,
    Instant deadline,
    SenderVerified senderVerified,
    Complaint complaint,
    List<String> actionsTaken,
    String description,
    Origin origin,
    boolean truncated,
    Provenance provenance,
    List<String> assumptions) {

  public Report {
    Objects.requireNonNull(kind, "kind");
    if ((category == null) != (kind == Kind.NOT_ABUSE)) {
      throw new IllegalArgumentException("category must be null exactly for not_abuse");
    }
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    resources = List.copyOf(resources);
    ips = List.copyOf(ips);
    awsCaseNumbers = List.copyOf(awsCaseNumbers);
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(senderVerified, "senderVerified");
    Objects.requireNonNull(complaint, "complaint");
    actionsTaken = List.copyOf(actionsTaken);
    description = description == null ? "" : description;
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(provenance, "provenance");
    assumptions = List.copyOf(assumptions);
  }

  /** The same report naming these resources and IPs (several Health pages merged into one). */
  public Report withResources(List<String> otherResources, List<String> otherIps, boolean cut) {
    return new Report(
        kind,
        category,
        accounts,
        regions,
        otherResources,
        otherIps,
        caseId,
        awsCaseNumbers,
        receivedAt,
        deadline,
        senderVerified,
        complaint,
        actionsTaken,
        description,
        origin,
        cut,
        provenance,
        assumptions);
  }

  /** A mail or event that is not an abuse report: kept for audit, naming nothing. */
  public static Report notAbuse(
      Instant receivedAt,
      SenderVerified senderVerified,
      String description,
      Origin origin,
      boolean truncated,
      Provenance provenance) {
    return new Report(
        Kind.NOT_ABUSE,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        receivedAt,
        null,
        senderVerified,
        Complaint.NONE,
        List.of(),
        description,
        origin,
        truncated,
        provenance,
        List.of());
  }

  public Channel channel() {
    return origin.channel();
  }

  public boolean isAbuse() {
    return kind != Kind.NOT_ABUSE;
  }

  /** Channel-specific identity of a report. */
  public sealed interface Origin permits MailOrigin, HealthOrigin {
    Channel channel();
  }

  /**
   * The mail a report came in.
   *
   * @param forwarded whether a person forwarded the AWS mail, inline or as an attached message; the
   *     other fields then describe the forwarded AWS mail where its quoted header block (inline) or
   *     its own headers (attached) name them
   */
  public record MailOrigin(
      String messageId,
      String from,
      String subject,
      String inReplyTo,
      List<String> references,
      boolean forwarded)
      implements Origin {
    public MailOrigin {
      messageId = messageId == null ? "" : messageId;
      from = from == null ? "" : from;
      subject = subject == null ? "" : subject;
      inReplyTo = inReplyTo == null ? "" : inReplyTo;
      references = List.copyOf(references);
    }

    @Override
    public Channel channel() {
      return Channel.EMAIL;
    }

    /** Whether the sender's address is at an AWS or Amazon domain. */
    public boolean fromAws() {
      java.util.regex.Matcher address = ADDRESS.matcher(from);
      String last = null;
      while (address.find()) {
        last = address.group(1);
      }
      return last != null && AWS_DOMAIN.matcher(last).matches();
    }

    private static final java.util.regex.Pattern ADDRESS =
        java.util.regex.Pattern.compile("[^<>\\s\"@]+@([^<>\\s\"@]+)");
    private static final java.util.regex.Pattern AWS_DOMAIN =
        java.util.regex.Pattern.compile(
            "(?i)(?:[a-z0-9-]+\\.)*(?:amazon\\.com|aws\\.com|amazonaws\\.com)\\.?");
  }

  /** The AWS Health event a report came in. */
  public record HealthOrigin(
      String eventArn,
      String service,
      String eventTypeCode,
      String communicationId,
      int page,
      int totalPages,
      Instant lastUpdatedAt,
      String statusCode,
      boolean backupEvent)
      implements Origin {
    public HealthOrigin {
      Objects.requireNonNull(eventArn, "eventArn");
      service = service == null ? "" : service;
      eventTypeCode = eventTypeCode == null ? "" : eventTypeCode;
      communicationId = communicationId == null ? "" : communicationId;
      statusCode = statusCode == null ? "" : statusCode;
    }

    @Override
    public Channel channel() {
      return Channel.HEALTH;
    }

    /** The communication ID without its page suffix: the same for every page of one event. */
    public String baseCommunicationId() {
      int dash = communicationId.lastIndexOf('-');
      return dash > 0 ? communicationId.substring(0, dash) : communicationId;
    }
  }
}
