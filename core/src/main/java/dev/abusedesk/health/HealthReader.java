package dev.abusedesk.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.health.model.AffectedEntity;
import software.amazon.awssdk.services.health.model.DateTimeRange;
import software.amazon.awssdk.services.health.model.DescribeAffectedAccountsForOrganizationResponse;
import software.amazon.awssdk.services.health.model.DescribeAffectedEntitiesForOrganizationResponse;
import software.amazon.awssdk.services.health.model.DescribeAffectedEntitiesResponse;
import software.amazon.awssdk.services.health.model.DescribeEventsForOrganizationResponse;
import software.amazon.awssdk.services.health.model.DescribeEventsResponse;
import software.amazon.awssdk.services.health.model.EntityAccountFilter;
import software.amazon.awssdk.services.health.model.Event;
import software.amazon.awssdk.services.health.model.EventAccountFilter;
import software.amazon.awssdk.services.health.model.EventDetails;
import software.amazon.awssdk.services.health.model.OrganizationEvent;
import software.amazon.awssdk.services.health.model.OrganizationEventDetails;

/**
 * Reads the abuse and risk events updated in a time range: first the list (so that a backfill knows
 * how much is left), then each event's description and affected entities. With the organizational
 * view, one event per affected account.
 */
final class HealthReader {

  /** The Health services that carry abuse reports and risks such as exposed keys. */
  static final List<String> SERVICES = List.of("ABUSE", "RISK");

  private static final int PAGE = 100;
  private static final int DETAILS_BATCH = 10;

  /** An event listed, not yet described: for one account under the organizational view. */
  record Listed(Event event, String account) {}

  private final HealthCalls calls;
  private final boolean organizationView;
  private final Optional<String> selfAccount;

  HealthReader(HealthCalls calls, boolean organizationView, Optional<String> selfAccount) {
    this.calls = calls;
    this.organizationView = organizationView;
    this.selfAccount = selfAccount;
  }

  List<Listed> list(Instant from, Instant to) {
    DateTimeRange range = DateTimeRange.builder().from(from).to(to).build();
    if (!organizationView) {
      List<Event> events =
          HealthCalls.pages(
              token ->
                  calls.call(
                      "DescribeEvents",
                      c ->
                          c.describeEvents(
                              r ->
                                  r.filter(f -> f.services(SERVICES).lastUpdatedTimes(range))
                                      .maxResults(PAGE)
                                      .nextToken(token))),
              DescribeEventsResponse::events,
              DescribeEventsResponse::nextToken);
      return events.stream().map(e -> new Listed(e, selfAccount.orElse(""))).toList();
    }
    List<OrganizationEvent> events =
        HealthCalls.pages(
            token ->
                calls.call(
                    "DescribeEventsForOrganization",
                    c ->
                        c.describeEventsForOrganization(
                            r ->
                                r.filter(f -> f.services(SERVICES).lastUpdatedTime(range))
                                    .maxResults(PAGE)
                                    .nextToken(token))),
            DescribeEventsForOrganizationResponse::events,
            DescribeEventsForOrganizationResponse::nextToken);
    List<Listed> listed = new ArrayList<>();
    for (OrganizationEvent o : events) {
      Event event = asEvent(o);
      List<String> accounts =
          HealthCalls.pages(
              token ->
                  calls.call(
                      "DescribeAffectedAccountsForOrganization",
                      c ->
                          c.describeAffectedAccountsForOrganization(
                              r -> r.eventArn(o.arn()).maxResults(PAGE).nextToken(token))),
              DescribeAffectedAccountsForOrganizationResponse::affectedAccounts,
              DescribeAffectedAccountsForOrganizationResponse::nextToken);
      for (String account : new LinkedHashSet<>(accounts)) {
        listed.add(new Listed(event, account));
      }
    }
    return listed;
  }

