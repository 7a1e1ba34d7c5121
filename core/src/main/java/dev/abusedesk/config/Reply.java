package dev.abusedesk.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMTP relay the dashboard sends replies to AWS through, and the only addresses it sends them
 * to.
 *
 * @param awsAddresses AWS's abuse addresses, lower case: a reply goes to the sender of the case's
 *     latest verified AWS mail only when that sender is one of these
 */
public record Reply(
    String host,
    int port,
    boolean starttls,
    Optional<String> username,
    Optional<Secret> password,
    String from,
    List<String> awsAddresses) {

  public static final int DEFAULT_PORT = 587;

  /** Where AWS's abuse notices come from: EC2 abuse, and AWS Trust &amp; Safety. */
  public static final List<String> DEFAULT_AWS_ADDRESSES =
      List.of("ec2-abuse@amazon.com", "trustandsafety@support.aws.com");

  // AWS's own mail domains, as the report package reads them: a reply never leaves for elsewhere.
  private static final Pattern AWS_ADDRESS =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9-]+\\.)*(?:amazon|aws|amazonaws)\\.com");

  public Reply {
    Objects.requireNonNull(host, "host");
    Ports.require(port);
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("username and password go together");
    }
    awsAddresses = awsAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();
    for (String address : awsAddresses) {
      if (!isAwsAddress(address)) {
        throw new IllegalArgumentException("not an AWS address: " + address);
      }
    }
  }

  /** The relay with AWS's default abuse addresses. */
  public Reply(
      String host,
      int port,
      boolean starttls,
      Optional<String> username,
      Optional<Secret> password,
      String from) {
    this(host, port, starttls, username, password, from, DEFAULT_AWS_ADDRESSES);
  }

  /** Whether {@code address} is a bare address at one of AWS's mail domains. */
  public static boolean isAwsAddress(String address) {
    return AWS_ADDRESS.matcher(address.toLowerCase(Locale.ROOT)).matches();
  }

  /** Whether a reply may go to {@code address}. */
  public boolean mayAnswer(String address) {
    return awsAddresses.contains(address.toLowerCase(Locale.ROOT));
  }
}
