package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.abusedesk.installation.FunctionRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one function on this machine the way the Lambda runtime does: the handler class is loaded
 * and constructed (the init phase), then invoked with the event's bytes and a context. Prints the
 * answer on standard output and, on standard error, how long the init phase and the first event
 * took: the cold-start benchmark's measurements.
 *
 * <pre>java -cp abusedesk-lambda.jar dev.abusedesk.lambda.LocalRunner HANDLER EVENT_FILE</pre>
 *
 * <p>HANDLER is a class name ({@code dev.abusedesk.lambda.SqsHandler}) or a short name ({@code
 * sqs}). The configuration comes from the environment, as in Lambda.
 *
 * <p>It is also the {@link FunctionRunner} that {@code abusedesk lambda invoke} finds when the
 * launcher puts this jar on the CLI's class path (META-INF/services).
 */
public final class LocalRunner implements FunctionRunner {

  /** For the service loader. */
  public LocalRunner() {}

  @Override
  public List<String> names() {
    return Handlers.names();
  }

  @Override
  public Optional<String> named(String handler) {
    try {
      return Optional.of(Handlers.named(handler).wire());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String invoke(
      String name, byte[] event, Map<String, String> env, Clock clock, PrintStream alerts)
      throws IOException {
    Handlers handler = Handlers.named(name);
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try (Desk desk = Desk.open(env, clock, alerts);
        InputStream in = new ByteArrayInputStream(event)) {
      RequestStreamHandler function = handler.create(desk);
      function.handleRequest(
          in,
          answer,
          new LocalContext(
              "abusedesk-" + handler.wire(), "123456789012", Duration.ofMinutes(1), clock));
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length % 2 != 0) {
      System.err.println(
          "usage: LocalRunner HANDLER EVENT_FILE [HANDLER EVENT_FILE ...]; handlers: "
              + Handlers.names());
      System.exit(2);
    }
    // Further pairs run after the first, in the same JVM: for training a CDS archive.
    for (int i = 0; i < args.length; i += 2) {
      run(args[i], Path.of(args[i + 1]), i == 0);
    }
    Desk.shared().close();
  }

  private static void run(String name, Path eventFile, boolean report) throws Exception {
    byte[] event = Files.readAllBytes(eventFile);
    long initStart = System.nanoTime();
    Handlers handler = Handlers.named(name);
    // As the runtime does: load the class by name and construct it with its public constructor.
    Class<?> type = Class.forName(handler.className());
    RequestStreamHandler function =
        (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
    long initNanos = System.nanoTime() - initStart;

    long invokeStart = System.nanoTime();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try (InputStream in = new ByteArrayInputStream(event)) {
      function.handleRequest(
          in,
          answer,
          new LocalContext(
              "abusedesk-" + handler.wire(),
              "123456789012",
              Duration.ofSeconds(60),
              Clock.systemUTC()));
    }
    long invokeNanos = System.nanoTime() - invokeStart;

    System.out.println(answer.toString(StandardCharsets.UTF_8));
    if (report) {
      System.err.printf(
          "{\"init_ms\":%.1f,\"first_event_ms\":%.1f}%n", initNanos / 1e6, invokeNanos / 1e6);
    }
  }
}
