package dev.abusedesk.app;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseJson;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Change;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk cases ...}: list, show and move cases along the workflow. */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = "List, show and update cases.",
    subcommands = {
      CasesCommand.ListCases.class,
      CasesCommand.Show.class,
      CasesCommand.Ack.class,
      CasesCommand.Replied.class,
      CasesCommand.Mitigated.class,
      CasesCommand.Resolve.class,
      CasesCommand.Note.class
    })
final class CasesCommand {

  @ParentCommand AbuseDeskCommand root;

  private static PrintWriter out(picocli.CommandLine.Model.CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  private static Installation open(CasesCommand cases, CommonOptions common) {
    return common.open(cases.root.env(), Clock.systemUTC(), SecretCheck.WHEN_USED);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List cases, most urgent first.")
  static final class ListCases implements Callable<Integer> {
    @Mixin CommonOptions common;
    @ParentCommand CasesCommand cases;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--status", paramLabel = "S", description = "Only cases in this status.")
    String status;

    @Override
    public Integer call() {
      Set<CaseStatus> statuses = status == null ? Set.of() : Set.of(CaseStatus.fromWire(status));
      try (Installation installation = open(cases, common)) {
        Instant now = installation.clock().instant();
        List<Case> cases = installation.store().list(new CaseQuery(statuses, 10_000));
        PrintWriter out = out(spec);
        if (json) {
          out.println(CaseJson.list(cases, now));
        } else {
          CaseTable.print(out, cases, now, installation.zone());
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one case with its reports and history.")
  static final class Show implements Callable<Integer> {
    @Mixin CommonOptions common;
    @ParentCommand CasesCommand cases;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      try (Installation installation = open(cases, common)) {
        Optional<Case> found = installation.store().find(id);
        if (found.isEmpty()) {
          spec.commandLine().getErr().println(spec.qualifiedName() + ": no case " + id);
          return 1;
        }
        Instant now = installation.clock().instant();
        var reports = installation.store().reports(id);
        var history = installation.store().history(id);
        PrintWriter out = out(spec);
        if (json) {
          out.println(CaseJson.detail(found.get(), reports, history, now));
        } else {
          CaseTable.printDetail(out, found.get(), reports, history, now, installation.zone());
        }
        out.flush();
        return 0;
      }
    }
  }

  /** A person moves a case: {@code ack}, {@code replied}, {@code mitigated}, {@code resolve}. */
  abstract static class Move implements Callable<Integer> {
    @Mixin CommonOptions common;
    @ParentCommand CasesCommand cases;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who does it.")
    String by;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, or what was done.")
    String note = "";

    abstract CaseStatus target();

    @Override
    public Integer call() {
      try (Installation installation = open(cases, common);
          Pipeline pipeline =
              installation.pipeline(
                  Installation.processName(), Deliverer.Observer.NONE, System.out)) {
        Change change =
            installation.store().move(id, target(), by, note, installation.clock().instant());
        if (change instanceof Change.Done done) {
          // Tell the case's receivers, in its thread where the tool has one.
          if (pipeline.dispatcher().queueStatusChange(done.caseNow(), done.before(), by, note)
              > 0) {
            pipeline.deliver(Duration.ofSeconds(10));
          }
        }
        return report(spec, change);
      }
    }
  }

  static int report(picocli.CommandLine.Model.CommandSpec spec, Change change) {
    if (change instanceof Change.Done done) {
      out(spec).printf("case %d: %s%n", done.caseNow().id(), done.caseNow().status().wire());
      out(spec).flush();
      return 0;
    }
    if (change instanceof Change.NotAllowed refused) {
      spec.commandLine()
          .getErr()
          .printf(
              "%s: a case that is %s cannot become %s%n",
              spec.qualifiedName(), refused.current().wire(), refused.wanted().wire());
      return 1;
    }
    spec.commandLine()
        .getErr()
        .printf("%s: no case %d%n", spec.qualifiedName(), ((Change.NoSuchCase) change).id());
    return 1;
  }

  @Command(name = "ack", mixinStandardHelpOptions = true, description = "Take ownership of a case.")
  static final class Ack extends Move {
    @Override
    CaseStatus target() {
      return CaseStatus.ACKNOWLEDGED;
    }
  }

  @Command(
      name = "replied",
      mixinStandardHelpOptions = true,
      description = "The first reply has gone to AWS.")
  static final class Replied extends Move {
    @Override
    CaseStatus target() {
      return CaseStatus.REPLIED;
    }
  }

  @Command(
      name = "mitigated",
      mixinStandardHelpOptions = true,
      description = "The reported activity has stopped.")
  static final class Mitigated extends Move {
    @Override
    CaseStatus target() {
      return CaseStatus.MITIGATED;
    }
  }

  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = "The root cause is fixed.")
  static final class Resolve extends Move {
    @Override
    CaseStatus target() {
      return CaseStatus.RESOLVED;
    }
  }

  @Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note to a case.")
  static final class Note implements Callable<Integer> {
    @Mixin CommonOptions common;
    @ParentCommand CasesCommand cases;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Parameters(index = "1", paramLabel = "TEXT")
    String text;

    @Option(names = "--by", required = true, paramLabel = "NAME")
    String by;

    @Override
    public Integer call() {
      try (Installation installation = open(cases, common)) {
        return report(
            spec, installation.store().note(id, by, text, installation.clock().instant()));
      }
    }
  }
}
