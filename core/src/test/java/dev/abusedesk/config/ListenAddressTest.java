package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

  @Test
  void readsHostAndPort() {
    assertThat(ListenAddress.parse("127.0.0.1:2525"))
        .contains(new ListenAddress("127.0.0.1", 2525));
    assertThat(ListenAddress.parse("[::1]:2525")).contains(new ListenAddress("::1", 2525));
    assertThat(ListenAddress.parse("mail.example.com:25"))
        .contains(new ListenAddress("mail.example.com", 25));
  }

  @Test
  void printsIpv6InBrackets() {
    assertThat(new ListenAddress("::1", 2525)).hasToString("[::1]:2525");
    assertThat(new ListenAddress("0.0.0.0", 25)).hasToString("0.0.0.0:25");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2525",
        ":2525",
        "127.0.0.1",
        "127.0.0.1:",
        "127.0.0.1:0",
        "127.0.0.1:65536",
        "::1:2525",
        "[::1]2525",
        "[127.0.0.1]:25",
        "256.0.0.1:25",
        "[::g]:25",
        "exa mple:25",
        "host:port"
      })
  void refusesWhatIsNotHostColonPort(String text) {
    assertThat(ListenAddress.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1:1",
        "127.255.255.254:1",
        "localhost:1",
        "LOCALHOST:1",
        "[::1]:1",
        "[0:0:0:0:0:0:0:1]:1",
        "[::ffff:127.0.0.1]:1"
      })
  void knowsLoopback(String text) {
    assertThat(ListenAddress.parse(text).orElseThrow().isLoopback()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0:1",
        "128.0.0.1:1",
        "10.0.0.1:1",
        "[::]:1",
        "[::2]:1",
        "localhost.example.com:1",
        "loopback:1"
      })
  void everythingElseIsBeyondLoopback(String text) {
    assertThat(ListenAddress.parse(text).orElseThrow().isLoopback()).isFalse();
  }
}
