package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The invocation context the Lambda runtime passes, for runs on this machine. */
final class LocalContext implements Context {

  private final String functionName;
  private final String functionArn;
  private final Instant deadline;
  private final Clock clock;
  private final String requestId = UUID.randomUUID().toString();

  /**
   * @param timeout the function's timeout: {@link #getRemainingTimeInMillis()} counts down from it
   */
  LocalContext(String functionName, String accountId, Duration timeout, Clock clock) {
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    this.functionArn = "arn:aws:lambda:us-east-1:" + accountId + ":function:" + functionName;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deadline = clock.instant().plus(timeout);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return functionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.print(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
