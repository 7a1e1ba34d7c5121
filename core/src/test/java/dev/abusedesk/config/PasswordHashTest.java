package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

  /** PBKDF2-HMAC-SHA256("password", "saltsalt", 210000), from Python's hashlib.pbkdf2_hmac. */
  private static final String KNOWN_HASH = "+YmZ8Ddc/JJGSbCeBo3GVR8YiNsJHa1qHmPhqVLohSc";

  @Test
  void verifiesThePasswordAHashWasMadeFrom() {
    String stored = PasswordHash.hash("correct horse".toCharArray());

    assertThat(PasswordHash.verify("correct horse".toCharArray(), stored)).isTrue();
    assertThat(PasswordHash.verify("correct horsf".toCharArray(), stored)).isFalse();
    assertThat(PasswordHash.verify(new char[0], stored)).isFalse();
  }

  @Test
  void writesSchemeIterationsSaltAndHash() {
    String[] fields = PasswordHash.hash("pw".toCharArray()).split("\\$");

    assertThat(fields).hasSize(4);
    assertThat(fields[0]).isEqualTo("pbkdf2-sha256");
    assertThat(fields[1]).isEqualTo("210000");
    assertThat(Base64.getDecoder().decode(fields[2])).hasSize(16);
    assertThat(Base64.getDecoder().decode(fields[3])).hasSize(32);
  }

  @Test
  void aDecoyIsAWellFormedHashOfTheGivenCostThatTheEmptyPasswordDoesNotMatch() {
    String decoy = PasswordHash.decoy(300_000);

    assertThat(PasswordHash.isWellFormed(decoy)).isTrue();
    assertThat(PasswordHash.iterations(decoy)).hasValue(300_000);
    assertThat(PasswordHash.verify(new char[0], decoy)).isFalse();
    assertThat(PasswordHash.decoy(300_000)).isNotEqualTo(decoy);
    assertThat(PasswordHash.iterations(PasswordHash.hash("pw".toCharArray())))
        .hasValue(PasswordHash.defaultIterations());
    assertThat(PasswordHash.iterations("pbkdf2-sha256$1$AAAA$AAAA")).isEmpty();
  }

  @Test
  void saltsEveryHashDifferently() {
    assertThat(PasswordHash.hash("pw".toCharArray()))
        .isNotEqualTo(PasswordHash.hash("pw".toCharArray()));
  }

  @Test
  void matchesAKnownVector() {
    String stored =
        "pbkdf2-sha256$210000$"
            + Base64.getEncoder()
                .withoutPadding()
                .encodeToString("saltsalt".getBytes(StandardCharsets.US_ASCII))
            + "$"
            + KNOWN_HASH;

    assertThat(PasswordHash.verify("password".toCharArray(), stored)).isTrue();
  }

  @Test
  void refusesMalformedHashesWithoutThrowing() {
    for (String stored :
        new String[] {
          "",
          "plain",
          "pbkdf2-sha256$210000$c2FsdHNhbHQ",
          "bcrypt$210000$c2FsdHNhbHQ$" + KNOWN_HASH,
          "pbkdf2-sha256$1$c2FsdHNhbHQ$" + KNOWN_HASH,
          "pbkdf2-sha256$999999999$c2FsdHNhbHQ$" + KNOWN_HASH,
          "pbkdf2-sha256$210000$!!!$" + KNOWN_HASH,
          "pbkdf2-sha256$210000$c2FsdHNhbHQ$c2hvcnQ",
        }) {
      assertThat(PasswordHash.isWellFormed(stored)).as(stored).isFalse();
      assertThat(PasswordHash.verify("password".toCharArray(), stored)).as(stored).isFalse();
    }
  }

  @Test
  void aDashboardUserChecksItsPasswordAndHidesItsHash() {
    String stored = PasswordHash.hash("s3cret".toCharArray());
    Dashboard dashboard =
        Yaml.parse(
                """
                dashboard:
                  users: [{name: alice, password_hash: "%s"}]
                  session_hours: 8
                """
                    .formatted(stored))
            .dashboard();

    Dashboard.User alice = dashboard.user("alice").orElseThrow();
    assertThat(alice.accepts("s3cret".toCharArray())).isTrue();
    assertThat(alice.accepts("guess".toCharArray())).isFalse();
    assertThat(alice.toString()).doesNotContain(stored.substring(30));
    assertThat(dashboard.sessionHours()).isEqualTo(8);
    assertThat(dashboard.user("bob")).isEmpty();
  }
}
