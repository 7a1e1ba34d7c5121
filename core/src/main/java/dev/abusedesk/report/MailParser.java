package dev.abusedesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one RFC 5322 mail into a report. */
final class MailParser {

  private MailParser() {}

  private static final Pattern AWS_ABUSE_SENDER =
      Pattern.compile(
          "(?i)\\b(?:ec2-abuse|abuse|trustandsafety|trust-and-safety|aws-abuse)"
              + "@(?:[a-z0-9-]+\\.)*(?:amazon\\.com|aws\\.com|amazonaws\\.com)\\b");

  // "Your Amazon EC2 Abuse Report [..]", "Your AWS Abuse Report [Case ID: ..]": an abuse report
  // named as AWS's own, not any subject that mentions one.
  private static final Pattern ABUSE_SUBJECT =
      Pattern.compile(
          "(?i)\\b(?:Amazon\\s+EC2|Amazon\\s+Web\\s+Services|AWS)\\s+Abuse"
              + "(?:\\s+(?:Report|Notification|Notice|Case))?\\b");

  // The sign-off on a line of its own; a sentence naming the team ("AWS Abuse, for one, ...") is
  // not one.
  private static final Pattern AWS_SIGNATURE =
      Pattern.compile("(?im)^[ \\t]*AWS (?:Abuse|Trust (?:&|and) Safety)(?: Team)?[ \\t]*$");

  private static final Pattern REPORTED_ACTIVITY =
      Pattern.compile("(?im)^\\s*Reported Activity\\s*:");

  private static final Pattern ACCOUNT_LINE =
      Pattern.compile("\\bAWS (?:Account )?ID\\s*:\\s*\\d{4}-?\\d{4}-?\\d{4}(?!\\d)");

  private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");

