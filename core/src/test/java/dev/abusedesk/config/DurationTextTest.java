package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @Test
  void readsEachUnitAndCombinations() {
    assertThat(DurationText.parse("30s")).contains(Duration.ofSeconds(30));
    assertThat(DurationText.parse("90m")).contains(Duration.ofMinutes(90));
    assertThat(DurationText.parse("12h")).contains(Duration.ofHours(12));
    assertThat(DurationText.parse("2d")).contains(Duration.ofDays(2));
    assertThat(DurationText.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(DurationText.parse("1d2h3m4s"))
        .contains(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
    assertThat(DurationText.parse("0s")).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12",
        "12x",
        "h",
        "1.5h",
        "-1h",
        "30m1h",
        "1h1h",
        "1 h",
        "1H",
        "P1D",
        "99999999999d",
        "1h 30m"
      })
  void refusesAnythingElse(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @Test
  void writesTheShortestForm() {
    assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(DurationText.format(Duration.ofDays(2))).isEqualTo("2d");
    assertThat(DurationText.format(Duration.ofSeconds(86_461))).isEqualTo("1d1m1s");
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void reportsBadAndZeroDurationsInTheFile() {
    assertThat(
            Yaml.problems(
                """
                reminders:
                  offsets: [12h, 12x, 0s, 6h, 12h]
                  acknowledged_offsets: 2h
                  escalate_at: 0m
                  overdue_interval: 60
                """))
        .containsExactly(
            "reminders.offsets[1]: not a duration: \"12x\"",
            "reminders.offsets[2]: must be positive",
            "reminders.offsets[4]: duplicate 12h",
            "reminders.acknowledged_offsets: must be a list",
            "reminders.escalate_at: must be positive",
            "reminders.overdue_interval: not a duration: \"60\"");
  }

  @Test
  void keepsReminderOffsetsEarliestFirst() {
    Reminders reminders =
        Yaml.parse(
                """
                receivers: [{name: pager, console: {}}]
                reminders:
                  offsets: [1h, 6h, 30m]
                  acknowledged_offsets: [1h, 3h]
                  escalate_at: 1h30m
                  escalation_receivers: [pager]
                  overdue_interval: 2h
                """)
            .reminders();

    assertThat(reminders.offsets())
        .containsExactly(Duration.ofHours(6), Duration.ofHours(1), Duration.ofMinutes(30));
    assertThat(reminders.acknowledgedOffsets())
        .containsExactly(Duration.ofHours(3), Duration.ofHours(1));
    assertThat(reminders.escalateAt()).isEqualTo(Duration.ofMinutes(90));
    assertThat(reminders.escalationReceivers()).containsExactly("pager");
    assertThat(reminders.overdueInterval()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void anEmptyOffsetListMeansNoReminders() {
    assertThat(Yaml.parse("reminders: {offsets: []}").reminders().offsets()).isEmpty();
  }
}
