package dev.abusedesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole configuration, read strictly from one YAML file: every problem is reported with its
 * path, and a file with any problem is refused as a whole. See {@code docs/configuration.md}.
 *
 * @param publicUrl where the dashboard is reached from outside, for links in alerts
 * @param deadlineHours the reply deadline AWS gives, counted from the report
 * @param accounts the managed accounts, from {@code accounts} and {@code accounts_csv}
 * @param receivers never empty: without any in the file, one console receiver
 * @param routes never empty; the last default route catches everything
 * @param reply absent when replies are not sent from the dashboard
 * @param customers which cases the accounts' contacts are told about; {@link Customers#off()}
 *     without the section
 */
public record Config(
    Language language,
    ZoneId timezone,
    Optional<URI> publicUrl,
    int deadlineHours,
    Storage storage,
    List<Account> accounts,
    List<Receiver> receivers,
    List<Route> routes,
    Reminders reminders,
    Intake intake,
    Dashboard dashboard,
    Optional<Reply> reply,
    Customers customers,
    HealthApi healthApi,
    Logging logging) {

  public static final int DEFAULT_DEADLINE_HOURS = 24;

  /** Larger files are refused: a configuration is a few kilobytes. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  public Config {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(publicUrl, "publicUrl");
    publicUrl.ifPresent(u -> HttpUrl.require(u, "public_url"));
    if (deadlineHours < 1 || deadlineHours > 720) {
      throw new IllegalArgumentException("deadline_hours must be between 1 and 720");
    }
    Objects.requireNonNull(storage, "storage");
    accounts = List.copyOf(accounts);
    receivers = List.copyOf(receivers);
    routes = List.copyOf(routes);
    Objects.requireNonNull(reminders, "reminders");
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(dashboard, "dashboard");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(customers, "customers");
    if (customers.isOn() && reply.isEmpty()) {
      throw new IllegalArgumentException("customers.notify_when needs a reply section");
    }
    if (customers.isOn() && customers.marginHours() >= deadlineHours) {
      throw new IllegalArgumentException("customers.margin_hours must be less than deadline_hours");
    }
    Objects.requireNonNull(healthApi, "healthApi");
    Objects.requireNonNull(logging, "logging");
    requireUnique(accounts.stream().map(Account::id).toList(), "account");
    requireUnique(receivers.stream().map(Receiver::name).toList(), "receiver");
    if (receivers.isEmpty()) {
      throw new IllegalArgumentException("at least one receiver");
    }
    if (routes.stream().noneMatch(Route::isDefault)) {
      throw new IllegalArgumentException("routes need a default route");
    }
    Set<String> names = receivers.stream().map(Receiver::name).collect(Collectors.toSet());
    for (Route route : routes) {
      requireKnown(route.receivers(), names);
    }
    requireKnown(reminders.escalationReceivers(), names);
  }

  /** The same configuration with another intake section. */
  public Config withIntake(Intake other) {
    return new Config(
        language,
        timezone,
        publicUrl,
        deadlineHours,
        storage,
        accounts,
        receivers,
        routes,
        reminders,
        other,
        dashboard,
        reply,
        customers,
        healthApi,
        logging);
  }

  /** The same configuration with its storage section replaced. */
  public Config withStorage(Storage other) {
    return new Config(
        language,
        timezone,
        publicUrl,
        deadlineHours,
        other,
        accounts,
        receivers,
        routes,
        reminders,
        intake,
        dashboard,
        reply,
        customers,
        healthApi,
        logging);
  }

  /** The same configuration, reached at another public URL. */
  public Config withPublicUrl(URI other) {
    return new Config(
        language,
        timezone,
        Optional.of(other),
        deadlineHours,
        storage,
        accounts,
        receivers,
        routes,
        reminders,
        intake,
        dashboard,
        reply,
        customers,
        healthApi,
        logging);
  }

  /** The configuration without a file: console alerts, English, UTC, every default. */
  public static Config defaults() {
    List<Receiver> receivers = List.of(Receiver.console());
    return new Config(
        Language.EN,
        ZoneOffset.UTC,
        Optional.empty(),
        DEFAULT_DEADLINE_HOURS,
        Storage.embedded(),
        List.of(),
        receivers,
        List.of(Route.toAll(receivers)),
        Reminders.defaults(),
        Intake.off(),
        Dashboard.defaults(),
        Optional.empty(),
        Customers.off(),
        HealthApi.defaults(),
        Logging.defaults());
  }

  /**
   * Reads {@code file}; relative paths in it resolve against its directory.
   *
   * @param env where {@code {env: NAME}} secrets come from: {@code System.getenv()} at the entry
   *     point, a plain map in tests
   * @throws ConfigException with every problem, when the file cannot be read or used
   */
  public static Config load(Path file, Map<String, String> env) {
    return load(file, env, SecretCheck.AT_LOAD);
  }

  /**
   * Reads {@code file}, with secrets that cannot be read a problem {@link SecretCheck#AT_LOAD} or
   * only {@link SecretCheck#WHEN_USED}.
   *
   * @throws ConfigException with every problem, when the file cannot be read or used
   */
  public static Config load(Path file, Map<String, String> env, SecretCheck secrets) {
    Path absolute = file.toAbsolutePath().normalize();
    return parse(read(absolute), absolute.getParent(), env, secrets);
  }

  /**
   * Reads configuration text; relative paths in it resolve against {@code baseDir}.
   *
   * @throws ConfigException with every problem
   */
  public static Config parse(String yaml, Path baseDir, Map<String, String> env) {
    return parse(yaml, baseDir, env, SecretCheck.AT_LOAD);
  }

  /** Reads configuration text, checking secrets as {@code secrets} says. */
  public static Config parse(
      String yaml, Path baseDir, Map<String, String> env, SecretCheck secrets) {
    return ConfigReader.read(yaml, baseDir.toAbsolutePath().normalize(), Map.copyOf(env), secrets);
  }

  /** The reply deadline AWS gives, counted from the report. */
  public Duration deadline() {
    return Duration.ofHours(deadlineHours);
  }

  public Optional<Receiver> receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public Optional<Account> account(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  private static String read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw fileProblem(file, "no such file");
    } catch (AccessDeniedException e) {
      throw fileProblem(file, "permission denied");
    } catch (IOException e) {
      throw fileProblem(
          file, Files.isDirectory(file) ? "is a directory" : e.getClass().getSimpleName());
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw fileProblem(file, "larger than 1 MiB");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw fileProblem(file, "not UTF-8 text");
    }
  }

  private static ConfigException fileProblem(Path file, String message) {
    return ConfigException.unreadable(file, message);
  }

  private static void requireUnique(List<String> values, String what) {
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        throw new IllegalArgumentException("duplicate " + what + " " + value);
      }
    }
  }

  private static void requireKnown(List<String> names, Set<String> known) {
    for (String name : names) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown receiver " + name);
      }
    }
  }
}