  private static final Pattern DKIM_PASS = Pattern.compile("dkim\\s*=\\s*pass\\b");

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,500}>");

  private static final Pattern DKIM_DOMAIN =
      Pattern.compile("(?i)\\bheader\\.(?:d|i)\\s*=\\s*\"?@?(?:[^@\\s;\"]*@)?([a-z0-9.-]+)");

  private static final Pattern AWS_DKIM_DOMAIN =
      Pattern.compile("(?:^|.*\\.)(?:amazon\\.com|aws\\.com|amazonaws\\.com)");

  /** The report a mail holds, or why the input is no mail at all. */
  static Parsed parse(
      InputStream in,
      Instant readAt,
      Duration defaultDeadline,
      MailChecks checks,
      Optional<byte[]> raw)
      throws IOException {
    MailReader.Mail mail = MailReader.read(in);
    if (mail.headers().isEmpty()) {
      // Binary data, NUL bytes, a bare JSON scalar: whatever the first line is, it is no header.
      return Parsed.unreadable("not a mail (no header fields) nor a JSON event");
    }
    return Parsed.read(report(mail, readAt, defaultDeadline, checks, raw));
  }

  private static Report report(
      MailReader.Mail mail,
      Instant readAt,
      Duration defaultDeadline,
      MailChecks checks,
      Optional<byte[]> raw) {
    Map<String, String> headers = mail.headers();
    List<MailReader.Text> texts = mail.texts();
    List<MailReader.Attached> attached = mail.attached();

    String from = headers.getOrDefault("from", "");
    String subject = headers.getOrDefault("subject", "");
    String dateHeader = headers.getOrDefault("date", "");
    List<String> assumptions = new ArrayList<>();
    String body = primaryText(texts);
    List<String> otherTexts = otherTexts(texts);

    // "Forward as attachment": the colleague's note on top, the AWS mail attached. The attached
    // message stands in for the mail when it reads more like AWS's than the outer one does (an
    // ARF complaint attached to an AWS notice reads less like AWS than the notice).
    MailReader.Attached forwardedAsAttachment = null;
    int best = awsScore(from, subject, body);
    for (MailReader.Attached candidate : attached) {
      Map<String, String> h = candidate.headers();
      String text = candidate.texts().isEmpty() ? "" : candidate.texts().get(0);
      int score = awsScore(h.getOrDefault("from", ""), h.getOrDefault("subject", ""), text);
      if (score >= AWS_THRESHOLD && score > best) {
        best = score;
        forwardedAsAttachment = candidate;
      }
    }
    // Whose Message-ID and threading headers the report carries: the AWS mail's, where it is whole.
    Map<String, String> identity = headers;
    boolean forwarded = false;
    if (forwardedAsAttachment != null) {
      Map<String, String> h = forwardedAsAttachment.headers();
      identity = h;
      forwarded = true;
      List<String> inner = forwardedAsAttachment.texts();
      from = h.getOrDefault("from", "");
      subject = h.getOrDefault("subject", "");
      String ownDate = h.getOrDefault("date", "");
      if (Dates.parse(ownDate).isPresent()) {
        dateHeader = ownDate;
      } else {
        Dates.parse(dateHeader)
            .ifPresent(f -> assumptions.add(new Assumption.ForwardDate(ownDate, f).english()));
      }
      body = inner.isEmpty() ? "" : inner.get(0);
      otherTexts = inner.isEmpty() ? List.of() : inner.subList(1, inner.size());
      attached = List.of();
    }

    Optional<Instant> date = Dates.parse(dateHeader);
    Optional<Forwards.Forwarded> forward = Forwards.find(body);
    if (forward.isPresent()) {
      Forwards.Forwarded f = forward.get();
      forwarded = true;
      body = f.body();
      from = f.from().isEmpty() ? from : f.from();
      subject = f.subject().isEmpty() ? subject : f.subject();
      ForwardedDate.Reading reading = ForwardedDate.inline(f.date(), Dates.written(dateHeader));
      if (reading.at().isPresent()) {
        date = reading.at();
        assumptions.addAll(reading.assumed());
      }
    }
    Optional<Instant> outermost = Dates.parse(headers.get("date"));
    if (forwarded && date.isPresent()) {
      // Whatever the copy says, it was sent before the mail that forwarded it.
      ForwardedDate.Reading reading = ForwardedDate.capped(date.get(), outermost);
      date = reading.at();
      assumptions.addAll(reading.assumed());
    }

    Complaints.Split split = Complaints.split(body);
    AwsWording.Findings found = AwsWording.read(split.aws(), subject);
    Instant receivedAt = date.orElse(readAt);
    SenderVerified verified = senderVerified(headers.get("authentication-results"));
    Provenance provenance = provenance(mail, from, forwarded, checks, raw);
    Report.MailOrigin origin =
        new Report.MailOrigin(
            messageId(identity.get("message-id")),
            from,
            subject,
            messageId(identity.get("in-reply-to")),
            references(identity.getOrDefault("references", "")),
            forwarded);
    String description = Complaints.normalise(split.aws(), 2000);
    boolean abuse = looksLikeAws(from, subject, split.aws());
    if (!abuse) {
      return Report.notAbuse(
          receivedAt, verified, description, origin, mail.truncated(), provenance);
    }

    Complaint complaint =
        Complaints.read(split.complaint(), otherTexts, attached, mail.jsonAttachments());
    Kind kind = found.kind();
    Instant deadline =
        switch (kind) {
          case FINAL -> receivedAt;
          case NOTICE, FOLLOW_UP, REMINDER ->
              receivedAt.plus(
                  found.deadlineHours().isPresent()
                      ? Duration.ofHours(found.deadlineHours().getAsInt())
                      : defaultDeadline);
          default -> null;
        };
    return new Report(
        kind,
        found.category().orElse(Category.OTHER),
        found.accounts(),
        found.regions(),
        found.resources(),
        found.ips(),
        found.caseId(),
        found.caseNumbers(),
        receivedAt,
        deadline,
        verified,
        complaint,
        found.actionsTaken(),
        description,
        origin,
        mail.truncated(),
        provenance,
        assumptions);
  }

  private static String primaryText(List<MailReader.Text> texts) {
    for (MailReader.Text t : texts) {
      if (!t.attachment() && t.mimeType().equals("text/plain") && !t.content().isBlank()) {
        return t.content();
      }
    }
    for (MailReader.Text t : texts) {
      if (!t.attachment() && !t.content().isBlank()) {
        return t.content();
      }
    }
    return "";
  }

  /** Inline texts after the primary one that are not merely its HTML alternative. */
  private static List<String> otherTexts(List<MailReader.Text> texts) {
    List<String> others = new ArrayList<>();
    boolean primarySeen = false;
    for (MailReader.Text t : texts) {
      if (!primarySeen && !t.attachment() && !t.content().isBlank()) {
        primarySeen = true;
        continue;
      }
      if (primarySeen && !t.inAlternative() && !t.content().isBlank()) {
        others.add(t.content());
      }
    }
    return others;
  }

  private static final int AWS_THRESHOLD = 2;

  /** Whether a mail reads as an AWS abuse report (a spoofed one included: DKIM tells those). */
  static boolean looksLikeAws(String from, String subject, String text) {
    return awsScore(from, subject, text) >= AWS_THRESHOLD;
  }

  /**
   * How much a mail reads like an AWS abuse report: the sender and the subject weigh two each, the
   * template's own lines one each. Words alone ("abuse", "AWS") weigh nothing: newsletters and
   * AWS's other mail use them too.
   */
  static int awsScore(String from, String subject, String text) {
    int score = 0;
    if (AWS_ABUSE_SENDER.matcher(from).find()) {
      score += 2;
    }
    if (ABUSE_SUBJECT.matcher(subject).find()) {
      score += 2;
    }
    String head = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    String lower = KeywordScan.lower(head);
    if (KeywordScan.firstLine(AWS_SIGNATURE, head, lower, "aws").isPresent()) {
      score++;
    }
    if (KeywordScan.firstLine(REPORTED_ACTIVITY, head, lower, "reported").isPresent()) {
      score++;
    }
    if (!KeywordScan.matches(ACCOUNT_LINE, head, lower, 1, "aws").isEmpty()) {
      score++;
    }
    return score;
  }

  /**
   * Whether the mail is AWS's: a trusted server's check when there is one, else Abuse Desk's own
   * DKIM check of the mail as received (when the raw bytes and a key source are at hand).
   */
  private static Provenance provenance(
      MailReader.Mail mail,
      String from,
      boolean forwarded,
      MailChecks checks,
      Optional<byte[]> raw) {
    List<String> results = mail.authenticationResults();
    Optional<String> forwardedBy =
        forwarded ? Optional.of(mail.headers().getOrDefault("from", "")) : Optional.empty();
    if (forwardedBy.isEmpty()
        && MailProvenance.trustedHeader(results, checks.trustedAuthservIds()).isEmpty()
        && raw.isPresent()
        && checks.dkimKeys().isPresent()) {
      return DkimCheck.of(raw.get(), from, checks.dkimKeys().get());
    }
    return MailProvenance.of(results, from, forwardedBy, checks.trustedAuthservIds());
  }

  /** The verdict of the topmost Authentication-Results header, the one our own server added. */
  static SenderVerified senderVerified(String header) {
    if (header == null) {
      return SenderVerified.UNKNOWN;
    }
    String value = COMMENT.matcher(header).replaceAll(" ");
    for (String result : value.split(";")) {
      String r = result.strip().toLowerCase(Locale.ROOT);
      if (!DKIM_PASS.matcher(r).lookingAt()) {
        continue;
      }
      java.util.regex.Matcher d = DKIM_DOMAIN.matcher(r);
      while (d.find()) {
        if (AWS_DKIM_DOMAIN.matcher(d.group(1)).matches()) {
          return SenderVerified.PASS;
        }
      }
    }
    return SenderVerified.FAIL;
  }

  private static String messageId(String value) {
    if (value == null) {
      return "";
    }
    java.util.regex.Matcher m = MESSAGE_ID.matcher(value);
    return m.find() ? m.group() : value.strip();
  }

  private static List<String> references(String value) {
    List<String> ids = new ArrayList<>();
    java.util.regex.Matcher m = MESSAGE_ID.matcher(value);
    while (m.find() && ids.size() < 50) {
      ids.add(m.group());
    }
    return ids;
  }
}
