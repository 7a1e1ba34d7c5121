package dev.abusedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.abusedesk.config.Account;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Contact;
import dev.abusedesk.config.Language;
import dev.abusedesk.testing.StubHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class OrganizationAccountsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "application/x-amz-json-1.1";

  /** Two pages of accounts, as AWS Organizations answers ListAccounts. */
  private static final Map<String, String> ACCOUNT_PAGES =
      Map.of(
          "",
          """
          {"Accounts":[
            {"Id":"111122223333","Arn":"arn:aws:organizations::999900001111:account/o-abc/111122223333",
             "Email":"web@example.com","Name":"web-prod","Status":"ACTIVE","State":"ACTIVE",
             "JoinedMethod":"CREATED","JoinedTimestamp":1.6e9},
            {"Id":"222233334444","Arn":"arn:aws:organizations::999900001111:account/o-abc/222233334444",
             "Email":"lab@example.com","Name":"Lab, \\"sandbox\\"","Status":"ACTIVE","State":"ACTIVE",
             "JoinedMethod":"INVITED","JoinedTimestamp":1.6e9}
          ],"NextToken":"t2"}
          """,
          "t2",
          """
          {"Accounts":[
            {"Id":"000011112222","Arn":"arn:aws:organizations::999900001111:account/o-abc/000011112222",
             "Email":"old@example.com","Name":"legacy","Status":"SUSPENDED","State":"SUSPENDED",
             "JoinedMethod":"CREATED","JoinedTimestamp":1.5e9}
          ]}
          """);

  private static final Map<String, String> TAGS =
      Map.of(
          "111122223333",
          "{\"Tags\":[{\"Key\":\"customer\",\"Value\":\"Acme\"},{\"Key\":\"env\",\"Value\":\"prod\"},"
              + "{\"Key\":\"team\",\"Value\":\"web;ops\"}]}",
          "222233334444",
          "{\"Tags\":[{\"Key\":\"env\",\"Value\":\"lab\"},{\"Key\":\"owner\",\"Value\":\"r&d\"},"
              + "{\"Key\":\"abusedesk:contacts\",\"Value\":\"lab@example.com:ja sec@Example.COM\"}]}",
          "000011112222",
          "{\"Tags\":[{\"Key\":\"abusedesk:contacts\",\"Value\":\"Old Team <old@example.com>\"}]}");

  @TempDir Path dir;
  private StubHttp organizations;

  @BeforeEach
  void start() {
    organizations = StubHttp.start(OrganizationAccountsTest::answer);
  }

  @AfterEach
  void stop() {
    organizations.close();
  }

  private static StubHttp.Answer answer(StubHttp.Request request) throws IOException {
    String target = request.header("X-Amz-Target");
    JsonNode in = MAPPER.readTree(request.body());
    if (!request.header("Authorization").startsWith("AWS4-HMAC-SHA256 ")) {
      return StubHttp.Answer.json(403, JSON, "{\"__type\":\"AccessDeniedException\"}");
    }
    return switch (target) {
      case "AWSOrganizationsV20161128.ListAccounts" ->
          StubHttp.Answer.json(200, JSON, ACCOUNT_PAGES.get(in.path("NextToken").asText("")));
      case "AWSOrganizationsV20161128.ListTagsForResource" ->
          StubHttp.Answer.json(200, JSON, TAGS.get(in.path("ResourceId").asText()));
      default ->
          StubHttp.Answer.json(
              400, JSON, "{\"__type\":\"InvalidInputException\",\"Message\":\"" + target + "\"}");
    };
  }

  private OrganizationAccounts accounts() {
    return new OrganizationAccounts(
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
        Optional.of(organizations.uri()),
        OrganizationAccounts.DEFAULT_CUSTOMER_TAG);
  }

  @Test
  void readsEveryAccountWithItsNameCustomerAndLabels() {
    OrganizationAccounts.Synced synced = accounts().read();

    assertThat(synced.accounts())
        .containsExactly(
            new Account("000011112222", Optional.of("legacy"), Optional.empty(), Map.of()),
            new Account(
                "111122223333",
                Optional.of("web-prod"),
                Optional.of("Acme"),
                Map.of("env", "prod")),
            new Account(
                "222233334444",
                Optional.of("Lab, \"sandbox\""),
                Optional.empty(),
                Map.of("env", "lab", "owner", "r&d"),
                List.of(
                    new Contact("lab@example.com", Language.JA),
                    new Contact("sec@example.com", Language.EN))));
    assertThat(synced.skipped())
        .containsExactly(
            "111122223333: tag team (a label cannot hold ; = or a line break)",
            "000011112222: tag abusedesk:contacts (not an email address: \"Old\"; not an email"
                + " address: \"Team\"; not an email address: \"<old@example.com>\")");
    assertThat(organizations.requests())
        .extracting(r -> r.header("X-Amz-Target"))
        .filteredOn(t -> t.endsWith("ListAccounts"))
        .hasSize(2);
  }

  @Test
  void contactsWithoutALanguageGetTheOneTheSyncIsGiven() {
    OrganizationAccounts japanese =
        new OrganizationAccounts(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
            Optional.of(organizations.uri()),
            OrganizationAccounts.DEFAULT_CUSTOMER_TAG,
            "abusedesk:contacts",
            Language.JA);

    assertThat(japanese.read().accounts().get(2).contacts())
        .containsExactly(
            new Contact("lab@example.com", Language.JA),
            new Contact("sec@example.com", Language.JA));
  }

  @Test
  void writesACsvTheConfigurationReadsBackAsTheSameAccounts() throws IOException {
    OrganizationAccounts.Synced synced = accounts().read();
    Files.writeString(dir.resolve("accounts.csv"), AccountsCsvFile.write(synced.accounts()));

    // The file's language does not change a contact's: the CSV names each one's.
    Config config = Config.parse("language: ja\naccounts_csv: accounts.csv\n", dir, Map.of());

    assertThat(config.accounts()).isEqualTo(synced.accounts());
    assertThat(Files.readString(dir.resolve("accounts.csv")))
        .startsWith("id,name,customer,labels,contacts\n000011112222,legacy,,,\n")
        .contains(
            "222233334444,\"Lab, \"\"sandbox\"\"\",,env=lab;owner=r&d,"
                + "lab@example.com:ja;sec@example.com:en\n");
  }
}
