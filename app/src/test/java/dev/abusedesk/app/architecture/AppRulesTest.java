package dev.abusedesk.app.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.links.DashboardLinks;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code app} (STYLE.md): the commands in {@code dev.abusedesk.app}, the daemon's
 * listeners in {@code app.serve} (which carry core's desk pages). The commands use the daemon's
 * packages and never the other way round; all of them run on core's installation and wire none of
 * the pipeline themselves; none of them knows the Lambda functions.
 */
class AppRulesTest {

  private static final String APP = "dev.abusedesk.app";

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(APP);

  /** Each package of the module is a slice: the commands and serve. */
  private static final SliceAssignment PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String name = javaClass.getPackageName();
          return name.equals(APP) || name.startsWith(APP + ".")
              ? SliceIdentifier.of(name)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the packages of " + APP;
        }
      };

  @Test
  void theCommandsAndTheDaemonDependOnEachOtherWithoutCycles() {
    slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theDaemonNeverReachesBackIntoTheCommands() {
    noClasses()
        .that()
        .resideInAPackage(APP + ".serve..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(APP)
        .because("the commands are the entry points: they use the daemon, never the reverse")
        .check(MAIN);
  }

  @Test
  void onlyTheCommandsUseTheCliLibrary() {
    noClasses()
        .that()
        .resideOutsideOfPackage(APP)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .because("the daemon is no command line")
        .check(MAIN);
  }

  @Test
  void theAppKnowsNeitherTheLambdaFunctionsNorTheLambdaRuntime() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.abusedesk.lambda..", "com.amazonaws.services.lambda..", "org.crac..")
        .because(
            "app must not depend on the Lambda runtime (STYLE.md); `lambda invoke` finds the"
                + " functions through core's FunctionRunner when the launcher adds their jar")
        .check(MAIN);
  }

  @Test
  void theAppWiresNoneOfThePipelineItself() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            SqlCaseStore.class,
            SqlOutbox.class,
            Database.class,
            ReceiverSender.class,
            DashboardLinks.class)
        .orShould()
        .callConstructorWhere(target(owner(equivalentTo(Pipeline.class))))
        .because(
            "core's Installation wires the store, the outbox, the sender, the links and the"
                + " pipeline, the same for the CLI, the daemon and the Lambda functions")
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
          .check(MAIN);
    }
  }
}