  /** Describes up to {@value #DETAILS_BATCH} listed events. */
  List<HealthEvent> describe(List<Listed> batch) {
    if (batch.size() > DETAILS_BATCH) {
      throw new IllegalArgumentException("at most " + DETAILS_BATCH + " events at a time");
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    if (!organizationView) {
      List<String> arns = batch.stream().map(l -> l.event().arn()).distinct().toList();
      for (EventDetails d :
          calls
              .call("DescribeEventDetails", c -> c.describeEventDetails(r -> r.eventArns(arns)))
              .successfulSet()) {
        descriptions.put(d.event().arn() + "|", text(d.eventDescription()));
      }
    } else {
      List<EventAccountFilter> filters = batch.stream().map(HealthReader::filter).toList();
      for (OrganizationEventDetails d :
          calls
              .call(
                  "DescribeEventDetailsForOrganization",
                  c ->
                      c.describeEventDetailsForOrganization(
                          r -> r.organizationEventDetailFilters(filters)))
              .successfulSet()) {
        descriptions.put(d.event().arn() + "|" + d.awsAccountId(), text(d.eventDescription()));
      }
    }
    List<HealthEvent> described = new ArrayList<>();
    for (Listed listed : batch) {
      List<AffectedEntity> entities = entities(listed);
      String account = listed.account();
      if (account.isEmpty()) {
        // Without the organizational view the entities name the account the event is about.
        account =
            entities.stream()
                .map(AffectedEntity::awsAccountId)
                .filter(a -> a != null && a.matches("\\d{12}"))
                .findFirst()
                .orElse("");
      }
      String key = listed.event().arn() + "|" + (organizationView ? listed.account() : "");
      described.add(event(listed.event(), account, descriptions.getOrDefault(key, ""), entities));
    }
    return described;
  }

  private List<AffectedEntity> entities(Listed listed) {
    String arn = listed.event().arn();
    if (!organizationView) {
      return HealthCalls.pages(
          token ->
              calls.call(
                  "DescribeAffectedEntities",
                  c ->
                      c.describeAffectedEntities(
                          r -> r.filter(f -> f.eventArns(arn)).maxResults(PAGE).nextToken(token))),
          DescribeAffectedEntitiesResponse::entities,
          DescribeAffectedEntitiesResponse::nextToken);
    }
    EntityAccountFilter filter =
        EntityAccountFilter.builder().eventArn(arn).awsAccountId(listed.account()).build();
    return HealthCalls.pages(
        token ->
            calls.call(
                "DescribeAffectedEntitiesForOrganization",
                c ->
                    c.describeAffectedEntitiesForOrganization(
                        r ->
                            r.organizationEntityAccountFilters(filter)
                                .maxResults(PAGE)
                                .nextToken(token))),
        DescribeAffectedEntitiesForOrganizationResponse::entities,
        DescribeAffectedEntitiesForOrganizationResponse::nextToken);
  }

  private static EventAccountFilter filter(Listed listed) {
    return EventAccountFilter.builder()
        .eventArn(listed.event().arn())
        .awsAccountId(listed.account())
        .build();
  }

  private static HealthEvent event(
      Event e, String account, String description, List<AffectedEntity> entities) {
    Set<String> seen = new LinkedHashSet<>();
    List<HealthEvent.Entity> affected = new ArrayList<>();
    for (AffectedEntity entity : entities) {
      if (entity.entityValue() != null && seen.add(entity.entityValue())) {
        affected.add(
            new HealthEvent.Entity(
                entity.entityValue(), entity.lastUpdatedTime(), entity.statusCodeAsString()));
      }
    }
    return new HealthEvent(
        e.arn(),
        e.service(),
        e.eventTypeCode(),
        e.eventTypeCategoryAsString(),
        e.eventScopeCodeAsString(),
        e.region(),
        e.startTime(),
        e.endTime(),
        e.lastUpdatedTime() != null
            ? e.lastUpdatedTime()
            : e.startTime() != null ? e.startTime() : Instant.EPOCH,
        e.statusCodeAsString(),
        account,
        description,
        affected);
  }

  private static Event asEvent(OrganizationEvent o) {
    return Event.builder()
        .arn(o.arn())
        .service(o.service())
        .eventTypeCode(o.eventTypeCode())
        .eventTypeCategory(o.eventTypeCategoryAsString())
        .eventScopeCode(o.eventScopeCodeAsString())
        .region(o.region())
        .startTime(o.startTime())
        .endTime(o.endTime())
        .lastUpdatedTime(o.lastUpdatedTime())
        .statusCode(o.statusCodeAsString())
        .build();
  }

  private static String text(
      software.amazon.awssdk.services.health.model.EventDescription description) {
    return description == null || description.latestDescription() == null
        ? ""
        : description.latestDescription();
  }
}
