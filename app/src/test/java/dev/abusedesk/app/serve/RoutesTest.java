package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's own routes on a real listener: where a browser that asks for the root lands. */
class RoutesTest {

  @TempDir Path dir;

  private final TestClock clock = new TestClock(Instant.parse("2025-10-14T04:00:00Z"));
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Only the address family matters here: the listener below binds a free port. */
  private final Intake.Http settings =
      new Intake.Http(new ListenAddress("127.0.0.1", 8080), Optional.empty(), List.of(), 1 << 20);

  private Pipeline pipeline;
  private HttpListener listener;

  @BeforeEach
  void open() {
    SqlCaseStore store = SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
    pipeline =
        new Pipeline(
            Config.parse("", dir, Map.of()),
            store,
            new SqlOutbox(store.database()),
            FileSpool.open(dir, clock),
            new ReceiverSender(
                new HttpTransport(clock),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                clock),
            clock,
            Alerts.Links.NONE,
            "test",
            Deliverer.Observer.NONE);
  }

  @AfterEach
  void close() {
    if (listener != null) {
      listener.close();
    }
    pipeline.close();
    pipeline.store().close();
  }

  private void serve(boolean withDesk) {
    Daemon daemon =
        new Daemon(
            pipeline,
            FileSpool.open(dir, clock),
            new Intake(Optional.empty(), Optional.of(settings), Optional.empty(), List.of()),
            clock,
            "test",
            new Metrics());
    if (withDesk) {
      daemon.mount(
          "/dashboard",
          Admission.form(1024),
          exchange -> Requests.answer(exchange, 200, "text/plain", "the desk"));
    }
    listener = HttpListener.start("127.0.0.1", 0, Routes.of(daemon, settings));
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRootSendsABrowserToTheDashboard() throws Exception {
    serve(true);

    HttpResponse<String> root = send("GET", "/");
    HttpResponse<String> withQuery = send("GET", "/?next=https://evil.example/");
    HttpResponse<String> head = send("HEAD", "/");

    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(root.headers().firstValue("Location")).contains("/dashboard");
    assertThat(withQuery.statusCode()).isEqualTo(303);
    assertThat(withQuery.headers().firstValue("Location")).contains("/dashboard");
    assertThat(head.statusCode()).isEqualTo(303);
    assertThat(send("GET", "/dashboard").body()).isEqualTo("the desk");
  }

  @Test
  void everyOtherUnknownPathIsStillNotFound() throws Exception {
    serve(true);

    for (String path : List.of("/index.html", "/favicon.ico", "/robots.txt")) {
      HttpResponse<String> answer = send("GET", path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.headers().firstValue("Location")).as(path).isEmpty();
    }
    HttpResponse<String> encoded = send("GET", "/%2F/evil.example");
    assertThat(encoded.statusCode()).isBetween(400, 404);
    assertThat(encoded.headers().firstValue("Location")).isEmpty();
    assertThat(send("POST", "/").statusCode()).isEqualTo(404);
  }

  @Test
  void withoutADashboardTheRootIsNotFound() throws Exception {
    serve(false);

    assertThat(send("GET", "/").statusCode()).isEqualTo(404);
  }
}
