package dev.abusedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS Health API as a loopback server speaking its wire protocol (JSON 1.1, {@code
 * X-Amz-Target: AWSHealth_20160804.*}): events, affected accounts and entities, paging with {@code
 * nextToken}, and the failures the real API shows: throttling (400 {@code ThrottlingException}), an
 * endpoint that is down (503), an account without the support plan ({@code
 * SubscriptionRequiredException}).
 */
public final class HealthApiStub implements AutoCloseable {

  private static final String JSON = "application/x-amz-json-1.1";
  private static final String PREFIX = "AWSHealth_20160804.";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One event as the stub serves it.
   *
   * @param entities the affected entity values, by account
   */
  public record Event(
      String arn,
      String service,
      String eventTypeCode,
      String region,
      Instant startTime,
      Instant lastUpdatedTime,
      String statusCode,
      String description,
      Map<String, List<String>> entities) {
    public Event {
      Objects.requireNonNull(arn, "arn");
      entities = new LinkedHashMap<>(entities);
    }
  }

  private final StubHttp http;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean down;
  private volatile boolean unsubscribed;
  private volatile int throttleEvery;
  private volatile int pageSize = 2;

  private HealthApiStub() {
    http = StubHttp.start(this::answer);
  }

  public static HealthApiStub start() {
    return new HealthApiStub();
  }

  public URI uri() {
    return http.uri();
  }

  public HealthApiStub add(Event event) {
    events.add(event);
    return this;
  }

  /** Answers 503 to everything, as an endpoint in trouble does. */
  public HealthApiStub down(boolean down) {
    this.down = down;
    return this;
  }

  /** Answers {@code SubscriptionRequiredException}, as for an account on Basic support. */
  public HealthApiStub unsubscribed(boolean unsubscribed) {
    this.unsubscribed = unsubscribed;
    return this;
  }

  /** Throttles every {@code n}th call (0: never). */
  public HealthApiStub throttleEvery(int n) {
    this.throttleEvery = n;
    return this;
  }

  /** How many items a page holds at most, whatever the caller asks for. */
  public HealthApiStub pageSize(int n) {
    this.pageSize = n;
    return this;
  }

  /** The operations called, in order (throttled and failed calls included). */
  public List<String> operations() {
    return http.requests().stream().map(r -> r.header("X-Amz-Target").replace(PREFIX, "")).toList();
  }

  private StubHttp.Answer answer(StubHttp.Request request) throws IOException {
    if (down) {
      return error(503, "ServiceUnavailableException", "Service unavailable");
    }
    int n = calls.incrementAndGet();
    if (unsubscribed) {
      return error(
          400,
          "SubscriptionRequiredException",
          "The AWS Support plan for this account does not include the AWS Health API.");
    }
    if (throttleEvery > 0 && n % throttleEvery == 0) {
      return error(400, "ThrottlingException", "Rate exceeded");
    }
    String target = request.header("X-Amz-Target");
    if (!request.method().equals("POST")
        || !target.startsWith(PREFIX)
        || !request.header("Content-Type").startsWith(JSON)
        || !request.header("Authorization").startsWith("AWS4-HMAC-SHA256 ")) {
      return error(400, "SerializationException", "not a signed JSON 1.1 Health request");
    }
    JsonNode in = MAPPER.readTree(request.body());
    return switch (target.substring(PREFIX.length())) {
      case "DescribeEvents" ->
          describeEvents(in, in.path("filter").path("lastUpdatedTimes").path(0));
      case "DescribeEventsForOrganization" ->
          describeEvents(in, in.path("filter").path("lastUpdatedTime"));
      case "DescribeAffectedAccountsForOrganization" -> affectedAccounts(in);
      case "DescribeEventDetails" -> details(in, false);
      case "DescribeEventDetailsForOrganization" -> details(in, true);
      case "DescribeAffectedEntities" -> entities(in, false);
      case "DescribeAffectedEntitiesForOrganization" -> entities(in, true);
      default -> error(400, "UnknownOperationException", "unknown operation " + target);
    };
  }

  private StubHttp.Answer describeEvents(JsonNode in, JsonNode range) {
    List<String> services = new ArrayList<>();
    in.path("filter").path("services").forEach(s -> services.add(s.asText()));
    double from = range.path("from").asDouble(0);
    double to = range.path("to").asDouble(Double.MAX_VALUE);
    List<Event> matching =
        events.stream()
            .filter(e -> services.isEmpty() || services.contains(e.service()))
            .filter(e -> seconds(e.lastUpdatedTime()) >= from && seconds(e.lastUpdatedTime()) <= to)
            .toList();
    return page(in, matching, "events", this::event);
  }

