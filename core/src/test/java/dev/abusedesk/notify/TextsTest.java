package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void namesEveryCategoryInWordsDifferentlyInEachLanguage() {
    for (Language language : Language.values()) {
      Set<String> names = new HashSet<>();
      for (Category category : Category.values()) {
        names.add(Texts.of(language).category(category));
      }
      assertThat(names).as(language.wire()).hasSize(Category.values().length);
    }
    assertThat(Texts.of(Language.EN).category(Category.SPAM)).isEqualTo("Spam / unsolicited email");
    assertThat(Texts.of(Language.JA).category(Category.SPAM)).isEqualTo("スパム・迷惑メール送信");
  }

  @Test
  void givesFourStepsForEveryCategoryStartingWithTheFirstReply() {
    for (Language language : Language.values()) {
      for (Category category : Category.values()) {
        assertThat(Texts.of(language).steps(category)).as("%s %s", language, category).hasSize(4);
      }
    }
    assertThat(Texts.of(Language.EN).steps(Category.CREDENTIALS_EXPOSED).get(1))
        .contains("deactivate the exposed access key", "CloudTrail");
    assertThat(Texts.of(Language.JA).steps(Category.SPAM).get(0)).contains("24時間以内");
  }

  @Test
  void tellsWhatAFinalNotificationMeans() {
    assertThat(Texts.of(Language.EN).kind(Kind.FINAL)).contains("already taken action");
    assertThat(Texts.of(Language.JA).kind(Kind.FINAL)).contains("既に措置を実施");
  }

  @Test
  void writesDurationsToTheMinute() {
    Texts en = Texts.of(Language.EN);
    Texts ja = Texts.of(Language.JA);

    assertThat(en.duration(Duration.ofMinutes(23 * 60 + 12))).isEqualTo("23 h 12 min");
    assertThat(en.duration(Duration.ofMinutes(59))).isEqualTo("59 min");
    assertThat(en.duration(Duration.ofHours(51))).isEqualTo("2 d 3 h");
    assertThat(en.overdueBy(Duration.ofMinutes(65))).isEqualTo("overdue by 1 h 5 min");
    assertThat(ja.duration(Duration.ofMinutes(23 * 60 + 12))).isEqualTo("23時間12分");
    assertThat(ja.overdueBy(Duration.ofMinutes(65))).isEqualTo("1時間5分超過");
  }

  @Test
  void hasAWordForEveryStatusAndType() {
    for (Language language : Language.values()) {
      Texts texts = Texts.of(language);
      for (CaseStatus status : CaseStatus.values()) {
        assertThat(texts.status(status)).isNotBlank();
      }
      for (Alert.Type type : Alert.Type.values()) {
        assertThat(texts.title(type, false)).isNotBlank();
      }
    }
  }
}
