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
 * The service under real systemd: this machine's own systemd booted in a container (systemd-nspawn)
 * on a throwaway overlay, the .deb installed there with dpkg -i, the service watched with systemctl
 * and journalctl. Needs root and systemd-nspawn (.ci/run installs systemd-container).
 */
class ServiceUnderSystemdIT {

  private static final Map<String, String> facts = new LinkedHashMap<>();

  @TempDir static Path dir;

  @BeforeAll
  static void installTheDebInABootedContainer() throws Exception {
    assumeThat(Command.run(List.of("id", "-u")).out().strip())
        .as("booting a container needs root (CI runs as root)")
        .isEqualTo("0");
    assumeThat(Command.exists("systemd-nspawn"))
        .as("systemd-nspawn is not installed (apt-get install systemd-container; .ci/run does)")
        .isTrue();
    Path script = Path.of(ServiceUnderSystemdIT.class.getResource("systemd-container.sh").toURI());
    Path event = Packages.ROOT.resolve("core/src/test/resources/fixtures/health/abuse-dos.json");

    Command run =
        Command.run(
            List.of(
                "unshare",
                "--mount",
                "--net",
                "bash",
                script.toString(),
                Packages.deb().toString(),
                event.toString(),
                dir.toString()));

    assumeThat(run.exitCode())
        .as("no container boots on this machine: %s", run.err())
        .isNotEqualTo(3);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    for (String line : run.out().split("\n")) {
      int tab = line.indexOf('\t');
      facts.put(line.substring(0, tab), line.substring(tab + 1));
    }
  }

  @Test
  void dpkgInstallLeavesTheServiceEnabledAndRunningAsItsOwnUser() {
    assertThat(facts.get("install.exit")).isEqualTo("0");
    assertThat(facts.get("install.enabled")).isEqualTo("enabled");
    assertThat(facts.get("install.active")).isEqualTo("active");
    assertThat(facts.get("serve.user")).isEqualTo("abusedesk");
  }

  @Test
  void theServiceAnswersHealthyTakesAnEventAndAlertsInTheJournalWithThePackagedConfiguration() {
    assertThat(facts.get("serve.healthz")).isEqualTo("200");
    assertThat(facts.get("serve.intake")).isEqualTo("202");
    assertThat(facts.get("serve.alerted")).isEqualTo("yes");
    assertThat(facts.get("serve.journal")).contains("data in /var/lib/abusedesk");
    assertThat(facts.get("serve.database")).isEqualTo("abusedesk:abusedesk 600");
  }

  @Test
  void systemdRatesTheSandboxAsOk() {
    // systemd-analyze security: 0 is fully locked down, 10 is unprotected; below 4 is "OK".
    assertThat(Double.parseDouble(facts.get("serve.exposure"))).isLessThan(4.0);
  }

  @Test
  void anUpgradeRestartsTheServiceAndAStopIsClean() {
    assertThat(facts.get("upgrade.exit")).isEqualTo("0");
    assertThat(facts.get("upgrade.active")).isEqualTo("active");
    assertThat(facts.get("upgrade.restarted")).isEqualTo("yes");
    assertThat(facts.get("stop.result"))
        .as("exit %s", facts.get("stop.status"))
        .isEqualTo("success");
  }

  @Test
  void removeStopsTheServiceCleanlyAndPurgeKeepsTheData() {
    assertThat(facts.get("remove.exit")).isEqualTo("0");
    assertThat(facts.get("remove.active")).isEqualTo("inactive");
    assertThat(facts.get("remove.result")).isEqualTo("success");
    assertThat(facts.get("purge.exit")).isEqualTo("0");
    assertThat(facts.get("purge.database")).isEqualTo("abusedesk:abusedesk 600");
  }
}
