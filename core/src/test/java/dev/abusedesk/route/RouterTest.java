package dev.abusedesk.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Config;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static final String CONFIG =
      """
      accounts:
        - {id: "444455556666", name: shop-prod, customer: Example Shop, labels: {env: prod}}
        - {id: "111122223333", name: shop-dev, customer: Example Shop, labels: {env: dev}}
        - {id: "777788889999", name: bank, customer: Example Bank}
      receivers:
        - {name: shop, console: {}}
        - {name: bank, console: {}}
        - {name: prod-pager, console: {}}
        - {name: security, console: {}}
        - {name: everyone, console: {}}
      routes:
        - match: {label: {env: prod}}
          receivers: [prod-pager]
          continue: true
        - match: {category: [credentials_exposed]}
          receivers: [security]
          continue: true
        - match: {customer: [Example Shop]}
          receivers: [shop]
        - match: {account: ["777788889999"], kind: [notice, final]}
          receivers: [bank]
        - receivers: [everyone]
      """;

  private final Config config = Config.parse(CONFIG, Path.of("."), Map.of());
  private final Router router = new Router(config.routes(), new AccountRegistry(config.accounts()));

  @Test
  void stopsAtTheFirstMatchingRouteUnlessItContinues() {
    assertThat(
            router.receiversFor(new Subject(List.of("444455556666"), Category.SPAM, Kind.NOTICE)))
        .containsExactly("prod-pager", "shop");
    assertThat(
            router.receiversFor(new Subject(List.of("111122223333"), Category.SPAM, Kind.NOTICE)))
        .containsExactly("shop");
  }

  @Test
  void matchesOnCategoryThenKeepsGoingWhenToldTo() {
    assertThat(
            router.receiversFor(
                new Subject(List.of("111122223333"), Category.CREDENTIALS_EXPOSED, Kind.NOTICE)))
        .containsExactly("security", "shop");
  }

  @Test
  void matchesOnAccountAndKindTogether() {
    assertThat(router.receiversFor(new Subject(List.of("777788889999"), Category.DOS, Kind.FINAL)))
        .containsExactly("bank");
    assertThat(
            router.receiversFor(new Subject(List.of("777788889999"), Category.DOS, Kind.REMINDER)))
        .containsExactly("everyone");
  }

  @Test
  void sendsUnregisteredAccountsToTheDefaultRoute() {
    assertThat(router.receiversFor(new Subject(List.of("999999999999"), Category.DOS, Kind.NOTICE)))
        .containsExactly("everyone");
    assertThat(router.receiversFor(new Subject(List.of(), Category.OTHER, Kind.CLOSED)))
        .containsExactly("everyone");
  }
}
