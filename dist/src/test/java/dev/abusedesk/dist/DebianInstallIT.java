package dev.abusedesk.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpkg -i} for real, on a throwaway copy of this machine (an overlay in a private mount,
 * network and PID namespace: nothing reaches the host): install, the service started as its unit
 * says, an upgrade, remove and purge. Needs root, as dpkg does; CI runs as root.
 */
class DebianInstallIT {

  private static final Map<String, String> facts = new LinkedHashMap<>();

  @TempDir static Path dir;

  @BeforeAll
  static void installRunUpgradeRemoveAndPurge() throws Exception {
    assumeThat(Command.run(List.of("id", "-u")).out().strip())
        .as("installing a package needs root (CI runs as root); UnpackedTreeIT still runs")
        .isEqualTo("0");
    assumeThat(Command.exists("unshare") && Command.exists("dpkg"))
        .as("needs unshare and dpkg")
        .isTrue();
    Path script = Path.of(DebianInstallIT.class.getResource("throwaway-root.sh").toURI());
    Path event = Packages.ROOT.resolve("core/src/test/resources/fixtures/health/abuse-dos.json");

    Command run =
        Command.run(
            List.of(
                "unshare",
                "--mount",
                "--net",
                "--pid",
                "--fork",
                "bash",
                script.toString(),
                Packages.deb().toString(),
                event.toString(),
                dir.toString()));

    assumeThat(run.exitCode())
        .as("this kernel gives no overlay file system to a private mount namespace: %s", run.err())
        .isNotEqualTo(3);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    for (String line : run.out().split("\n")) {
      int tab = line.indexOf('\t');
      facts.put(line.substring(0, tab), line.substring(tab + 1));
    }
  }

  @Test
  void installsASystemUserADataDirectoryForItAloneAndAConfigurationItCanReadButNotWrite() {
    assertThat(facts.get("install.exit")).as(facts.get("install.log")).isEqualTo("0");
    assertThat(facts.get("user"))
        .matches("abusedesk:x:\\d{1,3}:\\d+:[^:]*:/var/lib/abusedesk:/usr/sbin/nologin");
    assertThat(facts.get("group")).isEqualTo("abusedesk");
    assertThat(facts.get("datadir")).isEqualTo("abusedesk:abusedesk 700");
    assertThat(facts.get("config")).isEqualTo("root:abusedesk 640");
    assertThat(facts.get("enabled")).isEqualTo("yes");
    assertThat(facts.get("version")).startsWith("abusedesk " + Packages.VERSION + " (commit ");
    assertThat(facts.get("check-config")).isEqualTo("/etc/abusedesk/abusedesk.yaml: OK");
  }

  @Test
  void theServiceStartsWithThePackagedConfigurationAndKeepsItsDataInVarLib() {
    assertThat(facts.get("serve.healthy")).as(facts.get("serve.stderr")).isEqualTo("yes");
    assertThat(facts.get("serve.stderr")).contains("data in /var/lib/abusedesk");
    assertThat(facts.get("serve.intake")).isEqualTo("202");
    assertThat(facts.get("serve.alerted"))
        .as("the console receiver printed the alert")
        .isEqualTo("yes");
    assertThat(facts.get("serve.database")).isEqualTo("abusedesk:abusedesk 600");
    assertThat(facts.get("serve.spool")).isEqualTo("abusedesk:abusedesk 700");
    assertThat(facts.get("serve.root-data")).as("a data directory made in /").isEqualTo("no");
  }

  @Test
  void theServiceStopsOnSigtermWithAnExitTheUnitCountsAsSuccess() {
    String exit = facts.get("serve.exit");

    assertThat(exit.equals("0") || List.of(facts.get("unit.success").split(" ")).contains(exit))
        .as("exit %s on SIGTERM; SuccessExitStatus=%s", exit, facts.get("unit.success"))
        .isTrue();
  }

  @Test
  void anUpgradeKeepsTheDataAndTheAdministratorsConfiguration() {
    assertThat(facts.get("upgrade.exit")).as(facts.get("upgrade.log")).isEqualTo("0");
    assertThat(facts.get("upgrade.version")).isEqualTo(Packages.debianVersion() + "+next");
    assertThat(facts.get("upgrade.marker")).isEqualTo("kept");
    assertThat(facts.get("upgrade.database")).isEqualTo("abusedesk:abusedesk 600");
    assertThat(facts.get("upgrade.datadir")).isEqualTo("abusedesk:abusedesk 700");
    assertThat(facts.get("upgrade.config")).isEqualTo("# changed by the administrator");
    assertThat(facts.get("upgrade.config-mode")).isEqualTo("root:abusedesk 640");
  }

  @Test
  void removeTakesTheProgramAndLeavesTheConfigurationAndTheData() {
    assertThat(facts.get("remove.exit")).isEqualTo("0");
    assertThat(facts.get("remove.launcher")).isEqualTo("no");
    assertThat(facts.get("remove.config")).isEqualTo("yes");
    assertThat(facts.get("remove.marker")).isEqualTo("kept");
    assertThat(facts.get("remove.database")).isEqualTo("abusedesk:abusedesk 600");
  }

  @Test
  void purgeTakesTheConfigurationButKeepsTheDataAndSaysWhereItIs() {
    assertThat(facts.get("purge.exit")).isEqualTo("0");
    assertThat(facts.get("purge.config")).isEqualTo("no");
    assertThat(facts.get("purge.statoverride")).isEmpty();
    assertThat(facts.get("purge.marker")).isEqualTo("kept");
    assertThat(facts.get("purge.database")).isEqualTo("abusedesk:abusedesk 600");
    assertThat(facts.get("purge.datadir")).isEqualTo("abusedesk:abusedesk 700");
    assertThat(facts.get("purge.user")).isEqualTo("abusedesk");
    assertThat(facts.get("purge.log"))
        .contains(
            "the data in /var/lib/abusedesk is kept; delete it with: rm -r /var/lib/abusedesk");
  }
}
