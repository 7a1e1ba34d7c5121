package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reading test YAML the way the program does, and the problems it yields. */
final class Yaml {

  static final Path HERE = Path.of(".");

  private Yaml() {}

  static Config parse(String yaml) {
    return Config.parse(yaml, HERE, Map.of());
  }

  static Config parse(String yaml, Map<String, String> env) {
    return Config.parse(yaml, HERE, env);
  }

  /** Every problem of a file that must not be accepted, as {@code path: message}. */
  static List<String> problems(String yaml) {
    return problems(yaml, HERE, Map.of());
  }

  static List<String> problems(String yaml, Path baseDir, Map<String, String> env) {
    return exception(yaml, baseDir, env).problems().stream().map(Problem::withoutLine).toList();
  }

  static ConfigException exception(String yaml, Path baseDir, Map<String, String> env) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Config.parse(yaml, baseDir, env));
    if (e == null) {
      throw new AssertionError("expected the configuration to be refused:\n" + yaml);
    }
    return e;
  }
}
