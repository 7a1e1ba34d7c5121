package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Dashboard;
import dev.abusedesk.testing.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a configured login: a labelled local mode on loopback, closed beyond it. */
class AccessModesTest {

  @TempDir Path dir;

  @Test
  void withoutLoginsOnLoopbackTheDeskRunsInALabelledLocalMode() {
    try (DeskServer server =
        new DeskServer(dir, "language: ja\n", DeskSecurityTest.NOW, true, Optional.empty())) {
      long id = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
      WebClient browser = new WebClient(server);

      HttpResponse<String> list = browser.get("/dashboard");
      browser.get("/dashboard/cases/" + id);
      HttpResponse<String> move =
          browser.submit("/dashboard/cases/" + id + "/move", Map.of("to", "acknowledged"));

      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).contains("id=\"local-mode\"", "dashboard.users", "ローカルモード");
      assertThat(move.statusCode()).isEqualTo(303);
      assertThat(server.pipeline.store().find(id).orElseThrow().status())
          .isEqualTo(CaseStatus.ACKNOWLEDGED);
      assertThat(server.pipeline.store().find(id).orElseThrow().acknowledgedBy())
          .isEqualTo("local");
    }
  }

  @Test
  void localModeAnswersOnlyRequestsForALoopbackHost() throws Exception {
    try (DeskServer server =
        new DeskServer(dir, "", DeskSecurityTest.NOW, true, Optional.empty())) {
      // A page on another site that rebinds its name to 127.0.0.1 still sends its own Host.
      String status;
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
        socket
            .getOutputStream()
            .write(
                "GET /dashboard HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        status =
            new java.io.BufferedReader(
                    new java.io.InputStreamReader(
                        socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                .readLine();
      }
      assertThat(status).startsWith("HTTP/1.1 403");
    }
  }

  /** The status line local mode answers a GET of the case list with these headers. */
  private static String status(DeskServer server, String... headers) throws Exception {
    StringBuilder request = new StringBuilder("GET /dashboard HTTP/1.1\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      return new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  @Test
  void localModeAcceptsExactlyLocalhostOrALoopbackAddressWithTheBoundPort() throws Exception {
    try (DeskServer server =
        new DeskServer(dir, "", DeskSecurityTest.NOW, true, Optional.empty())) {
      int port = server.uri("/").getPort();

      assertThat(status(server, "Host: 127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
      assertThat(status(server, "Host: localhost:" + port)).startsWith("HTTP/1.1 200");
      assertThat(status(server, "Host: LOCALHOST:" + port)).startsWith("HTTP/1.1 200");
      assertThat(status(server, "Host: [::1]:" + port)).startsWith("HTTP/1.1 200");
      for (String host :
          List.of(
              "127.0.0.1.attacker.example:" + port,
              "127.0.0.1.attacker.example",
              "localhost.attacker.example:" + port,
              "127.attacker.example:" + port,
              "127.0.0.1:" + (port == 65535 ? 1 : port + 1),
              "127.0.0.1",
              "localhost",
              "127.0.0.1:0" + port,
              "127.0.0.01:" + port,
              "[::1].attacker.example:" + port,
              "0.0.0.0:" + port)) {
        assertThat(status(server, "Host: " + host)).as(host).startsWith("HTTP/1.1 4");
      }
    }
  }

  @Test
  void localModeRefusesForwardedRequests() throws Exception {
    try (DeskServer server =
        new DeskServer(dir, "", DeskSecurityTest.NOW, true, Optional.empty())) {
      String host = "Host: 127.0.0.1:" + server.uri("/").getPort();

      for (String forwarded :
          List.of(
              "X-Forwarded-For: 203.0.113.9",
              "Forwarded: for=203.0.113.9;proto=https",
              "X-Forwarded-Host: desk.example.com",
              "X-Real-IP: 203.0.113.9")) {
        assertThat(status(server, host, forwarded)).as(forwarded).startsWith("HTTP/1.1 403");
      }
      assertThat(status(server, host)).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aLoopbackHostIsALiteralOrLocalhostWithThePortTheRequestCameIn() {
    assertThat(Access.isLoopbackHost("127.0.0.1:8080", 8080)).isTrue();
    assertThat(Access.isLoopbackHost("127.1.2.3:8080", 8080)).isTrue();
    assertThat(Access.isLoopbackHost("localhost:8080", 8080)).isTrue();
    assertThat(Access.isLoopbackHost("[::1]:8080", 8080)).isTrue();
    assertThat(Access.isLoopbackHost("localhost", 80)).isTrue();
    assertThat(Access.isLoopbackHost("127.0.0.1.attacker.example:8080", 8080)).isFalse();
    assertThat(Access.isLoopbackHost("127.0.0.1:8081", 8080)).isFalse();
    assertThat(Access.isLoopbackHost("127.0.0.256:8080", 8080)).isFalse();
    assertThat(Access.isLoopbackHost("localhost", 8080)).isFalse();
    assertThat(Access.isLoopbackHost("[::1]", 8080)).isFalse();
    assertThat(Access.isLoopbackHost("[::1]x:8080", 8080)).isFalse();
    assertThat(Access.isLoopbackHost("::1:8080", 8080)).isFalse();
    assertThat(Access.isLoopbackHost("", 8080)).isFalse();
  }

  @Test
  void withoutLoginsBeyondLoopbackTheDeskIsClosedAndSaysHowToOpenIt() {
    try (DeskServer server =
        new DeskServer(dir, "", DeskSecurityTest.NOW, false, Optional.empty())) {
      HttpResponse<String> page = new WebClient(server).get("/dashboard");

      assertThat(page.statusCode()).isEqualTo(403);
      assertThat(page.body()).contains("dashboard.users", "hash-password", "dashboard.token");
    }
    assertThat(Access.of(Dashboard.defaults(), false)).isEqualTo(Access.CLOSED);
    assertThat(Access.of(Dashboard.defaults(), true)).isEqualTo(Access.LOCAL);
  }
}
