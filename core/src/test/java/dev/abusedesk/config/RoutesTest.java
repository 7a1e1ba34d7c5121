package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void readsRoutesInOrderWithTheirMatches() {
    Config config =
        Yaml.parse(
            """
            receivers: [{name: a, console: {}}, {name: b, console: {}}]
            routes:
              - match:
                  account: ["444455556666"]
                  customer: [Example Shop]
                  label: {env: prod}
                  category: [spam, dos]
                  kind: [notice, final]
                receivers: [a]
                continue: true
              - receivers: [b]
            """);

    Route first = config.routes().get(0);
    assertThat(first.match().accounts()).containsExactly("444455556666");
    assertThat(first.match().customers()).containsExactly("Example Shop");
    assertThat(first.match().labels()).containsExactly(Map.entry("env", "prod"));
    assertThat(first.match().categories()).containsExactly(Category.SPAM, Category.DOS);
    assertThat(first.match().kinds()).containsExactly(Kind.NOTICE, Kind.FINAL);
    assertThat(first.continueMatching()).isTrue();
    assertThat(first.isDefault()).isFalse();
    assertThat(config.routes().get(1)).isEqualTo(new Route(Match.any(), List.of("b"), false));
  }

  @Test
  void checksRoutes() {
    assertThat(
            Yaml.problems(
                """
                receivers:
                  - {name: a, console: {}}
                routes:
                  - match:
                      account: ["12345", "444455556666"]
                      category: [spam, spma]
                      kind: [notice, nag]
                      label: {env: [prod]}
                    receivers: [a]
                  - match: {customer: [Example]}
                    receivers: []
                  - match: {customer: [Example]}
                    receivers: [a, a]
                    continue: maybe
                """))
        .containsExactly(
            "routes[0].match.account[0]: must be 12 digits, got \"12345\"",
            "routes[0].match.category[1]: unknown category \"spma\"; one of spam, dos, port_scan,"
                + " intrusion, open_proxy, phishing, malware, botnet, copyright, pii,"
                + " illegal_content, cc_fraud, credentials_exposed, other",
            "routes[0].match.kind[1]: unknown kind \"nag\"; one of notice, follow_up, reminder,"
                + " final, closed, not_abuse",
            "routes[0].match.label.env: must be a string",
            "routes[1].receivers: needs at least one receiver",
            "routes[2].receivers: names \"a\" twice",
            "routes[2].continue: must be true or false",
            "routes: needs a default route: one without match, last in the list");
  }

  @Test
  void aDefaultRouteIsRequiredWhenRoutesAreGiven() {
    assertThat(
            Yaml.problems(
                """
                receivers: [{name: a, console: {}}]
                routes: []
                """))
        .containsExactly("routes: needs a default route: one without match, last in the list");
    assertThat(Yaml.parse("receivers: [{name: a, console: {}}]\nroutes:\n").routes())
        .singleElement()
        .satisfies(route -> assertThat(route.isDefault()).isTrue());
  }

  @Test
  void escalationReceiversMustExist() {
    assertThat(
            Yaml.problems(
                """
                receivers: [{name: a, console: {}}]
                reminders: {escalation_receivers: [a, pager]}
                """))
        .containsExactly("reminders.escalation_receivers[1]: unknown receiver \"pager\"");
  }

  @Test
  void aRouteToAReceiverWithProblemsIsNotAlsoReportedAsUnknown() {
    assertThat(
            Yaml.problems(
                """
                receivers:
                  - name: broken
                    teams: {}
                routes:
                  - receivers: [broken]
                """))
        .containsExactly("receivers[0].teams.workflow_url: required");
  }
}
