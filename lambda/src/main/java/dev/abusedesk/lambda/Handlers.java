package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The functions by the names {@code abusedesk lambda invoke --handler NAME} takes. */
enum Handlers {
  HEALTH_EVENT(HealthEventHandler::new),
  SQS(SqsHandler::new),
  SES(SesHandler::new),
  WORKMAIL(WorkMailHandler::new),
  TICK(TickHandler::new),
  HTTP(FunctionUrlHandler::new);

  private final Function<Desk, RequestStreamHandler> create;

  Handlers(Function<Desk, RequestStreamHandler> create) {
    this.create = create;
  }

  /** The handler's name: {@code health-event}, {@code sqs}, ... */
  String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  RequestStreamHandler create(Desk desk) {
    return create.apply(desk);
  }

  static List<String> names() {
    return java.util.Arrays.stream(values()).map(Handlers::wire).toList();
  }

  /** The handler of that name, or of that class (as a Lambda function's handler names it). */
  static Handlers named(String name) {
    for (Handlers h : values()) {
      if (h.wire().equals(name) || h.className().equals(name)) {
        return h;
      }
    }
    throw new IllegalArgumentException("no handler " + name + "; handlers are " + names());
  }

  /** The class a Lambda function's handler setting names. */
  String className() {
    return switch (this) {
      case HEALTH_EVENT -> HealthEventHandler.class.getName();
      case SQS -> SqsHandler.class.getName();
      case SES -> SesHandler.class.getName();
      case WORKMAIL -> WorkMailHandler.class.getName();
      case TICK -> TickHandler.class.getName();
      case HTTP -> FunctionUrlHandler.class.getName();
    };
  }
}
