package dev.abusedesk.installation;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs the AWS Lambda functions on this machine, as Lambda would: what {@code abusedesk lambda
 * invoke} needs of them. The lambda jar provides it as a service; the CLI finds it when the
 * launcher puts that jar on its class path, and knows nothing else of the functions.
 */
public interface FunctionRunner {

  /** The functions by their short names: {@code health-event}, {@code sqs}, ... */
  List<String> names();

  /** The short name of the function that {@code handler} names, by short or class name. */
  Optional<String> named(String handler);

  /**
   * Runs one function on one event, with the environment Lambda would give it.
   *
   * @param env the function's environment: {@code ABUSEDESK_CONFIG_FILE}, {@code ABUSEDESK_DATA},
   *     AWS credentials and endpoints
   * @param alerts where console alerts go
   * @return the function's answer, JSON
   */
  String invoke(String name, byte[] event, Map<String, String> env, Clock clock, PrintStream alerts)
      throws IOException;

  /** The runner of the lambda jar, when it is on the class path. */
  static Optional<FunctionRunner> onClassPath() {
    return ServiceLoader.load(FunctionRunner.class).findFirst();
  }
}
