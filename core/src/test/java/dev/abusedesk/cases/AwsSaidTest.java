package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.Provenance;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status rule, row by row. Times are hours after an arbitrary start; an empty time is none. In
 * "reason", {@code closed} is AWS closing the case and {@code due} a reply due again.
 */
class AwsSaidTest {

  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # what happens                                                   | status        | closed | request | replied | owner | kind      | trust      | at | next          | closed | request | reason | note
          a notice on a new case starts the reply deadline                 | open          | -      | -       | -       | no    | notice    | verified   | 1  | open          | -      | 1       | -      | no
          an unverified notice still asks for a reply                      | open          | -      | -       | -       | no    | notice    | unverified | 1  | open          | -      | 1       | -      | no
          a follow-up moves the last request to its own time               | acknowledged  | -      | 1       | -       | yes   | follow_up | verified   | 3  | acknowledged  | -      | 3       | -      | no
          a follow-up dated before the last request keeps the later one    | open          | -      | 3       | -       | no    | follow_up | verified   | 2  | open          | -      | 3       | -      | no
          a verified closing mail closes an open case                      | open          | -      | 1       | -       | no    | closed    | verified   | 2  | closed_by_aws | 2      | 1       | closed | no
          a verified closing mail closes an acknowledged case              | acknowledged  | -      | 1       | -       | yes   | closed    | verified   | 2  | closed_by_aws | 2      | 1       | closed | no
          a verified closing mail closes a replied case                    | replied       | -      | 1       | 2       | yes   | closed    | verified   | 3  | closed_by_aws | 3      | 1       | closed | no
          a verified closing mail closes a mitigated case                  | mitigated     | -      | 1       | 2       | yes   | closed    | verified   | 3  | closed_by_aws | 3      | 1       | closed | no
          a verified closing mail leaves a resolved case resolved          | resolved      | -      | 1       | 2       | yes   | closed    | verified   | 3  | resolved      | 3      | 1       | -      | no
          a second verified closing mail keeps the case closed             | closed_by_aws | 2      | 1       | -       | no    | closed    | verified   | 4  | closed_by_aws | 4      | 1       | -      | no
          a late copy of an earlier closing mail keeps the later close     | closed_by_aws | 4      | 1       | -       | no    | closed    | verified   | 2  | closed_by_aws | 4      | 1       | -      | no
          a closing mail at the instant of the last request closes         | open          | -      | 2       | -       | no    | closed    | verified   | 2  | closed_by_aws | 2      | 2       | closed | no
          a closing mail dated before a later request leaves the case open | open          | -      | 5       | -       | no    | closed    | verified   | 3  | open          | 3      | 5       | -      | no
          a closing mail for a case without any request closes it          | open          | -      | -       | -       | no    | closed    | verified   | 1  | closed_by_aws | 1      | -       | closed | no
          an unverified closing mail leaves an open case open with a note  | open          | -      | 1       | -       | no    | closed    | unverified | 2  | open          | -      | 1       | -      | yes
          an unverified closing mail leaves an owned case owned with a note | acknowledged | -      | 1       | -       | yes   | closed    | unverified | 2  | acknowledged  | -      | 1       | -      | yes
          a forged closing mail leaves the case open with a note           | open          | -      | 1       | -       | no    | closed    | forged     | 2  | open          | -      | 1       | -      | yes
          an unverified closing mail on a replied case changes nothing     | replied       | -      | 1       | 2       | yes   | closed    | unverified | 3  | replied       | -      | 1       | -      | no
          an unverified closing mail on a closed case changes nothing      | closed_by_aws | 2      | 1       | -       | no    | closed    | unverified | 3  | closed_by_aws | 2      | 1       | -      | no
          a reminder after the reply makes a reply due again               | replied       | -      | 1       | 2       | no    | reminder  | verified   | 3  | open          | -      | 3       | due    | no
          a reminder after the reply goes back to the owner                | replied       | -      | 1       | 2       | yes   | reminder  | verified   | 3  | acknowledged  | -      | 3       | due    | no
          a reminder sent before the reply leaves the case replied         | replied       | -      | 1       | 3       | yes   | reminder  | verified   | 2  | replied       | -      | 2       | -      | no
          a reminder at the instant of the reply leaves the case replied   | replied       | -      | 1       | 2       | yes   | reminder  | verified   | 2  | replied       | -      | 2       | -      | no
          a final notification after the reply reopens a mitigated case    | mitigated     | -      | 1       | 2       | yes   | final     | verified   | 3  | acknowledged  | -      | 3       | due    | no
          a follow-up after the reply reopens a resolved case              | resolved      | -      | 1       | 2       | no    | follow_up | verified   | 3  | open          | -      | 3       | due    | no
          a follow-up on a resolved case nobody replied to leaves it       | resolved      | -      | 1       | -       | no    | follow_up | verified   | 3  | resolved      | -      | 3       | -      | no
          a request after AWS closed the case reopens it                   | closed_by_aws | 2      | 1       | -       | no    | follow_up | verified   | 3  | open          | 2      | 3       | due    | no
          a request after AWS closed an owned case reopens it for the owner | closed_by_aws | 2     | 1       | -       | yes   | reminder  | verified   | 3  | acknowledged  | 2      | 3       | due    | no
          a request dated before AWS closed the case leaves it closed      | closed_by_aws | 4      | 1       | -       | no    | follow_up | verified   | 3  | closed_by_aws | 4      | 3       | -      | no
          a reminder on an open case changes no status                     | open          | -      | 1       | -       | no    | reminder  | verified   | 2  | open          | -      | 2       | -      | no
          """)
  void decidesTheNextStatus(
      String what,
      String status,
      Integer closed,
      Integer request,
      Integer replied,
      String owner,
      String kind,
      String trust,
      int at,
      String next,
      Integer nextClosed,
      Integer nextRequest,
      String reason,
      String note) {
    AwsSaid said =
        new AwsSaid(
            Kind.fromWire(kind),
            new Provenance(Provenance.Trust.fromWire(trust), "dkim=none"),
            Category.SPAM,
            hours(at));
    AwsSaid.Standing before =
        new AwsSaid.Standing(
            CaseStatus.fromWire(status),
            Category.SPAM,
            hours(closed),
            hours(request),
            hours(replied),
            owner.equals("yes"));

    AwsSaid.Outcome after = said.applyTo(before);

    assertThat(after.status()).as("status").isEqualTo(CaseStatus.fromWire(next));
    assertThat(after.awsClosedAt()).as("AWS closed at").isEqualTo(hours(nextClosed));
    assertThat(after.lastRequestAt()).as("last request at").isEqualTo(hours(nextRequest));
    assertThat(after.reason()).as("reason").isEqualTo(reason(reason, kind));
    assertThat(after.note()).as("note").isEqualTo(note(note, "dkim=none"));
  }

  @ParameterizedTest(name = "a {1} report on a {0} case makes it {2}")
  @CsvSource({
    "other, spam, spam",
    "other, other, other",
    "spam, dos, spam",
    "spam, other, spam",
  })
  void upgradesACategoryOfOtherToTheFirstNamedOne(String was, String reported, String becomes) {
    AwsSaid said =
        new AwsSaid(
            Kind.FOLLOW_UP, Provenance.healthEvent(), Category.fromWire(reported), hours(2));
    AwsSaid.Standing before =
        new AwsSaid.Standing(CaseStatus.OPEN, Category.fromWire(was), null, hours(1), null, false);

    assertThat(said.applyTo(before).category()).isEqualTo(Category.fromWire(becomes));
  }

  @Test
  void theNoteOnAnUnverifiedCloseSaysWhatTheEvidenceWas() {
    AwsSaid said =
        new AwsSaid(
            Kind.CLOSED,
            Provenance.unverified("forwarded by alice@example.jp"),
            Category.SPAM,
            hours(2));

    Optional<String> note =
        said.applyTo(new AwsSaid.Standing(CaseStatus.OPEN, Category.SPAM, null, null, null, false))
            .note();

    assertThat(note)
        .contains(
            "AWS says closed, not verified (forwarded by alice@example.jp): the case stays open"
                + " until someone confirms");
  }

  @Test
  void aReportThatIsNotAboutAbuseSaysNothingToACase() {
    assertThatThrownBy(
            () -> new AwsSaid(Kind.NOT_ABUSE, Provenance.healthEvent(), Category.OTHER, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Instant hours(Integer h) {
    return h == null ? null : T0.plusSeconds(3600L * h);
  }

  private static String reason(String code, String kind) {
    if (code == null) {
      return "";
    }
    return switch (code) {
      case "closed" -> SystemNotes.AWS_CLOSED;
      case "due" ->
          "AWS sent a "
              + kind.toLowerCase(Locale.ROOT)
              + " after the case was settled: a reply is due";
      default -> throw new IllegalArgumentException("no such reason in the table: " + code);
    };
  }

  private static Optional<String> note(String yes, String basis) {
    return yes.equals("yes")
        ? Optional.of(
            SystemNotes.UNVERIFIED_CLOSE
                + " ("
                + basis
                + "): the case stays open until someone confirms")
        : Optional.empty();
  }
}
