package dev.abusedesk.notify;

import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The facts of an alert, in the order people read them; report values cleaned and bounded. */
final class Facts {

  private final Texts texts;
  private final List<Fact> facts = new ArrayList<>();

  private Facts(Texts texts) {
    this.texts = texts;
  }

  static List<Fact> of(Alert alert, Texts texts, ZoneId zone, Optional<Duration> left) {
    Facts f = new Facts(texts);
    f.add(Label.STATUS, texts.status(alert.status()));
    f.add(Label.CATEGORY, texts.category(alert.category()));
    f.list(Label.ACCOUNT, alert.accounts().stream().map(f::account).toList());
    f.list(
        Label.CUSTOMER,
        alert.accounts().stream()
            .map(Alert.AccountLine::customer)
            .flatMap(Optional::stream)
            .distinct()
            .toList());
    f.list(Label.REGIONS, alert.regions());
    f.list(Label.RESOURCES, alert.resources());
    f.list(Label.IPS, alert.ips());
    f.add(Label.AWS_CASE, f.clean(alert.awsCaseId()));
    f.add(
        Label.REPORT, texts.kindName(alert.reportKind()) + " · " + texts.channel(alert.channel()));
    f.add(Label.RECEIVED, AlertText.time(alert.receivedAt(), zone));
    if (left.isPresent()) {
      f.add(Label.DEADLINE, AlertText.time(alert.deadline(), zone));
      Duration d = left.get();
      f.add(Label.TIME_LEFT, d.isNegative() ? texts.overdueBy(d.negated()) : texts.duration(d));
    }
    alert.owner().ifPresent(owner -> f.add(Label.OWNER, f.clean(owner)));
    if (alert.type() == Alert.Type.STATUS) {
      alert.actor().ifPresent(actor -> f.add(Label.CHANGED_BY, f.clean(actor)));
    }
    f.add(Label.NOTE, Untrusted.line(alert.note(), AlertText.MAX_NOTE, texts.truncated()));
    alert.customer().ifPresent(word -> f.customer(word, zone));
    return List.copyOf(f.facts);
  }

  /** A customer's word: their texts cleaned to one line each, cut to fit; receivers escape them. */
  private void customer(Alert.CustomerWord word, ZoneId zone) {
    add(Label.CUSTOMER_CONTACT, clean(word.who()));
    word.verdict().ifPresent(v -> add(Label.CUSTOMER_VERDICT, texts.verdict(v)));
    add(Label.CUSTOMER_STOPPED, answerText(word.stopped()));
    add(Label.CUSTOMER_CHANGED, answerText(word.changed()));
    add(Label.CUSTOMER_MORE_TIME, answerText(word.moreTimeBecause()));
    add(Label.CUSTOMER_DEADLINE, AlertText.time(word.deadline(), zone));
  }

  private String answerText(String text) {
    return Untrusted.line(text, AlertText.MAX_NOTE, texts.truncated());
  }

  private void add(Label label, String value) {
    if (!value.isEmpty()) {
      facts.add(new Fact(texts.label(label), value));
    }
  }

  private void list(Label label, List<String> values) {
    List<String> cleaned = values.stream().map(this::clean).filter(v -> !v.isEmpty()).toList();
    add(label, String.join(", ", AlertText.bounded(cleaned, AlertText.MAX_ITEMS, texts)));
  }

  private String clean(String value) {
    return Untrusted.line(
        Objects.requireNonNullElse(value, ""), AlertText.MAX_ITEM, texts.truncated());
  }

  private String account(Alert.AccountLine line) {
    StringBuilder text = new StringBuilder(line.id());
    line.name().ifPresent(name -> text.append(' ').append(name));
    if (!line.registered()) {
      text.append(" (").append(texts.unregistered()).append(')');
    }
    return text.toString();
  }
}
