package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void printsTheMavenVersionAndTheCommitTheBuildRecorded() {
    Run run = Run.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .startsWith("abusedesk " + System.getProperty("project.version") + " (commit ")
        .matches("abusedesk \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)");
  }

  @Test
  void saysTheCommitIsUnknownWhenTheBuildHadNone() {
    Properties build = new Properties();
    build.setProperty("version", "1.2.0");
    build.setProperty("commit", "unknown");

    assertThat(Version.line(build)).isEqualTo("abusedesk 1.2.0 (commit unknown)");
  }

  @Test
  void saysDevelopmentWhenRunFromClassesTheBuildDidNotMake() {
    assertThat(Version.line(null)).isEqualTo("abusedesk development");
    assertThat(Version.line(new Properties())).isEqualTo("abusedesk development");
  }
}
