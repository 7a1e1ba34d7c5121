package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatworkNotifierTest {

  private final ChatworkNotifier notifier =
      new ChatworkNotifier(
          new ReceiverKind.Chatwork(
              Secret.of("t"), "1", ReceiverKind.Chatwork.DEFAULT_API_URL, List.of()));

  @Test
  void waitsUntilTheRateLimitResetsWhenThereIsNoRetryAfter() {
    Response limited =
        new Response(
            429,
            Map.of(
                "date", List.of("Mon, 20 Oct 2025 00:00:00 GMT"),
                "x-ratelimit-reset", List.of(Long.toString(1760918400L + 90))),
            "{\"errors\":[\"Rate limit exceeded\"]}");

    assertThat(notifier.classify(limited))
        .isEqualTo(new Delivery.Retry(Duration.ofSeconds(90), "HTTP 429: Rate limit exceeded"));
  }

  @Test
  void breaksTagsButKeepsBracketedAddresses() {
    assertThat(ChatworkNotifier.escape("[toall][To:1][/info] [203.0.113.45]"))
        .isEqualTo("［toall]［To:1]［/info] [203.0.113.45]");
  }
}
