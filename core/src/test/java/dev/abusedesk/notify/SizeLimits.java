package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.testing.LoopbackHttp.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The documented size limits of each tool, checked on a request as it arrived. */
final class SizeLimits {

  private SizeLimits() {}

  static void assertWithin(String kind, Request request) {
    int bytes = request.body().getBytes(StandardCharsets.UTF_8).length;
    switch (kind) {
      case "slack-webhook", "slack-bot" -> slack(GoldenRequest.parse(request.body()));
      case "teams" -> assertThat(bytes).isLessThanOrEqualTo(28_000);
      case "google-chat" -> assertThat(bytes).isLessThanOrEqualTo(32_000);
      case "chatwork" -> {
        String form = request.body();
        String body =
            URLDecoder.decode(
                form.substring("body=".length(), form.indexOf("&self_unread")),
                StandardCharsets.UTF_8);
        assertThat(body.length()).isLessThanOrEqualTo(65_535);
      }
      case "discord" -> discord(GoldenRequest.parse(request.body()));
      case "pagerduty" -> {
        assertThat(bytes).isLessThanOrEqualTo(512 * 1024);
        assertThat(
                GoldenRequest.parse(request.body())
                    .path("payload")
                    .path("summary")
                    .asText()
                    .length())
            .isLessThanOrEqualTo(1_024);
      }
      case "webhook" -> assertThat(bytes).isLessThanOrEqualTo(1024 * 1024);
      default -> throw new IllegalArgumentException("no limits known for " + kind);
    }
  }

  private static void slack(JsonNode message) {
    assertThat(message.path("text").asText().length()).isLessThanOrEqualTo(40_000);
    assertThat(message.path("blocks").size()).isLessThanOrEqualTo(50);
    for (JsonNode block : message.path("blocks")) {
      int max = block.path("type").asText().equals("header") ? 150 : 3_000;
      assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(max);
    }
  }

  private static void discord(JsonNode message) {
    assertThat(message.path("content").asText().length()).isLessThanOrEqualTo(2_000);
    assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
    int total = 0;
    for (JsonNode embed : message.path("embeds")) {
      assertThat(embed.path("title").asText().length()).isLessThanOrEqualTo(256);
      assertThat(embed.path("description").asText().length()).isLessThanOrEqualTo(4_096);
      total +=
          embed.path("title").asText().length()
              + embed.path("description").asText().length()
              + embed.path("footer").path("text").asText().length();
    }
    assertThat(total).isLessThanOrEqualTo(6_000);
  }
}
