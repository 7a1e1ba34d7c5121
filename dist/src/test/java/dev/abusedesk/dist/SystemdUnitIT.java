package dev.abusedesk.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The abusedesk.service the packages carry, and the one the documentation shows. */
class SystemdUnitIT {

  @TempDir Path dir;

  private Path debUnit() {
    return Packages.unpackDeb(dir.resolve("root"))
        .resolve("usr/lib/systemd/system/abusedesk.service");
  }

  @Test
  void systemdReadsTheUnitWithoutAWordOfComplaint() throws IOException {
    assumeThat(Command.exists("systemd-analyze"))
        .as("systemd-analyze is not installed (apt-get install systemd; .ci/run installs it)")
        .isTrue();
    Path root = dir.resolve("root");
    Path unit = debUnit();
    // Verified where it would be installed, but with the launcher and the manual page of the
    // unpacked tree: systemd checks that ExecStart= exists and Documentation= resolves.
    Path copy = Files.createDirectories(dir.resolve("units")).resolve("abusedesk.service");
    Files.writeString(
        copy,
        Packages.read(unit)
            .replace(
                "ExecStart=/usr/bin/abusedesk", "ExecStart=" + root.resolve("usr/bin/abusedesk")));

    Command verify =
        Command.run(
            List.of("systemd-analyze", "verify", copy.toString()),
            Map.of("MANPATH", root.resolve("usr/share/man").toString()),
            dir);

    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out() + verify.err()).isEmpty();
  }

  @Test
  void runsTheDaemonAsItsOwnUserInItsStateDirectoryWithTheSystemOutOfReach() {
    List<String> lines = Packages.read(debUnit()).lines().toList();

    assertThat(lines)
        .contains(
            "User=abusedesk",
            "Group=abusedesk",
            "StateDirectory=abusedesk",
            "StateDirectoryMode=0700",
            "UMask=0077",
            "ExecStart=/usr/bin/abusedesk serve --config /etc/abusedesk/abusedesk.yaml",
            "Restart=always",
            "NoNewPrivileges=yes",
            "CapabilityBoundingSet=",
            "ProtectSystem=strict",
            "ProtectHome=yes",
            "PrivateTmp=yes",
            "PrivateDevices=yes",
            "WantedBy=multi-user.target");
    // Neither a writable path beyond the state directory nor a data directory of its own choosing.
    assertThat(lines).noneMatch(l -> l.startsWith("ReadWritePaths=") || l.contains("--data-dir"));
    // The JIT writes code it then runs: this one setting would stop the JVM.
    assertThat(lines).noneMatch(l -> l.startsWith("MemoryDenyWriteExecute="));
  }

  @Test
  void theTarballsUnitDiffersOnlyInWhereTheLauncherIs() {
    String deb = Packages.read(debUnit());
    String tarball =
        Packages.read(Packages.unpackTarball(dir).resolve("systemd/abusedesk.service"));

    assertThat(tarball)
        .isEqualTo(
            deb.replace(
                "ExecStart=/usr/bin/abusedesk ", "ExecStart=/opt/abusedesk/bin/abusedesk "));
  }

  @Test
  void theDeploymentGuideShowsThePackagedUnit() {
    String guide = Packages.read(Packages.ROOT.resolve("docs/deployment/serve.md"));

    assertThat(guide).contains("```ini\n" + Packages.read(debUnit()) + "```\n");
  }
}
