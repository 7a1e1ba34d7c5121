package dev.abusedesk.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the launcher finds its jar and which data directory it hands abusedesk, installed and in a
 * checkout. A stand-in {@code java} (through JAVA_HOME) prints what the launcher passed it.
 */
class LauncherIT {

  @TempDir Path dir;
  private Path javaHome;

  @BeforeEach
  void standInJava() throws IOException {
    javaHome = dir.resolve("jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nprintf 'ABUSEDESK_DATA=%s\\n' \"${ABUSEDESK_DATA-unset}\"\n"
            + "printf 'arg=%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Command launch(Path launcher, Map<String, String> env) {
    return launch(launcher, env, "cases", "list");
  }

  private Command launch(Path launcher, Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("JAVA_HOME", javaHome.toString());
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return Command.run(command, all, dir).succeeded();
  }

  @Test
  void installedItRunsItsOwnJarWithTheDataInVarLib() throws IOException {
    Path root = Packages.unpackDeb(dir.resolve("root"));

    Command run = launch(root.resolve("usr/bin/abusedesk"), Map.of());

    assertThat(run.out())
        .contains("ABUSEDESK_DATA=/var/lib/abusedesk")
        .contains("arg=" + root.resolve("usr/share/abusedesk/lib/abusedesk.jar").toRealPath())
        .contains("arg=cases\narg=list")
        .doesNotContain("SharedArchiveFile");
  }

  @Test
  void lambdaPutsTheFunctionsJarAfterTheClisWhenOneIsInstalledBesideIt() throws IOException {
    Path root = Packages.unpackDeb(dir.resolve("root"));
    Path launcher = root.resolve("usr/bin/abusedesk");
    Path lib = root.resolve("usr/share/abusedesk/lib").toRealPath();

    Command packaged = launch(launcher, Map.of(), "lambda", "invoke");
    Files.write(lib.resolve("abusedesk-lambda.jar"), new byte[0]);
    Command added = launch(launcher, Map.of(), "--debug", "lambda", "invoke");
    Command other = launch(launcher, Map.of(), "cases", "list");

    // The package holds no Lambda jar: the CLI alone, which says so in one line.
    assertThat(packaged.out()).contains("arg=-jar\narg=" + lib.resolve("abusedesk.jar") + "\n");
    assertThat(added.out())
        .contains(
            "arg=-cp\narg="
                + lib.resolve("abusedesk.jar")
                + ":"
                + lib.resolve("abusedesk-lambda.jar")
                + "\narg=dev.abusedesk.app.Main\narg=--debug\narg=lambda\n");
    assertThat(other.out()).contains("arg=-jar\n").doesNotContain("abusedesk-lambda.jar");
  }

  @Test
  void underSystemdItTakesTheStateDirectoryAndAnExplicitDataDirectoryWinsOverBoth() {
    Path launcher = Packages.unpackDeb(dir.resolve("root")).resolve("usr/bin/abusedesk");

    Command service = launch(launcher, Map.of("STATE_DIRECTORY", "/var/lib/desk-a:/var/lib/b"));
    Command explicit =
        launch(
            launcher,
            Map.of("STATE_DIRECTORY", "/var/lib/desk-a", "ABUSEDESK_DATA", "/srv/abusedesk"));

    assertThat(service.out()).contains("ABUSEDESK_DATA=/var/lib/desk-a\n");
    assertThat(explicit.out()).contains("ABUSEDESK_DATA=/srv/abusedesk\n");
  }

  @Test
  void inACheckoutItLeavesTheDataInTheWorkingDirectoryAndUsesTheBuildsArchive() {
    Command checkout = launch(Packages.ROOT.resolve("abusedesk"), Map.of());
    Command service = launch(Packages.ROOT.resolve("abusedesk"), Map.of("STATE_DIRECTORY", "/x"));

    assertThat(checkout.out())
        .contains("ABUSEDESK_DATA=unset")
        .contains("arg=" + Packages.ROOT.resolve("app/target/abusedesk.jar"))
        .contains("arg=-XX:SharedArchiveFile=" + Packages.ROOT.resolve("app/target/abusedesk.jsa"));
    assertThat(service.out()).contains("ABUSEDESK_DATA=/x\n");
  }
}
