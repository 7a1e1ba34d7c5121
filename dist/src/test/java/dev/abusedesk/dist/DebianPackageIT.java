package dev.abusedesk.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb as dpkg and lintian see it: its fields, its files, its maintainer scripts. */
class DebianPackageIT {

  @TempDir Path dir;

  private static String field(String name) {
    return Command.run(List.of("dpkg-deb", "--field", Packages.deb().toString(), name))
        .succeeded()
        .out()
        .strip();
  }

  @Test
  void isNamedForItsVersionAndNeedsAJava17RuntimeAndNothingElseUnusual() {
    assertThat(Packages.deb()).isRegularFile();
    assertThat(field("Package")).isEqualTo("abusedesk");
    assertThat(field("Version")).isEqualTo(Packages.debianVersion());
    assertThat(field("Architecture")).isEqualTo("all");
    assertThat(Arrays.stream(field("Depends").split(",\\s*")).toList())
        .containsExactly(
            "default-jre-headless (>= 2:1.17) | java17-runtime-headless",
            "adduser",
            "init-system-helpers (>= 1.54~)");
    assertThat(field("Maintainer")).matches(".+ <[^@ ]+@[^@ ]+>");
  }

  @Test
  void installsTheLauncherTheJarTheServiceTheConfigurationAndTheDocumentation() {
    String listing =
        Command.run(List.of("dpkg-deb", "--contents", Packages.deb().toString())).succeeded().out();
    List<String> entries = new ArrayList<>();
    for (String line : listing.split("\n")) {
      // drwxr-xr-x root/root 0 2026-12-01 12:08 ./usr/  (a link ends in "-> target")
      String[] parts = line.split("\\s+", 6);
      entries.add(parts[0] + " " + parts[1] + " " + parts[5]);
    }

    // A link's own mode means nothing on Linux; dpkg makes it lrwxrwxrwx whatever the archive says.
    assertThat(entries)
        .anyMatch(
            e ->
                e.startsWith("l")
                    && e.endsWith(
                        " root/root ./usr/bin/abusedesk -> ../share/abusedesk/bin/abusedesk"));
    assertThat(entries)
        .contains(
            "-rwxr-xr-x root/root ./usr/share/abusedesk/bin/abusedesk",
            "-rw-r--r-- root/root ./usr/share/abusedesk/lib/abusedesk.jar",
            "-rw-r--r-- root/root ./etc/abusedesk/abusedesk.yaml",
            "-rw-r--r-- root/root ./usr/lib/systemd/system/abusedesk.service",
            "-rw-r--r-- root/root ./usr/share/man/man1/abusedesk.1.gz",
            "-rw-r--r-- root/root ./usr/share/doc/abusedesk/copyright",
            "-rw-r--r-- root/root ./usr/share/doc/abusedesk/changelog.gz",
            "-rw-r--r-- root/root ./usr/share/doc/abusedesk/CHANGELOG.md.gz",
            "-rw-r--r-- root/root ./usr/share/doc/abusedesk/docs/upgrading.md",
            "-rw-r--r-- root/root ./usr/share/doc/abusedesk/docs/deployment/serve.md");
    assertThat(entries).allMatch(e -> e.contains(" root/root "));
    // The data directory is made by postinst, never shipped: dpkg would own it, and it would go
    // with the package. No class-data-sharing archive either: it fits only the JVM that made it.
    assertThat(entries).noneMatch(e -> e.contains("./var/")).noneMatch(e -> e.endsWith(".jsa"));
  }

  @Test
  void marksTheConfigurationAsItsOnlyConffile() throws IOException {
    Path control = Packages.unpackControl(dir.resolve("DEBIAN"));

    assertThat(Files.readAllLines(control.resolve("conffiles")))
        .containsExactly("/etc/abusedesk/abusedesk.yaml");
  }

