package dev.abusedesk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The flat sections: storage, reminders, dashboard, reply, health_api and logging. */
final class SimpleSections {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d{1,2}");

  private SimpleSections() {}

  static Storage storage(Section root) {
    Optional<Section> opened = root.section("storage", "data_dir", "url", "username", "password");
    if (opened.isEmpty()) {
      return Storage.embedded();
    }
    Section storage = opened.get();
    Problems.Mark mark = storage.document().problems.mark();
    Optional<Path> dataDir = storage.filePath("data_dir");
    // The URL may hold a password: never quote it.
    Optional<String> url =
        storage
            .string("url")
            .filter(
                u -> {
                  boolean ok = u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:sqlite:");
                  if (!ok) {
                    storage.problem("url", "must start with jdbc:postgresql: or jdbc:sqlite:");
                  }
                  return ok;
                });
    Optional<String> username = storage.string("username");
    Optional<Secret> password = storage.secret("password");
    for (String key : List.of("username", "password")) {
      if (storage.has(key) && !storage.has("url")) {
        storage.problem(key, "only used with url");
      }
    }
    return mark.clean() ? new Storage(dataDir, url, username, password) : Storage.embedded();
  }

  static Reminders reminders(Section root, Set<String> receivers) {
    Optional<Section> opened =
        root.section(
            "reminders",
            "offsets",
            "acknowledged_offsets",
            "escalate_at",
            "escalation_receivers",
            "overdue_interval");
    Reminders defaults = Reminders.defaults();
    if (opened.isEmpty()) {
      return defaults;
    }
    Section reminders = opened.get();
    Problems.Mark mark = reminders.document().problems.mark();
    List<Duration> offsets = durations(reminders, "offsets").orElse(defaults.offsets());
    List<Duration> acknowledged =
        durations(reminders, "acknowledged_offsets").orElse(defaults.acknowledgedOffsets());
    Duration escalateAt = reminders.duration("escalate_at").orElse(defaults.escalateAt());
    List<String> escalation =
        reminders.strings("escalation_receivers", RoutesSection.existing(receivers));
    Duration overdue = reminders.duration("overdue_interval").orElse(defaults.overdueInterval());
    return mark.clean()
        ? new Reminders(offsets, acknowledged, escalateAt, escalation, overdue)
        : defaults;
  }

