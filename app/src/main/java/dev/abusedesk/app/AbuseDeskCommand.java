package dev.abusedesk.app;

import picocli.CommandLine.Command;

/** The top-level command: only subcommands do work. */
@Command(
    name = "abusedesk",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Reads AWS abuse reports, tracks the 24-hour reply deadline and alerts chat.",
    subcommands = {
      ParseCommand.class,
      IngestCommand.class,
      ProcessCommand.class,
      CasesCommand.class,
      RenderCommand.class,
      NotifyTestCommand.class,
      WarmupCommand.class
    })
final class AbuseDeskCommand {}
