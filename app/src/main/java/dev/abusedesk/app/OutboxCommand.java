package dev.abusedesk.app;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.report.Json;
import dev.abusedesk.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk outbox list}: what is waiting to be sent, and what receivers refused. */
@Command(
    name = "outbox",
    mixinStandardHelpOptions = true,
    description = "Show the outbox.",
    subcommands = {OutboxCommand.ListOutbox.class})
final class OutboxCommand {

  @ParentCommand AbuseDeskCommand root;

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Pending and failed messages with their last error (--all adds sent ones).")
  static final class ListOutbox implements Callable<Integer> {
    @Mixin CommonOptions common;
    @ParentCommand OutboxCommand outbox;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--all", description = "Include messages already sent.")
    boolean all;

    @Option(names = "--limit", description = "At most this many (default 200).")
    int limit = 200;

    @Override
    public Integer call() {
      // Only the store: listing needs no receiver, no link secret, no secret at all.
      try (Installation installation =
          common.open(outbox.root.env(), Clock.systemUTC(), SecretCheck.WHEN_USED)) {
        Set<String> statuses = all ? Set.of() : Set.of(Outbox.PENDING, Outbox.FAILED);
        List<Outbox.Entry> entries = installation.outbox().entries(statuses, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(json(entries));
        } else if (entries.isEmpty()) {
          out.println("the outbox is empty");
        } else {
          String format = "%-7s %-6s %-16s %-11s %-14s %-8s %-20s %s%n";
          out.printf(
              format,
              "ID",
              "CASE",
              "RECEIVER",
              "KIND",
              "STATUS",
              "ATTEMPTS",
              "DUE (UTC)",
              "LAST ERROR");
          for (Outbox.Entry e : entries) {
            out.printf(
                format,
                e.id(),
                e.caseId(),
                e.receiver(),
                e.kind(),
                e.sentAs().isEmpty() ? e.status() : e.status() + " (" + e.sentAs() + ")",
                e.attempts(),
                ReportJson.time(e.dueAt()),
                e.lastError() == null ? "" : CaseTable.safe(e.lastError()));
          }
        }
        out.flush();
        return 0;
      }
    }

    private static String json(List<Outbox.Entry> entries) {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
        g.writeStartArray();
        for (Outbox.Entry e : entries) {
          g.writeStartObject();
          g.writeNumberField("id", e.id());
          g.writeNumberField("case_id", e.caseId());
          g.writeStringField("receiver", e.receiver());
          g.writeStringField("message", e.dedupKey());
          g.writeStringField("kind", e.kind());
          g.writeStringField("status", e.status());
          g.writeStringField("sent_as", e.sentAs().isEmpty() ? null : e.sentAs());
          g.writeNumberField("attempts", e.attempts());
          g.writeStringField("created_at", ReportJson.time(e.createdAt()));
          g.writeStringField("due_at", ReportJson.time(e.dueAt()));
          g.writeStringField("finished_at", ReportJson.time(e.sentAt()));
          g.writeStringField("last_error", e.lastError());
          g.writeEndObject();
        }
        g.writeEndArray();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return out.toString();
    }
  }
}
