package dev.abusedesk.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** {@code receivers:}, each with a name and exactly one kind. */
final class ReceiversSection {

  private ReceiversSection() {}

  /**
   * The receivers read, and every name declared, including those of receivers with problems, so
   * that routes to them are not reported as unknown as well.
   */
  record Declared(List<Receiver> receivers, Set<String> names) {}

  static Declared read(Section root) {
    List<Section.Item> items = root.list("receivers");
    if (items.isEmpty()) {
      Receiver console = Receiver.console();
      return new Declared(List.of(console), Set.of(console.name()));
    }
    List<Receiver> receivers = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Section.Item item : items) {
      read(item, root.document(), names).ifPresent(receivers::add);
    }
    return new Declared(receivers, names);
  }

  private static Optional<Receiver> read(Section.Item item, Document document, Set<String> names) {
    List<String> keys = new ArrayList<>(List.of("name", "mentions", "rate_per_second"));
    keys.addAll(ReceiverKinds.KEYS);
    Optional<Section> opened =
        Section.of(item.node(), item.path(), document, keys.toArray(String[]::new));
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    Section receiver = opened.get();
    Problems.Mark mark = document.problems.mark();
    Optional<String> name = receiver.requiredString("name");
    name.ifPresent(
        n -> {
          checkName(receiver, n);
          if (!names.add(n)) {
            receiver.problem("name", "duplicate receiver " + Document.quote(n));
          }
        });
    List<String> kinds = receiver.keys().stream().filter(ReceiverKinds.KEYS::contains).toList();
    Optional<ReceiverKind> kind = Optional.empty();
    if (kinds.isEmpty()) {
      receiver.problem("needs one kind: " + String.join(", ", ReceiverKinds.KEYS));
    } else if (kinds.size() > 1) {
      receiver.problem("has " + String.join(" and ", kinds) + "; a receiver has exactly one kind");
    } else {
      kind = ReceiverKinds.read(receiver, kinds.get(0));
    }
    List<String> mentions = receiver.strings("mentions");
    Optional<Double> rate = receiver.positiveNumber("rate_per_second");
    if (!mark.clean()) {
      return Optional.empty();
    }
    ReceiverKind theKind = kind.orElseThrow();
    return document.build(
        receiver.path(),
        receiver.node(),
        () ->
            new Receiver(
                name.orElseThrow(),
                theKind,
                mentions,
                rate.map(OptionalDouble::of).orElse(OptionalDouble.empty())));
  }

  private static void checkName(Section receiver, String name) {
    if (!Receiver.NAME.matcher(name).matches()) {
      receiver.problem(
          "name",
          "must be letters, digits, '-', '_' or '.', at most 64, got " + Document.quote(name));
    } else if (name.equals(Receiver.CUSTOMER_MAIL)) {
      receiver.problem("name", Document.quote(name) + " is reserved for the mail to customers");
    }
  }
}
