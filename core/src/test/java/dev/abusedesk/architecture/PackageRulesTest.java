package dev.abusedesk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code core} draw the pipeline (STYLE.md): data flows one way, so a package uses
 * only the packages that data meets before it, and {@code report} (the start) uses none at all, not
 * even {@code config}. A package that does not exist yet passes its rules; adding one is adding its
 * name to {@link #PIPELINE} (where {@code config} goes is for whoever writes it to decide). The
 * composition root, {@code installation}, comes last: it wires them all and nothing uses it. Beside
 * the pipeline, {@code aws} (credentials) and {@code accounts} (the registry from AWS
 * Organizations) serve the entry points and the composition root, and no stage of the pipeline. The
 * response desk's pages come after the pipeline they show; they take request values and give
 * response values, so that no HTTP server is needed in core.
 */
class PackageRulesTest {

  /** The pipeline packages in the order data meets them; each may use only those before it. */
  private static final List<String> PIPELINE =
      List.of(
          "spool",
          "report",
          "cases",
          "route",
          "notify",
          "links",
          "remind",
          "respond",
          "health",
          "pipeline",
          "desk",
          "installation");

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.abusedesk");

  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.abusedesk");

  private static String pkg(String name) {
    return "dev.abusedesk." + name + "..";
  }

  @Test
  void reportDependsOnNoOtherAbuseDeskPackage() {
    noClasses()
        .that()
        .resideInAPackage(pkg("report"))
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.abusedesk..").and(resideOutsideOfPackage(pkg("report"))))
        .because("report is pure: bytes in, values out, and knows nothing downstream")
        .check(MAIN);
  }

  @Test
  void everyPipelinePackageUsesOnlyThePackagesBeforeIt() {
    for (int i = 0; i < PIPELINE.size(); i++) {
      String[] later =
          PIPELINE.subList(i + 1, PIPELINE.size()).stream()
              .map(PackageRulesTest::pkg)
              .toArray(String[]::new);
      if (later.length == 0) {
        continue;
      }
      noClasses()
          .that()
          .resideInAPackage(pkg(PIPELINE.get(i)))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(later)
          .because("data flows one way: " + String.join(" → ", PIPELINE))
          .allowEmptyShould(true)
          .check(MAIN);
    }
  }

  @Test
  void configurationKnowsOnlyTheReportVocabulary() {
    noClasses()
        .that()
        .resideInAPackage(pkg("config"))
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.abusedesk..")
                .and(resideOutsideOfPackage(pkg("config")))
                .and(resideOutsideOfPackage(pkg("report"))))
        .because("the configuration is read before anything runs; it names categories and kinds")
        .check(MAIN);
  }

  @Test
  void awsCredentialsKnowNoOtherAbuseDeskPackage() {
    noClasses()
        .that()
        .resideInAPackage(pkg("aws"))
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.abusedesk..").and(resideOutsideOfPackage(pkg("aws"))))
        .because("aws turns an environment into SDK credentials, for whoever calls AWS")
        .check(MAIN);
  }

  @Test
  void theAccountRegistryFromOrganizationsKnowsOnlyTheConfigurationsAccounts() {
    noClasses()
        .that()
        .resideInAPackage(pkg("accounts"))
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.abusedesk..")
                .and(resideOutsideOfPackage(pkg("accounts")))
                .and(resideOutsideOfPackage(pkg("config")))
                .and(resideOutsideOfPackage(pkg("aws"))))
        .because("accounts reads AWS Organizations into the accounts a configuration lists")
        .check(MAIN);
  }

  @Test
  void noStageOfThePipelineUsesAwsCredentialsOrTheAccountSync() {
    noClasses()
        .that()
        .resideInAnyPackage(
            PIPELINE.stream()
                .filter(name -> !name.equals("installation"))
                .map(PackageRulesTest::pkg)
                .toArray(String[]::new))
        .or()
        .resideInAPackage(pkg("config"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("aws"), pkg("accounts"))
        .because(
            "the entry points and the composition root choose credentials; the registry is synced"
                + " into the configuration, and the pipeline reads it from there")
        .check(MAIN);
  }

  @Test
  void routingDoesNoInputOrOutput() {
    noClasses()
        .that()
        .resideInAPackage(pkg("route"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.sql..", "java.nio.file..", "javax.sql..")
        .because("routing is pure: a case in, receivers out")
        .allowEmptyShould(true)
        .check(MAIN);
  }

  @Test
  void coreRunsNoWebServer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.sun.net.httpserver..", "org.eclipse.jetty..", "jakarta.servlet..")
        .because(
            "the desk answers request values; the daemon's listener and a Lambda function URL"
                + " carry them (STYLE.md: core holds no web server)")
        .check(MAIN);
  }

  @Test
  void noClassIsNamedForWhatItIsNot() {
    for (String suffix :
        List.of("Impl", "Manager", "Managers", "Util", "Utils", "Helper", "Helpers")) {
      noClasses()
          .should()
          .haveSimpleNameEndingWith(suffix)
          .because("names say what a thing is (STYLE.md)")
          .check(ALL);
    }
  }
}
