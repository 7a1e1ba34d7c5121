package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SectionsTest {

  @Test
  void readsTheTopLevelSettings() {
    Config config =
        Yaml.parse(
            """
            language: ja
            timezone: Asia/Tokyo
            public_url: https://desk.example.com/
            deadline_hours: 48
            """);

    assertThat(config.language()).isEqualTo(Language.JA);
    assertThat(config.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(config.publicUrl()).contains(URI.create("https://desk.example.com/"));
    assertThat(config.deadline()).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void readsStorageAndResolvesTheDataDirectory() {
    Path base = Path.of("/etc/abusedesk");
    Config config =
        Config.parse(
            """
            storage:
              data_dir: data
              url: jdbc:postgresql://db.example.com/abusedesk
              username: desk
              password: {env: DB_PASSWORD}
            """,
            base,
            Map.of("DB_PASSWORD", "db-pw"));

    Storage storage = config.storage();
    assertThat(storage.dataDir()).contains(Path.of("/etc/abusedesk/data"));
    assertThat(storage.url()).contains("jdbc:postgresql://db.example.com/abusedesk");
    assertThat(storage.isPostgres()).isTrue();
    assertThat(storage.username()).contains("desk");
    assertThat(storage.password()).map(Secret::reveal).contains("db-pw");
    assertThat(storage.toString()).doesNotContain("db.example.com").doesNotContain("db-pw");
  }

  @Test
  void storageCredentialsNeedAUrl() {
    assertThat(Yaml.problems("storage: {username: desk, password: pw}"))
        .containsExactly(
            "storage.username: only used with url", "storage.password: only used with url");
    assertThat(Yaml.parse("storage: {url: \"jdbc:sqlite:/tmp/x.db\"}").storage().isPostgres())
        .isFalse();
  }

  @Test
  void readsTheDashboard() {
    String hash = PasswordHash.hash("pw".toCharArray());
    Dashboard dashboard =
        Yaml.parse(
                """
                dashboard:
                  users:
                    - {name: alice, password_hash: "%1$s"}
                    - {name: bob, password_hash: "%1$s"}
                  token: login-token
                  link_secret: "0123456789abcdef0123456789abcdef"
                """
                    .formatted(hash))
            .dashboard();

    assertThat(dashboard.users()).extracting(Dashboard.User::name).containsExactly("alice", "bob");
    assertThat(dashboard.token()).map(Secret::reveal).contains("login-token");
    assertThat(dashboard.linkSecret()).isPresent();
    assertThat(dashboard.sessionHours()).isEqualTo(12);
    assertThat(
            Yaml.problems(
                """
                dashboard:
                  users: [{name: a, password_hash: "%1$s"}, {name: a, password_hash: "%1$s"}, {}]
                  session_hours: 0
                """
                    .formatted(hash)))
        .containsExactly(
            "dashboard.users[1].name: duplicate user \"a\"",
            "dashboard.users[2].name: required",
            "dashboard.users[2].password_hash: required",
            "dashboard.session_hours: must be between 1 and 720");
  }

  @Test
  void readsReply() {
    assertThat(Yaml.parse("reply: {host: smtp.example.com, from: security@example.com}").reply())
        .contains(
            new Reply(
                "smtp.example.com",
                587,
                true,
                Optional.empty(),
                Optional.empty(),
                "security@example.com"));
    assertThat(Yaml.problems("reply: {port: 25}"))
        .containsExactly("reply.host: required", "reply.from: required");
  }

  @Test
  void repliesGoOnlyToAwsAbuseAddressesByDefaultOrAsListed() {
    assertThat(
            Yaml.parse("reply: {host: smtp.example.com, from: security@example.com}")
                .reply()
                .orElseThrow()
                .awsAddresses())
        .containsExactly("ec2-abuse@amazon.com", "trustandsafety@support.aws.com");
    assertThat(
            Yaml.parse(
                    "reply: {host: smtp.example.com, from: security@example.com,"
                        + " aws_addresses: [Abuse@AmazonAWS.com]}")
                .reply()
                .orElseThrow()
                .awsAddresses())
        .containsExactly("abuse@amazonaws.com");
    assertThat(
            Yaml.problems(
                "reply: {host: smtp.example.com, from: security@example.com,"
                    + " aws_addresses: [attacker@evil.example, \"AWS <ec2-abuse@amazon.com>\"]}"))
        .containsExactly(
            "reply.aws_addresses[0]: not an address at amazon.com, aws.com or amazonaws.com:"
                + " \"attacker@evil.example\"",
            "reply.aws_addresses[1]: not an address at amazon.com, aws.com or amazonaws.com:"
                + " \"AWS <ec2-abuse@amazon.com>\"");
    assertThat(
            Yaml.problems(
                "reply: {host: smtp.example.com, from: security@example.com, aws_addresses: []}"))
        .containsExactly(
            "reply.aws_addresses: must name at least one address; without a reply section nothing"
                + " is sent");
  }

  @Test
  void readsTheHealthApi() {
    HealthApi health =
        Yaml.parse(
                """
                health_api:
                  enabled: true
                  organization_view: true
                  interval: 10m
                  region: us-east-2
                  endpoint: http://127.0.0.1:4566
                """)
            .healthApi();

    assertThat(health)
        .isEqualTo(
            new HealthApi(
                true,
                true,
                Duration.ofMinutes(10),
                "us-east-2",
                Optional.of(URI.create("http://127.0.0.1:4566"))));
    assertThat(Yaml.problems("health_api: {interval: 30s, region: tokyo}"))
        .containsExactly(
            "health_api.interval: must be at least 1m",
            "health_api.region: not an AWS region: \"tokyo\"");
  }

  @Test
  void readsLogging() {
    assertThat(Yaml.parse("logging: {format: json, level: debug}").logging())
        .isEqualTo(new Logging(Logging.Format.JSON, Logging.Level.DEBUG));
    assertThat(Yaml.problems("logging: {format: xml}"))
        .containsExactly("logging.format: must be text or json");
  }
}
