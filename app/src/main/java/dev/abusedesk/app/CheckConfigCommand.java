package dev.abusedesk.app;

import dev.abusedesk.config.Config;
import dev.abusedesk.config.ConfigException;
import dev.abusedesk.config.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk check-config FILE}: is this configuration usable, and what does it set up? */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = {
      "Check a configuration file: every problem is printed with its path, one a line, to"
          + " standard error (exit 78). A usable file prints a short summary (exit 0).",
      "Secrets are resolved ({env: NAME}, {file: PATH}) but never printed: one that cannot be"
          + " read here is a problem, as it is for serve and deliver."
    })
final class CheckConfigCommand implements Callable<Integer> {

  @ParentCommand AbuseDeskCommand root;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The YAML configuration file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Config config;
    try {
      config = Config.load(file, root.env());
    } catch (ConfigException e) {
      for (Problem problem : e.problems()) {
        err.println(problem);
      }
      err.flush();
      return ExitCodes.CONFIG;
    }
    for (String line : ConfigSummary.lines(file, config)) {
      out.println(line);
    }
    out.flush();
    return 0;
  }
}
