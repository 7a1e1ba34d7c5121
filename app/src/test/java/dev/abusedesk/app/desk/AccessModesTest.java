package dev.abusedesk.app.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Dashboard;
import dev.abusedesk.testing.Fixtures;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
