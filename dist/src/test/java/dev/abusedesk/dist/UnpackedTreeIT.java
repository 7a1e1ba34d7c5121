package dev.abusedesk.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both packages unpacked where no one would install them, run from somewhere else entirely. */
class UnpackedTreeIT {

  @TempDir Path dir;

  @Test
  void theTarballIsOneDirectoryWithTheLauncherTheJarAConfigurationTheUnitAndTheDocumentation() {
    List<String> listing =
        Command.run(List.of("tar", "-tvzf", Packages.tarball().toString()))
            .succeeded()
            .out()
            .lines()
            .map(l -> l.split("\\s+", 6))
            .map(parts -> parts[0] + " " + parts[5])
            .toList();
    String top = "abusedesk-" + Packages.VERSION + "/";

    assertThat(listing).allMatch(l -> l.substring(l.indexOf(' ') + 1).startsWith(top));
    assertThat(listing)
        .contains(
            "-rwxr-xr-x " + top + "bin/abusedesk",
            "-rw-r--r-- " + top + "lib/abusedesk.jar",
            "-rw-r--r-- " + top + "etc/abusedesk.yaml",
            "-rw-r--r-- " + top + "systemd/abusedesk.service",
            "-rw-r--r-- " + top + "man/abusedesk.1",
            "-rw-r--r-- " + top + "LICENSE",
            "-rw-r--r-- " + top + "CHANGELOG.md",
            "-rw-r--r-- " + top + "README.md",
            "-rw-r--r-- " + top + "docs/upgrading.md",
            "-rw-r--r-- " + top + "docs/configuration.md",
            "-rw-r--r-- " + top + "docs/deployment/serve.md");
    assertThat(listing).noneMatch(l -> l.endsWith(".jsa"));
  }

  @Test
  void theUnpackedTarballPrintsItsVersionAndAcceptsItsOwnConfiguration() {
    Path tree = Packages.unpackTarball(dir);
    Path elsewhere = dir.resolve("..").normalize();

    Command version = run(elsewhere, tree.resolve("bin/abusedesk").toString(), "--version");
    Command check =
        run(
            elsewhere,
            tree.resolve("bin/abusedesk").toString(),
            "check-config",
            tree.resolve("etc/abusedesk.yaml").toString());

    assertThat(version.succeeded().out().strip())
        .matches(
            "abusedesk "
                + java.util.regex.Pattern.quote(Packages.VERSION)
                + " \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)");
    assertThat(check.succeeded().out())
        .contains("etc/abusedesk.yaml: OK")
        .contains("console")
        .contains("intake: smtp 127.0.0.1:2525, http 127.0.0.1:8080");
    assertThat(check.err()).isEmpty();
  }

  @Test
  void theUnpackedDebRunsThroughItsUsrBinLinkAndAcceptsItsConfiguration() {
    Path root = Packages.unpackDeb(dir.resolve("root"));

    Command version = run(dir, root.resolve("usr/bin/abusedesk").toString(), "--version");
    Command check =
        run(
            dir,
            root.resolve("usr/bin/abusedesk").toString(),
            "check-config",
            root.resolve("etc/abusedesk/abusedesk.yaml").toString());

    assertThat(version.succeeded().out()).startsWith("abusedesk " + Packages.VERSION + " (commit ");
    assertThat(check.succeeded().out()).contains("abusedesk.yaml: OK");
  }

  @Test
  void theTarballAndTheDebCarryTheSameJarLauncherAndConfiguration() {
    Path tree = Packages.unpackTarball(dir);
    Path root = Packages.unpackDeb(dir.resolve("root"));

    assertThat(tree.resolve("lib/abusedesk.jar"))
        .hasSameBinaryContentAs(root.resolve("usr/share/abusedesk/lib/abusedesk.jar"));
    assertThat(tree.resolve("bin/abusedesk"))
        .hasSameTextualContentAs(root.resolve("usr/share/abusedesk/bin/abusedesk"))
        .hasSameTextualContentAs(Packages.ROOT.resolve("abusedesk"));
    assertThat(tree.resolve("etc/abusedesk.yaml"))
        .hasSameTextualContentAs(root.resolve("etc/abusedesk/abusedesk.yaml"));
  }

  private static Command run(Path directory, String... command) {
    return Command.run(List.of(command), Map.of(), directory);
  }
}