  private StubHttp.Answer affectedAccounts(JsonNode in) {
    Event event = find(in.path("eventArn").asText());
    List<String> accounts = event == null ? List.of() : List.copyOf(event.entities().keySet());
    StubHttp.Answer answer =
        page(in, accounts, "affectedAccounts", a -> MAPPER.getNodeFactory().textNode(a));
    return answer;
  }

  private StubHttp.Answer details(JsonNode in, boolean organization) {
    ObjectNode out = MAPPER.createObjectNode();
    ArrayNode ok = out.putArray("successfulSet");
    ArrayNode failed = out.putArray("failedSet");
    List<String[]> wanted = new ArrayList<>();
    if (organization) {
      in.path("organizationEventDetailFilters")
          .forEach(
              f ->
                  wanted.add(
                      new String[] {f.path("eventArn").asText(), f.path("awsAccountId").asText()}));
    } else {
      in.path("eventArns").forEach(a -> wanted.add(new String[] {a.asText(), ""}));
    }
    for (String[] w : wanted) {
      Event event = find(w[0]);
      if (event == null) {
        ObjectNode f = failed.addObject();
        f.put("eventArn", w[0]);
        f.put("errorName", "NotFound");
        f.put("errorMessage", "no such event");
        continue;
      }
      ObjectNode d = ok.addObject();
      if (organization) {
        d.put("awsAccountId", w[1]);
      }
      d.set("event", event(event));
      d.putObject("eventDescription").put("latestDescription", event.description());
      d.putObject("eventMetadata");
    }
    return StubHttp.Answer.json(200, JSON, out.toString());
  }

  private StubHttp.Answer entities(JsonNode in, boolean organization) {
    List<ObjectNode> found = new ArrayList<>();
    if (organization) {
      JsonNode filters = in.path("organizationEntityAccountFilters");
      if (filters.isMissingNode()) {
        filters = in.path("organizationEntityFilters");
      }
      for (JsonNode f : filters) {
        entitiesOf(find(f.path("eventArn").asText()), f.path("awsAccountId").asText(), found);
      }
    } else {
      for (JsonNode arn : in.path("filter").path("eventArns")) {
        Event event = find(arn.asText());
        if (event != null) {
          event.entities().keySet().forEach(account -> entitiesOf(event, account, found));
        }
      }
    }
    return page(in, found, "entities", e -> e);
  }

  private static void entitiesOf(Event event, String account, List<ObjectNode> found) {
    if (event == null) {
      return;
    }
    for (String value : event.entities().getOrDefault(account, List.of())) {
      ObjectNode e = MAPPER.createObjectNode();
      e.put("entityArn", event.arn() + "/" + value);
      e.put("eventArn", event.arn());
      e.put("entityValue", value);
      e.put("awsAccountId", account);
      e.put("lastUpdatedTime", seconds(event.lastUpdatedTime()));
      e.put("statusCode", "IMPAIRED");
      found.add(e);
    }
  }

  private <T> StubHttp.Answer page(
      JsonNode in, List<T> items, String field, java.util.function.Function<T, JsonNode> json) {
    int offset = 0;
    String token = in.path("nextToken").asText("");
    if (!token.isEmpty()) {
      if (!token.startsWith("page-")) {
        return error(400, "InvalidPaginationToken", "bad token " + token);
      }
      offset = Integer.parseInt(token.substring(5));
    }
    int size = Math.min(pageSize, in.path("maxResults").asInt(100));
    ObjectNode out = MAPPER.createObjectNode();
    ArrayNode array = out.putArray(field);
    for (int i = offset; i < Math.min(items.size(), offset + size); i++) {
      array.add(json.apply(items.get(i)));
    }
    if (offset + size < items.size()) {
      out.put("nextToken", "page-" + (offset + size));
    }
    return StubHttp.Answer.json(200, JSON, out.toString());
  }

  private ObjectNode event(Event e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("arn", e.arn());
    o.put("service", e.service());
    o.put("eventTypeCode", e.eventTypeCode());
    o.put("eventTypeCategory", "issue");
    o.put("eventScopeCode", "ACCOUNT_SPECIFIC");
    o.put("region", e.region());
    o.put("startTime", seconds(e.startTime()));
    o.put("lastUpdatedTime", seconds(e.lastUpdatedTime()));
    o.put("statusCode", e.statusCode());
    return o;
  }

  private Event find(String arn) {
    return events.stream().filter(e -> e.arn().equals(arn)).findFirst().orElse(null);
  }

  private static double seconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  private static StubHttp.Answer error(int status, String type, String message) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("__type", type);
    out.put("message", message);
    return new StubHttp.Answer(
        status,
        Map.of("Content-Type", JSON, "x-amzn-RequestId", "stub-" + System.nanoTime()),
        out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    http.close();
  }
}
