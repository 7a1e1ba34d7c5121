package dev.abusedesk.lambda.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.links.DashboardLinks;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.FileSpool;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code lambda} module (STYLE.md): thin handlers over core's installation, in a slim jar with
 * no CLI library and no web server. The Maven enforcer keeps those out of the dependencies; this
 * keeps the code from reaching for the JDK's HTTP server or the other modules.
 */
class LambdaRulesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.abusedesk.lambda");

  @Test
  void theFunctionsUseNoCliLibraryNoWebServerAndNoOtherModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "picocli..",
            "com.sun.net.httpserver..",
            "org.eclipse.jetty..",
            "org.subethamail..",
            "dev.abusedesk.app..")
        .because("lambda must not depend on a web server or the CLI (STYLE.md)")
        .check(MAIN);
  }

  @Test
  void theFunctionsWireNoneOfThePipelineThemselves() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            SqlCaseStore.class,
            SqlOutbox.class,
            Database.class,
            FileSpool.class,
            ReceiverSender.class,
            HttpTransport.class,
            AckLinks.class,
            DashboardLinks.class)
        .orShould()
        .callConstructorWhere(target(owner(equivalentTo(Pipeline.class))))
        .because(
            "core's Installation wires the store, the spool, the sender, the signed links and the"
                + " pipeline: the functions' alerts are the same as ingest's")
        .check(MAIN);
  }

  @Test
  void everyHandlerIsAPublicRequestStreamHandlerTheRuntimeCanConstruct() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Handler")
        .should()
        .bePublic()
        .andShould()
        .implement(RequestStreamHandler.class)
        .andShould(haveAPublicConstructorWithoutParameters())
        .because("Lambda loads a handler by its class name and constructs it so")
        .check(MAIN);
  }

  private static ArchCondition<JavaClass> haveAPublicConstructorWithoutParameters() {
    return new ArchCondition<>("have a public constructor without parameters") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean ok =
            type.tryGetConstructor()
                .map(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .orElse(false);
        events.add(
            new SimpleConditionEvent(
                type, ok, type.getName() + " has no public constructor without parameters"));
      }
    };
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
