package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhraseTest {

  private static final Phrase LEFT =
      new Phrase("{} left to reply to case #{}.", "ケース #{} の返信期限まで残り{}です。");

  @Test
  void saysItselfInEveryLanguage() {
    Phrase phrase = new Phrase("Resolved", "解決済み");

    assertThat(phrase.in(Language.EN)).isEqualTo("Resolved");
    assertThat(phrase.in(Language.JA)).isEqualTo("解決済み");
  }

  @Test
  void fillsTheHolesInOrderWhereEachLanguagePutsThem() {
    assertThat(LEFT.in(Language.EN, "3 h", 42)).isEqualTo("3 h left to reply to case #42.");
    assertThat(LEFT.in(Language.JA, 42, "3時間")).isEqualTo("ケース #42 の返信期限まで残り3時間です。");
  }

  @Test
  void putsAValueInAsItIsEvenWhenItLooksLikeAHole() {
    assertThat(new Phrase("Now: {}, by {}.", "現在：{}（{}）").in(Language.EN, "{}", "a{}b"))
        .isEqualTo("Now: {}, by a{}b.");
  }

  @Test
  void refusesLanguagesWithDifferentHoles() {
    assertThatThrownBy(() -> new Phrase("{} more", "他件"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesValuesThatDoNotMatchTheHoles() {
    assertThatThrownBy(() -> LEFT.in(Language.EN, "3 h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LEFT.in(Language.EN, "3 h", 42, "more"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
