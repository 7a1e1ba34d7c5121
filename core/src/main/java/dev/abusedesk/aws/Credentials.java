package dev.abusedesk.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** AWS credentials from the environment a command or function was given. */
public final class Credentials {

  private Credentials() {}

  /**
   * The keys in {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code
   * AWS_SESSION_TOKEN} (what Lambda sets) when {@code env} has them, else the SDK's default chain
   * (profiles, SSO, container and instance roles).
   */
  public static AwsCredentialsProvider fromEnvironment(Map<String, String> env) {
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        token == null || token.isBlank()
            ? AwsBasicCredentials.create(id, secret)
            : AwsSessionCredentials.create(id, secret, token));
  }
}
