package dev.abusedesk.config;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** {@code routes:}, the ordered list that sends cases to receivers. */
final class RoutesSection {

  private RoutesSection() {}

  static List<Route> read(Section root, ReceiversSection.Declared declared) {
    if (!root.has("routes")) {
      // Without receivers every receiver had a problem, already reported.
      return declared.receivers().isEmpty()
          ? List.of()
          : List.of(Route.toAll(declared.receivers()));
    }
    List<Route> routes = new ArrayList<>();
    boolean hasDefault = false;
    for (Section.Item item : root.list("routes")) {
      Read read = read(item, root.document(), declared.names());
      hasDefault |= read.isDefault();
      read.route().ifPresent(routes::add);
    }
    if (!hasDefault && root.value("routes") instanceof SequenceNode) {
      root.document()
          .problems
          .addAfter(
              root.path("routes"),
              root.value("routes"),
              "needs a default route: one without match, last in the list");
    }
    return routes;
  }

  /** A route, if it could be read, and whether it has no condition: known even with problems. */
  private record Read(Optional<Route> route, boolean isDefault) {}

  /** What is wrong with a name from {@code receivers}-referring lists, if anything. */
  static Function<String, Optional<String>> existing(Set<String> names) {
    return name ->
        names.contains(name)
            ? Optional.empty()
            : Optional.of("unknown receiver " + Document.quote(name));
  }

  private static Read read(Section.Item item, Document document, Set<String> names) {
    Optional<Section> opened =
        Section.of(item.node(), item.path(), document, "match", "receivers", "continue");
    if (opened.isEmpty()) {
      return new Read(Optional.empty(), false);
    }
    Section route = opened.get();
    Problems.Mark mark = document.problems.mark();
    Match match = route.section("match", MATCH_KEYS).map(RoutesSection::match).orElse(Match.any());
    boolean isDefault = mark.clean() && match.isAny();
    List<String> receivers = List.of();
    if (route.require("receivers")) {
      receivers = route.strings("receivers", existing(names));
      Set<String> seen = new HashSet<>();
      for (String name : receivers) {
        if (!seen.add(name)) {
          route.problem("receivers", "names " + Document.quote(name) + " twice");
        }
      }
      if (route.isEmptyList("receivers")) {
        route.problem("receivers", "needs at least one receiver");
      }
    }
    boolean continueMatching = route.bool("continue").orElse(false);
    if (!mark.clean()) {
      return new Read(Optional.empty(), isDefault);
    }
    return new Read(Optional.of(new Route(match, receivers, continueMatching)), isDefault);
  }

  /** The keys of a match, wherever one is written. */
  static final String[] MATCH_KEYS = {"account", "customer", "label", "category", "kind"};

  /** A match's conditions; each bad value is reported and left out. */
  static Match match(Section match) {
    List<String> accounts =
        match.strings(
            "account",
            id ->
                Account.isAccountId(id)
                    ? Optional.empty()
                    : Optional.of("must be 12 digits, got " + Document.quote(id)));
    List<String> customers = match.strings("customer");
    Map<String, String> labels = match.stringMap("label");
    List<Category> categories = new ArrayList<>();
    for (String wire : match.strings("category", wireName(Category.values(), "category"))) {
      categories.add(Category.fromWire(wire));
    }
    List<Kind> kinds = new ArrayList<>();
    for (String wire : match.strings("kind", wireName(Kind.values(), "kind"))) {
      kinds.add(Kind.fromWire(wire));
    }
    return new Match(
        Ordered.set(accounts),
        Ordered.set(customers),
        labels,
        Ordered.set(categories),
        Ordered.set(kinds));
  }

  private static Function<String, Optional<String>> wireName(Enum<?>[] values, String what) {
    List<String> names = new ArrayList<>();
    for (Enum<?> value : values) {
      names.add(value.name().toLowerCase(Locale.ROOT));
    }
    return text ->
        names.contains(text)
            ? Optional.empty()
            : Optional.of(
                "unknown "
                    + what
                    + " "
                    + Document.quote(text)
                    + "; one of "
                    + String.join(", ", names));
  }
}
