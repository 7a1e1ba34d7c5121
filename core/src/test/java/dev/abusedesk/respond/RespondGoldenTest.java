package dev.abusedesk.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.Golden;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture's drafts and playbooks, in both languages, as golden text files. */
class RespondGoldenTest {

  static final Instant NOW = Instant.parse("2025-10-20T00:00:00Z");

  static Stream<String> fixtures() {
    return Fixtures.reports().stream().filter(f -> !abuseReports(f).isEmpty());
  }

  static List<Report> abuseReports(String fixture) {
    Parsed parsed = Fixtures.parser().parse(Fixtures.bytes(fixture), NOW);
    return parsed instanceof Parsed.Read read
        ? read.reports().stream().filter(Report::isAbuse).toList()
        : List.of();
  }

  /** The case a report opens, as case 42. */
  static CaseFacts facts(List<Report> reports) {
    Report first = reports.get(0);
    Case c =
        new Case(
            42,
            CaseStatus.OPEN,
            first.category(),
            first.accounts(),
            first.regions(),
            first.resources(),
            first.ips(),
            first.caseId() == null ? List.of() : List.of(first.caseId()),
            reports.size(),
            first.receivedAt(),
            first.receivedAt(),
            first.receivedAt(),
            first.deadline(),
            null,
            null,
            null);
    return CaseFacts.of(c, reports);
  }

  static String render(CaseFacts facts) {
    StringBuilder out = new StringBuilder();
    for (Draft draft : ReplyDrafts.of(facts)) {
      out.append("=== draft ").append(draft.type().wire()).append('\n');
      out.append("Subject: ").append(draft.subject()).append("\n\n").append(draft.body());
    }
    for (Language language : Language.values()) {
      out.append("=== playbook ").append(language.wire()).append('\n');
      out.append(PlaybookText.of(Playbooks.of(facts, language)));
    }
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void rendersTheDraftsAndPlaybooksOfEveryFixture(String fixture) {
    String name = fixture.substring(fixture.indexOf('/') + 1).replaceAll("\\.(eml|json)$", "");
    Golden.assertMatches("respond/" + name + ".txt", render(facts(abuseReports(fixture))));
  }

  @Test
  void theFixturesCoverTheCategoriesThatHavePlaybooksOfTheirOwn() {
    Set<dev.abusedesk.report.Category> seen = EnumSet.noneOf(dev.abusedesk.report.Category.class);
    fixtures().forEach(f -> seen.add(abuseReports(f).get(0).category()));

    assertThat(seen)
        .contains(
            dev.abusedesk.report.Category.SPAM,
            dev.abusedesk.report.Category.DOS,
            dev.abusedesk.report.Category.PORT_SCAN,
            dev.abusedesk.report.Category.CREDENTIALS_EXPOSED,
            dev.abusedesk.report.Category.COPYRIGHT);
  }
}