  static Dashboard dashboard(Section root) {
    Optional<Section> opened =
        root.section("dashboard", "users", "token", "link_secret", "session_hours");
    if (opened.isEmpty()) {
      return Dashboard.defaults();
    }
    Section dashboard = opened.get();
    Document document = dashboard.document();
    Problems.Mark mark = document.problems.mark();
    List<Dashboard.User> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Section.Item item : dashboard.list("users")) {
      Section.of(item.node(), item.path(), document, "name", "password_hash")
          .ifPresent(
              user -> {
                Optional<String> name = user.requiredString("name");
                name.filter(n -> !names.add(n))
                    .ifPresent(n -> user.problem("name", "duplicate user " + Document.quote(n)));
                // The hash is not quoted: it is worth guessing against.
                Optional<String> hash =
                    user.requiredString("password_hash")
                        .filter(
                            h -> {
                              boolean ok = PasswordHash.isWellFormed(h);
                              if (!ok) {
                                user.problem(
                                    "password_hash",
                                    "not a pbkdf2-sha256 hash; make one with abusedesk hash-password");
                              }
                              return ok;
                            });
                if (name.isPresent() && hash.isPresent()) {
                  users.add(new Dashboard.User(name.get(), hash.get()));
                }
              });
    }
    Optional<Secret> token = dashboard.secret("token");
    Optional<Secret> linkSecret = dashboard.secret("link_secret");
    if (linkSecret
        .filter(s -> s.problem().isEmpty())
        .map(s -> s.reveal().length() < Dashboard.MIN_LINK_SECRET_LENGTH)
        .orElse(false)) {
      dashboard.problem(
          "link_secret", "must be at least " + Dashboard.MIN_LINK_SECRET_LENGTH + " characters");
    }
    int sessionHours =
        dashboard.integer("session_hours", 1, 720).orElse(Dashboard.DEFAULT_SESSION_HOURS);
    return mark.clean()
        ? new Dashboard(users, token, linkSecret, sessionHours)
        : Dashboard.defaults();
  }

  static Optional<Reply> reply(Section root) {
    return root.section(
            "reply", "host", "port", "starttls", "username", "password", "from", "aws_addresses")
        .flatMap(
            reply -> {
              Problems.Mark mark = reply.document().problems.mark();
              Optional<String> host = reply.requiredHost("host");
              int port = reply.port("port").orElse(Reply.DEFAULT_PORT);
              boolean starttls = reply.bool("starttls").orElse(true);
              Optional<String> username = reply.string("username");
              Optional<Secret> password = reply.secret("password");
              reply.together("username", "password");
              Optional<String> from = reply.requiredEmail("from");
              List<String> awsAddresses =
                  reply.has("aws_addresses")
                      ? reply.strings(
                          "aws_addresses",
                          value ->
                              Reply.isAwsAddress(value)
                                  ? Optional.empty()
                                  : Optional.of(
                                      "not an address at amazon.com, aws.com or amazonaws.com: "
                                          + Document.quote(value)))
                      : Reply.DEFAULT_AWS_ADDRESSES;
              if (reply.isEmptyList("aws_addresses")) {
                reply.problem(
                    "aws_addresses",
                    "must name at least one address; without a reply section nothing is sent");
              }
              return mark.clean()
                  ? Optional.of(
                      new Reply(
                          host.orElseThrow(),
                          port,
                          starttls,
                          username,
                          password,
                          from.orElseThrow(),
                          awsAddresses))
                  : Optional.empty();
            });
  }

  static HealthApi healthApi(Section root) {
    Optional<Section> opened =
        root.section(
            "health_api", "enabled", "organization_view", "interval", "region", "endpoint");
    if (opened.isEmpty()) {
      return HealthApi.defaults();
    }
    Section health = opened.get();
    Problems.Mark mark = health.document().problems.mark();
    boolean enabled = health.bool("enabled").orElse(false);
    boolean organizationView = health.bool("organization_view").orElse(false);
    Duration interval = health.duration("interval").orElse(HealthApi.DEFAULT_INTERVAL);
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      health.problem("interval", "must be at least 1m");
    }
    String region =
        health
            .string("region")
            .filter(
                r -> {
                  boolean ok = REGION.matcher(r).matches();
                  if (!ok) {
                    health.problem("region", "not an AWS region: " + Document.quote(r));
                  }
                  return ok;
                })
            .orElse(HealthApi.DEFAULT_REGION);
    Optional<URI> endpoint = health.url("endpoint");
    return mark.clean()
        ? new HealthApi(enabled, organizationView, interval, region, endpoint)
        : HealthApi.defaults();
  }

  static Logging logging(Section root) {
    Optional<Section> opened = root.section("logging", "format", "level");
    if (opened.isEmpty()) {
      return Logging.defaults();
    }
    Section logging = opened.get();
    return new Logging(
        logging.choice("format", Logging.Format.class).orElse(Logging.Format.TEXT),
        logging.choice("level", Logging.Level.class).orElse(Logging.Level.INFO));
  }

  /** A list of positive durations, each named by its index; duplicates are reported. */
  private static Optional<List<Duration>> durations(Section section, String key) {
    if (!section.has(key)) {
      return Optional.empty();
    }
    List<Duration> durations = new ArrayList<>();
    for (Section.Item item : section.list(key)) {
      section
          .document()
          .duration(item.node(), item.path())
          .ifPresent(
              d -> {
                if (durations.contains(d)) {
                  section
                      .document()
                      .problem(item.path(), item.node(), "duplicate " + DurationText.format(d));
                }
                durations.add(d);
              });
      if (Document.isNull(item.node())) {
        section.document().problem(item.path(), item.node(), "must not be empty");
      }
    }
    return Optional.of(durations);
  }
}
