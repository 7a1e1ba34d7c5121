package dev.abusedesk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a whole file, section by section, collecting every problem before giving up. */
final class ConfigReader {

  private static final String[] KEYS = {
    "language",
    "timezone",
    "public_url",
    "deadline_hours",
    "storage",
    "accounts",
    "accounts_csv",
    "receivers",
    "routes",
    "reminders",
    "intake",
    "dashboard",
    "reply",
    "customers",
    "health_api",
    "logging"
  };

  private ConfigReader() {}

  static Config read(String yaml, Path baseDir, Map<String, String> env, SecretCheck secrets) {
    Document document = new Document(baseDir, env, secrets);
    Optional<Node> root = SafeYaml.compose(yaml, document.problems);
    document.problems.throwIfAny();
    if (root.isEmpty() || Document.isNull(root.get())) {
      return Config.defaults();
    }
    if (!(root.get() instanceof MappingNode)) {
      document.problem("", root.get(), "the file must be a mapping of keys to values");
      document.problems.throwIfAny();
    }
    Section top = Section.of(root.get(), "", document, KEYS).orElseThrow();

    Language language = top.choice("language", Language.class).orElse(Language.EN);
    ZoneId timezone = timezone(top);
    Optional<URI> publicUrl = top.url("public_url");
    int deadlineHours = top.integer("deadline_hours", 1, 720).orElse(Config.DEFAULT_DEADLINE_HOURS);
    Storage storage = SimpleSections.storage(top);
    List<Account> accounts = AccountsSection.read(top, language);
    ReceiversSection.Declared receivers = ReceiversSection.read(top);
    List<Route> routes = RoutesSection.read(top, receivers);
    Reminders reminders = SimpleSections.reminders(top, receivers.names());
    Intake intake = IntakeSection.read(top);
    Dashboard dashboard = SimpleSections.dashboard(top);
    Optional<Reply> reply = SimpleSections.reply(top);
    Customers customers = CustomersSection.read(top, deadlineHours, reply.isPresent());
    HealthApi healthApi = SimpleSections.healthApi(top);
    Logging logging = SimpleSections.logging(top);
    document.problems.throwIfAny();

    Optional<Config> config =
        document.build(
            "",
            root.get(),
            () ->
                new Config(
                    language,
                    timezone,
                    publicUrl,
                    deadlineHours,
                    storage,
                    accounts,
                    receivers.receivers(),
                    routes,
                    reminders,
                    intake,
                    dashboard,
                    reply,
                    customers,
                    healthApi,
                    logging));
    document.problems.throwIfAny();
    return config.orElseThrow();
  }

  private static ZoneId timezone(Section top) {
    return top.string("timezone")
        .flatMap(
            name -> {
              try {
                return Optional.of(ZoneId.of(name));
              } catch (DateTimeException e) {
                top.problem("timezone", "not a time zone: " + Document.quote(name));
                return Optional.empty();
              }
            })
        .orElse(ZoneOffset.UTC);
  }
}
