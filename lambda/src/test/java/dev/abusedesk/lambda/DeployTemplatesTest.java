package dev.abusedesk.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deployment templates in deploy/aws hold what keeps events from being missed or leaked. */
class DeployTemplatesTest {

  private static final Path DEPLOY = Path.of("..", "deploy", "aws");
  private static final Map<String, Object> CENTRAL =
      CloudFormationYaml.read(DEPLOY.resolve("central.yaml"));
  private static final Map<String, Object> MEMBER =
      CloudFormationYaml.read(DEPLOY.resolve("member-stackset.yaml"));

  /** Actions that take no resource-level permissions: "*" is the only resource they accept. */
  private static final Set<String> ONLY_ON_ANY_RESOURCE =
      Set.of(
          "ec2:CreateNetworkInterface",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSubnets",
          "ec2:DeleteNetworkInterface",
          "ec2:AssignPrivateIpAddresses",
          "ec2:UnassignPrivateIpAddresses",
          "health:DescribeEvents",
          "health:DescribeEventDetails",
          "health:DescribeAffectedEntities",
          "health:DescribeEventsForOrganization",
          "health:DescribeAffectedAccountsForOrganization",
          "health:DescribeEventDetailsForOrganization",
          "health:DescribeAffectedEntitiesForOrganization");

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
    return (Map<String, Map<String, Object>>) template.get("Resources");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  private static List<Map<String, Object>> ofType(Map<String, Object> template, String type) {
    return resources(template).values().stream().filter(r -> type.equals(r.get("Type"))).toList();
  }

  private static Map<String, Object> getAtt(String resource, String attribute) {
    return Map.of("Fn::GetAtt", List.of(resource, attribute));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRuleMatchesBothDetailTypesAndBothServicesOfAwsHealth() {
    List<Map<String, Object>> rules = new ArrayList<>(ofType(CENTRAL, "AWS::Events::Rule"));
    rules.addAll(ofType(MEMBER, "AWS::Events::Rule"));

    assertThat(rules).hasSize(3);
    for (Map<String, Object> rule : rules) {
      Map<String, Object> pattern = (Map<String, Object>) properties(rule).get("EventPattern");
      assertThat((List<String>) pattern.get("source")).containsExactly("aws.health");
      assertThat((List<String>) pattern.get("detail-type"))
          .containsExactlyInAnyOrder("AWS Health Event", "AWS Health Abuse Event");
      assertThat((List<String>) ((Map<String, Object>) pattern.get("detail")).get("service"))
          .containsExactlyInAnyOrder("ABUSE", "RISK");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void centralRulesFeedTheQueueWhoseFailuresEndInTheWatchedDeadLetterQueue() {
    for (Map<String, Object> rule : ofType(CENTRAL, "AWS::Events::Rule")) {
      assertThat((List<Map<String, Object>>) properties(rule).get("Targets"))
          .extracting(t -> t.get("Arn"))
          .containsExactly(getAtt("HealthQueue", "Arn"));
    }
    Map<String, Object> redrive =
        (Map<String, Object>)
            properties(resources(CENTRAL).get("HealthQueue")).get("RedrivePolicy");
    assertThat(redrive.get("deadLetterTargetArn"))
        .isEqualTo(getAtt("HealthDeadLetterQueue", "Arn"));
    assertThat((Integer) redrive.get("maxReceiveCount")).isBetween(1, 10);

    assertThat(ofType(CENTRAL, "AWS::CloudWatch::Alarm"))
        .map(DeployTemplatesTest::properties)
        .anySatisfy(
            alarm -> {
              assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
              assertThat((List<Map<String, Object>>) alarm.get("Dimensions"))
                  .containsExactly(
                      Map.of(
                          "Name",
                          "QueueName",
                          "Value",
                          getAtt("HealthDeadLetterQueue", "QueueName")));
              assertThat(alarm.get("Threshold")).isEqualTo(0);
            });

    Map<String, Object> queueEvent =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>)
                            properties(resources(CENTRAL).get("SqsFunction")).get("Events"))
                        .get("Queue"))
                .get("Properties");
    assertThat((List<String>) queueEvent.get("FunctionResponseTypes"))
        .containsExactly("ReportBatchItemFailures");
  }

