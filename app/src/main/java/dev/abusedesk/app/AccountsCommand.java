package dev.abusedesk.app;

import dev.abusedesk.accounts.AccountsCsvFile;
import dev.abusedesk.accounts.OrganizationAccounts;
import dev.abusedesk.aws.Credentials;
import dev.abusedesk.config.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk accounts}: the account registry. */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = "The account registry (accounts_csv).",
    subcommands = AccountsCommand.Sync.class)
final class AccountsCommand {

  @ParentCommand AbuseDeskCommand root;

  /** {@code abusedesk accounts sync}. */
  @Command(
      name = "sync",
      mixinStandardHelpOptions = true,
      description = {
        "Read every account of the AWS organization (names, tags) and write the registry as"
            + " accounts_csv: id,name,customer,labels,contacts. Run it with the management account's or a"
            + " delegated administrator's credentials (organizations:ListAccounts,"
            + " organizations:ListTagsForResource)."
      })
  static final class Sync implements Callable<Integer> {

    @ParentCommand AccountsCommand accounts;

    @Spec CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the CSV here, replacing it whole (default: standard output).")
    Path output;

    @Option(
        names = "--customer-tag",
        defaultValue = OrganizationAccounts.DEFAULT_CUSTOMER_TAG,
        paramLabel = "TAG",
        description = "The tag that names the customer (default: ${DEFAULT-VALUE}).")
    String customerTag;

    @Option(
        names = "--contacts-tag",
        defaultValue = OrganizationAccounts.DEFAULT_CONTACTS_TAG,
        paramLabel = "TAG",
        description =
            "The tag that lists the customer's contacts, as ops@acme.example:ja"
                + " sec@acme.example (default: ${DEFAULT-VALUE}).")
    String contactsTag;

    @Option(
        names = "--contacts-language",
        defaultValue = "en",
        paramLabel = "LANG",
        converter = LanguageConverter.class,
        description =
            "The language of a contact the tag gives none for: en or ja (default:"
                + " ${DEFAULT-VALUE}).")
    Language contactsLanguage;

    @Option(
        names = "--endpoint",
        paramLabel = "URL",
        description = "Another AWS Organizations endpoint (private endpoints, tests).")
    URI endpoint;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      OrganizationAccounts.Synced synced =
          new OrganizationAccounts(
                  Credentials.fromEnvironment(accounts.root.env()),
                  Optional.ofNullable(endpoint),
                  customerTag,
                  contactsTag,
                  contactsLanguage)
              .read();
      String csv = AccountsCsvFile.write(synced.accounts());
      for (String skipped : synced.skipped()) {
        err.println("abusedesk accounts sync: left out " + skipped);
      }
      if (output == null) {
        out.print(csv);
        out.flush();
      } else {
        Path absolute = output.toAbsolutePath();
        Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(tmp, csv, StandardCharsets.UTF_8);
        Files.move(
            tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err.println(synced.accounts().size() + " accounts written to " + output);
      }
      err.flush();
      return 0;
    }
  }

  /** {@code en} or {@code ja}, as the configuration writes languages. */
  static final class LanguageConverter implements picocli.CommandLine.ITypeConverter<Language> {
    @Override
    public Language convert(String value) {
      for (Language language : Language.values()) {
        if (language.wire().equals(value)) {
          return language;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("en or ja, got " + value);
    }
  }
}
