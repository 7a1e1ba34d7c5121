package dev.abusedesk.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.EmbeddedPostgres;
import dev.abusedesk.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar works on its own: every class a function needs made it through shading. */
class SlimJarIT {

  @TempDir Path dir;
  private MailStubs stubs;

  @BeforeEach
  void start() {
    stubs = new MailStubs();
  }

  @AfterEach
  void stop() {
    stubs.close();
  }

  static Map<String, String> env(String databaseUrl, MailStubs stubs, Path dir) {
    return Map.of(
        // As the template sets them: the database from the environment, no storage in the file.
        "ABUSEDESK_DB_URL",
        databaseUrl,
        "ABUSEDESK_DB_USER",
        "postgres",
        "AWS_REGION",
        "us-east-1",
        "AWS_ACCESS_KEY_ID",
        "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY",
        "secret",
        "ABUSEDESK_S3_ENDPOINT",
        stubs.s3.uri().toString(),
        "ABUSEDESK_MAIL_BUCKET",
        "abusedesk-mail-123456789012",
        "ABUSEDESK_MAIL_PREFIX",
        "inbound/",
        "ABUSEDESK_DATA",
        dir.toString(),
        // The fixtures' mail server, trusted as SES's own verdict is in a real deployment.
        Desk.CONFIG,
        Fixtures.TRUST_FIXTURE_MTA);
  }

  static Path event(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, Events.bytes(name));
    return file;
  }

  @Test
  void theJarRunsEveryKindOfFunctionOnItsOwn() throws IOException {
    Map<String, String> env = env(EmbeddedPostgres.freshDatabase(), stubs, dir);
    stubs.objects.put(
        "abusedesk-mail-123456789012/inbound/o3vrnil0e2ic28trm7dfhrc2v0cl2jk4nbp0g101",
        Fixtures.bytes("email/ec2-abuse-dos.eml"));

    SlimJar.Run sqs = SlimJar.run("sqs", event(dir, "sqs-health-batch.json"), env, List.of());
    SlimJar.Run ses = SlimJar.run("ses", event(dir, "ses-lambda-action.json"), env, List.of());
    SlimJar.Run tick = SlimJar.run("tick", event(dir, "scheduled-tick.json"), env, List.of());

    assertThat(sqs.exitCode()).as(sqs.err()).isZero();
    assertThat(sqs.answer())
        .contains("\"outcome\":\"opened\"")
        .contains("\"batchItemFailures\":[]");
    assertThat(ses.exitCode()).as(ses.err()).isZero();
    assertThat(ses.answer()).contains("\"outcome\":\"joined\"");
    assertThat(tick.exitCode()).as(tick.err()).isZero();
    assertThat(tick.answer()).contains("\"health_api\":\"off\"");
    assertThat(sqs.timings()).startsWith("{\"init_ms\":");
  }

  @Test
  void theJarServesTheDeskAtItsFunctionUrl() throws IOException {
    Map<String, String> env =
        new java.util.HashMap<>(env(EmbeddedPostgres.freshDatabase(), stubs, dir));
    env.put(
        Desk.CONFIG,
        "dashboard:\n  link_secret: {env: DASHBOARD_LINK_SECRET}\n  users:\n"
            + "    - {name: hanako, password_hash: \""
            + dev.abusedesk.config.PasswordHash.hash("correct horse".toCharArray())
            + "\"}\n");
    env.put("DASHBOARD_LINK_SECRET", "the-desks-link-secret-0123456789abcdef");
    com.fasterxml.jackson.databind.node.ObjectNode css =
        (com.fasterxml.jackson.databind.node.ObjectNode) Events.json("function-url-request.json");
    css.put("rawPath", "/dashboard/static/desk.css");
    Path cssEvent = dir.resolve("css.json");
    Files.write(cssEvent, Json.write(css));

    SlimJar.Run run =
        SlimJar.run(
            List.of(
                "http",
                event(dir, "function-url-request.json").toString(),
                "http",
                cssEvent.toString()),
            env,
            List.of());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] answers = run.answer().strip().split("\n");
    assertThat(answers).hasSize(2);
    assertThat(answers[0])
        .contains("\"statusCode\":200", "abusedesk_session=", "Secure", "name=\\\"password\\\"");
    assertThat(answers[1]).contains("\"statusCode\":200", "text/css");
  }

  @Test
  void theJarHoldsNoCliLibraryAndNoWebServer() throws IOException {
    List<String> offending = new ArrayList<>();
    try (ZipFile jar = new ZipFile(SlimJar.JAR.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        if (entry.getName().startsWith("picocli/")) {
          offending.add(entry.getName());
          continue;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          if (constants.contains("com/sun/net/httpserver") || constants.contains("picocli/")) {
            offending.add(entry.getName());
          }
        }
      }
    }
    assertThat(offending).isEmpty();
  }
}