  @Test
  @SuppressWarnings("unchecked")
  void onlyTheOrganizationMayPutHealthEventsOnTheCentralBus() {
    Map<String, Object> statement =
        (Map<String, Object>)
            properties(resources(CENTRAL).get("HealthBusPolicy")).get("Statement");

    assertThat(statement.get("Action")).isEqualTo("events:PutEvents");
    assertThat(statement.get("Resource")).isEqualTo(getAtt("HealthBus", "Arn"));
    assertThat(
            (Map<String, Object>)
                ((Map<String, Object>) statement.get("Condition")).get("StringEquals"))
        .containsEntry("aws:PrincipalOrgID", Map.of("Ref", "OrganizationId"));
    assertThat(
            (Map<String, Object>)
                ((Map<String, Object>) statement.get("Condition")).get("ForAllValues:StringEquals"))
        .containsEntry("events:source", List.of("aws.health"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void membersForwardThroughARoleThatMayOnlyPutOnTheCentralBus() {
    Map<String, Object> target =
        ((List<Map<String, Object>>)
                properties(resources(MEMBER).get("ForwardHealthRule")).get("Targets"))
            .get(0);
    assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "CentralBusArn"));
    assertThat(target.get("RoleArn")).isEqualTo(getAtt("ForwardRole", "Arn"));

    List<Map<String, Object>> statements = allowStatements(MEMBER);
    assertThat(statements)
        .filteredOn(s -> !"sts:AssumeRole".equals(s.get("Action")))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("events:PutEvents");
              assertThat(s.get("Resource")).isEqualTo(Map.of("Ref", "CentralBusArn"));
            });
  }

  @Test
  void noPolicyAllowsEveryActionOrAnyResourceWhereAResourceCanBeNamed() {
    List<Map<String, Object>> statements = new ArrayList<>(allowStatements(CENTRAL));
    statements.addAll(allowStatements(MEMBER));

    assertThat(statements).hasSizeGreaterThan(10);
    for (Map<String, Object> statement : statements) {
      List<String> actions = strings(statement.get("Action"));
      assertThat(actions).as("%s", statement).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
      if (strings(statement.get("Resource")).contains("*")) {
        assertThat(actions).as("%s", statement).allMatch(ONLY_ON_ANY_RESOURCE::contains);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFunctionNamesAHandlerThatExists() throws ClassNotFoundException {
    List<Map<String, Object>> functions = ofType(CENTRAL, "AWS::Serverless::Function");
    assertThat(functions).hasSize(5);
    for (Map<String, Object> function : functions) {
      String handler = (String) properties(function).get("Handler");
      assertThat(Handlers.named(handler).className()).isEqualTo(handler);
      assertThat(Class.forName(handler)).isNotNull();
    }
  }

  @Test
  void theDeploymentGuideHasTheCommandsToDeployBothTemplates() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "deployment", "aws.md"));

    assertThat(guide)
        .contains("sam deploy")
        .contains("deploy/aws/central.yaml")
        .contains("aws cloudformation create-stack-set")
        .contains("aws cloudformation create-stack-instances")
        .contains("--deployment-targets OrganizationalUnitIds=")
        .contains("us-east-1")
        .contains("us-west-2")
        .contains("2027-03-31");
  }

  /** Every Allow statement of every policy document in the template. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> allowStatements(Map<String, Object> template) {
    List<Map<String, Object>> found = new ArrayList<>();
    collect(template.get("Resources"), found);
    return found.stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<Map<String, Object>> found) {
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("Effect") && map.containsKey("Action")) {
        found.add((Map<String, Object>) map);
      }
      map.values().forEach(v -> collect(v, found));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, found));
    }
  }

  private static List<String> strings(Object value) {
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      return list.stream()
          .flatMap(v -> v instanceof String s ? Stream.of(s) : Stream.empty())
          .toList();
    }
    return List.of();
  }
}