  @Test
  void hasADebianChangelogForThisVersion() throws IOException {
    Path root = Packages.unpackDeb(dir.resolve("root"));
    String changelog;
    try (GZIPInputStream in =
        new GZIPInputStream(
            Files.newInputStream(root.resolve("usr/share/doc/abusedesk/changelog.gz")))) {
      changelog = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(changelog.lines().findFirst())
        .contains("abusedesk (" + Packages.debianVersion() + ") unstable; urgency=medium");
  }

  @Test
  void passesLintianWithEveryOverrideExplained() throws IOException {
    assumeThat(Command.exists("lintian"))
        .as("lintian is not installed (apt-get install lintian; .ci/run installs it)")
        .isTrue();

    Command lintian =
        Command.run(
            List.of(
                "lintian",
                "--pedantic",
                "--display-info",
                "--display-experimental",
                "--show-overrides",
                Packages.deb().toString()));

    List<String> tags = lintian.out().lines().filter(l -> l.matches("^[EWIPXO]: .*")).toList();
    List<String> overrides =
        Files.readAllLines(Packages.ROOT.resolve("dist/src/deb/lintian-overrides"));
    assertThat(lintian.exitCode()).as(lintian.out() + lintian.err()).isZero();
    assertThat(tags).as("lintian's findings").allSatisfy(tag -> assertThat(tag).startsWith("O: "));
    for (int i = 0; i < overrides.size(); i++) {
      if (overrides.get(i).startsWith("abusedesk: ")) {
        assertThat(i > 0 && overrides.get(i - 1).startsWith("#"))
            .as("the override on line %d says why, in a comment above it", i + 1)
            .isTrue();
      }
    }
  }

  @Test
  void namesEveryLibraryTheJarBundlesInItsCopyrightFile() throws IOException {
    Path root = Packages.unpackDeb(dir.resolve("root"));
    String copyright = Packages.read(root.resolve("usr/share/doc/abusedesk/copyright"));
    Pattern pom = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    TreeSet<String> bundled = new TreeSet<>();
    try (ZipFile jar =
        new ZipFile(root.resolve("usr/share/abusedesk/lib/abusedesk.jar").toFile())) {
      jar.stream()
          .map(e -> pom.matcher(e.getName()))
          .filter(Matcher::matches)
          .filter(m -> !m.group(1).equals("dev.abusedesk"))
          .forEach(m -> bundled.add(m.group(1) + ":" + m.group(2)));
    }

    assertThat(bundled).hasSizeGreaterThan(30);
    assertThat(bundled)
        .allSatisfy(
            library -> {
              String group = library.substring(0, library.indexOf(':'));
              String artifact = library.substring(library.indexOf(':') + 1);
              assertThat(copyright).as(library).contains(group + ":");
              assertThat(copyright)
                  .as(library)
                  .containsPattern("[ ,(]" + Pattern.quote(artifact) + "[,)\\s]");
            });
  }

  @Test
  void maintainerScriptsDeleteNothingAndLeaveTheDataDirectoryAlone() throws IOException {
    Path control = Packages.unpackControl(dir.resolve("DEBIAN"));

    for (String script : List.of("postinst", "prerm", "postrm")) {
      List<String> commands =
          Files.readAllLines(control.resolve(script)).stream()
              .map(String::strip)
              .filter(l -> !l.startsWith("#") && !l.startsWith("echo "))
              .toList();
      assertThat(commands)
          .as(script)
          .noneMatch(
              l -> l.matches("(.*[;&|]\\s*)?(rm|rmdir|mv|deluser|userdel|delgroup|find)\\s.*"))
          .contains("set -e");
      // The data directory is only ever looked at, created when missing, or named as a home.
      assertThat(commands.stream().filter(l -> l.contains("/var/lib/abusedesk")))
          .as(script)
          .allMatch(
              l ->
                  l.matches("if \\[ (! -e|-d) /var/lib/abusedesk \\]; then")
                      || l.startsWith("install -d -o abusedesk -g abusedesk -m 0700 ")
                      || l.startsWith("adduser --system "));
    }
    assertThat(Files.isExecutable(control.resolve("postinst"))).isTrue();
  }
}
