package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.notify.Texts.Label;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.SenderVerified;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What every receiver says about an alert, in the configured language, so that the same facts
 * appear in every tool. Values that came from a report are cleaned and bounded here but not
 * escaped: each receiver escapes {@code lead}, fact values, {@code awsActions} and {@code excerpt}
 * for its tool. Titles, labels, the warning and the steps are our own words; links and mentions
 * come from the configuration.
 *
 * @param icon an emoji for the type, for tools that show one before the title
 * @param title the title, with the category and the case number
 * @param lead one sentence: why this message is sent (may hold a person's name)
 * @param facts the case at a glance; facts without a value are left out
 * @param warning the sender warning, when the mail failed DKIM verification
 * @param awsActions what AWS says it already did
 * @param excerpt a short excerpt of the complaint, or empty
 * @param steps the response steps, when the team still has to act
 * @param links the case page and the acknowledgement link, when configured
 * @param mentions the receiver's configured mentions, as configured
 */
public record AlertText(
    Texts texts,
    String icon,
    String title,
    String lead,
    List<Fact> facts,
    Optional<String> warning,
    List<String> awsActions,
    String excerpt,
    List<String> steps,
    List<Link> links,
    List<String> mentions) {

  /** Items a list shows before "+N more". */
  static final int MAX_ITEMS = 10;

  /** Characters one item (a resource ID, a name) keeps. */
  static final int MAX_ITEM = 200;

  static final int MAX_EXCERPT = 500;
  static final int MAX_NOTE = 1000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

  /** A labelled value. */
  public record Fact(String label, String value) {
    public Fact {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A labelled link. */
  public record Link(String label, URI uri) {
    public Link {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(uri, "uri");
    }
  }

  public AlertText {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(lead, "lead");
    facts = List.copyOf(facts);
    Objects.requireNonNull(warning, "warning");
    awsActions = List.copyOf(awsActions);
    Objects.requireNonNull(excerpt, "excerpt");
    steps = List.copyOf(steps);
    links = List.copyOf(links);
    mentions = List.copyOf(mentions);
  }

  public static AlertText of(Alert alert, Rendering rendering) {
    Texts texts = Texts.of(rendering.language());
    String cut = texts.truncated();
    Optional<Duration> left = timeLeft(alert, rendering.now());
    boolean overdue = overdue(alert, rendering.now());
    boolean finalNotice = alert.type() == Alert.Type.UPDATE && alert.reportKind() == Kind.FINAL;
    String title = finalNotice ? texts.kindName(Kind.FINAL) : texts.title(alert.type(), overdue);
    if (alert.type() != Alert.Type.TEST) {
      title = texts.caseTitle(title, texts.category(alert.category()), alert.caseId());
    }
    List<Link> links = new ArrayList<>();
    alert.caseLink().ifPresent(uri -> links.add(new Link(texts.label(Label.OPEN_CASE), uri)));
    if (alert.status() == CaseStatus.OPEN) {
      alert.ackLink().ifPresent(uri -> links.add(new Link(texts.label(Label.ACKNOWLEDGE), uri)));
    }
    return new AlertText(
        texts,
        finalNotice ? "🚨" : icon(alert.type(), overdue),
        title,
        lead(alert, texts, left),
        Facts.of(alert, texts, rendering.zone(), left),
        alert.senderVerified() == SenderVerified.FAIL
            ? Optional.of(texts.senderWarning())
            : Optional.empty(),
        bounded(alert.actionsTaken(), MAX_ITEMS, texts).stream()
            .map(a -> Untrusted.line(a, MAX_ITEM, cut))
            .toList(),
        Untrusted.line(alert.complaintExcerpt(), MAX_EXCERPT, cut),
        needsAction(alert) ? texts.steps(alert.category()) : List.of(),
        links,
        rendering.mentions());
  }

  /** The whole message as plain text: the console, mail, and the fallback text of chat tools. */
  public String plain() {
    StringBuilder out = new StringBuilder();
    out.append(icon).append(' ').append(title).append('\n').append(lead).append("\n\n");
    for (Fact fact : facts) {
      out.append(fact.label()).append(": ").append(fact.value()).append('\n');
    }
    warning.ifPresent(w -> out.append("\n⚠ ").append(w).append('\n'));
    if (!awsActions.isEmpty()) {
      out.append('\n').append(texts.label(Label.AWS_ACTIONS)).append(":\n");
      awsActions.forEach(a -> out.append("- ").append(a).append('\n'));
    }
    if (!excerpt.isEmpty()) {
      out.append('\n').append(texts.label(Label.COMPLAINT)).append(":\n");
      out.append(excerpt).append('\n');
    }
    if (!steps.isEmpty()) {
      out.append('\n').append(texts.label(Label.STEPS)).append(":\n");
      numberedSteps().forEach(step -> out.append(step).append('\n'));
    }
    if (!links.isEmpty()) {
      out.append('\n');
      links.forEach(l -> out.append(l.label()).append(": ").append(l.uri()).append('\n'));
    }
    if (!mentions.isEmpty()) {
      out.append('\n').append(String.join(" ", mentions)).append('\n');
    }
    return out.toString();
  }

  /** The same message with another icon and opening line. */
  public AlertText retold(String otherIcon, String otherLead) {
    return new AlertText(
        texts,
        otherIcon,
        title,
        otherLead,
        facts,
        warning,
        awsActions,
        excerpt,
        steps,
        links,
        mentions);
  }

  /** The steps as {@code 1. ...}, {@code 2. ...}. */
  public List<String> numberedSteps() {
    List<String> numbered = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      numbered.add((i + 1) + ". " + steps.get(i));
    }
    return numbered;
  }

  /** {@code 2025-10-15 12:12 JST}: an instant in the configured zone. */
  public static String time(Instant instant, ZoneId zone) {
    String text = TIME.format(instant.atZone(zone));
    return zone.equals(ZoneOffset.UTC) ? text.substring(0, text.length() - 1) + "UTC" : text;
  }

  /** The time to the deadline (negative once late), while a reply is due. */
  static Optional<Duration> timeLeft(Alert alert, Instant now) {
    return alert.deadline() == null || !alert.status().awaitsReply()
        ? Optional.empty()
        : Optional.of(Duration.between(now, alert.deadline()));
  }

  /** Whether the reply is late at {@code now}. */
  static boolean overdue(Alert alert, Instant now) {
    return timeLeft(alert, now).map(Duration::isNegative).orElse(false);
  }

  /** The first {@code max} items, and "+N more" when there are more. */
  static List<String> bounded(List<String> items, int max, Texts texts) {
    if (items.size() <= max) {
      return items;
    }
    List<String> shown = new ArrayList<>(items.subList(0, max));
    shown.add(texts.more(items.size() - max));
    return shown;
  }

  private static boolean needsAction(Alert alert) {
    return alert.type() != Alert.Type.STATUS
        && alert.type() != Alert.Type.CUSTOMER_ANSWERED
        && alert.type() != Alert.Type.CUSTOMER_LATE
        && alert.type() != Alert.Type.CLOSED_BY_AWS
        && alert.type() != Alert.Type.CLOSED_UNVERIFIED
        && alert.reportKind() != Kind.CLOSED
        && !alert.status().isFinished();
  }

  static String icon(Alert.Type type, boolean overdue) {
    return switch (type) {
      case NEW_CASE -> "🚨";
      case UPDATE -> "📨";
      case CLOSED_BY_AWS -> "✅";
      case CLOSED_UNVERIFIED -> "❓";
      case STATUS -> "🔄";
      case REMINDER -> overdue ? "🔥" : "⏰";
      case ESCALATION -> "📣";
      case TEST -> "🧪";
      case CUSTOMER_ANSWERED -> "💬";
      case CUSTOMER_LATE -> "⌛";
    };
  }

  private static String lead(Alert alert, Texts texts, Optional<Duration> left) {
    Optional<String> actor = alert.actor().map(a -> Untrusted.line(a, MAX_ITEM, texts.truncated()));
    return switch (alert.type()) {
      case NEW_CASE, UPDATE ->
          alert.reportKind().asksForReply() && !alert.status().awaitsReply()
              ? texts.settledLead(alert.reportKind(), alert.status())
              : texts.kind(alert.reportKind());
      case CLOSED_BY_AWS -> texts.kind(Kind.CLOSED);
      case CLOSED_UNVERIFIED -> texts.unverifiedCloseLead();
      case STATUS -> texts.statusLead(alert.status(), actor.orElse(""));
      case REMINDER -> left.map(texts::reminderLead).orElse(texts.kind(alert.reportKind()));
      case ESCALATION -> left.map(texts::escalationLead).orElse(texts.kind(alert.reportKind()));
      case TEST -> texts.testLead();
      case CUSTOMER_ANSWERED, CUSTOMER_LATE -> customerLead(alert, texts);
    };
  }

  private static String customerLead(Alert alert, Texts texts) {
    if (alert.customer().isEmpty()) {
      return texts.kind(alert.reportKind());
    }
    Alert.CustomerWord word = alert.customer().get();
    String who = Untrusted.line(word.who(), MAX_ITEM, texts.truncated());
    String account = Untrusted.line(word.accountId(), MAX_ITEM, texts.truncated());
    if (alert.type() == Alert.Type.CUSTOMER_ANSWERED) {
      return texts.customerAnsweredLead(who, account);
    }
    Duration late = Duration.between(word.deadline(), alert.createdAt());
    return texts.customerLateLead(who, account, late.isNegative() ? Duration.ZERO : late);
  }
}
