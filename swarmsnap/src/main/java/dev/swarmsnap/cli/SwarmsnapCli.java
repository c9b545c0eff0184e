package dev.swarmsnap.cli;

import dev.swarmsnap.crypto.CryptoBackend;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the command tree and runs one command line. Turns every failure into one or two lines on
 * stderr and a documented exit code; a stack trace only with {@code --debug}.
 */
public final class SwarmsnapCli {
  private final CliContext context;

  /** Everything the commands print goes through {@link TerminalText#writer}: input never reaches the terminal raw. */
  public SwarmsnapCli(CliContext context) {
    this.context = new CliContext(context.environment(), TerminalText.writer(context.out()),
        TerminalText.writer(context.err()), context.clock(), context.interactive());
  }

  /** Runs {@code args} and returns the exit code; never calls {@link System#exit}. */
  public int run(String... args) {
    boolean debug = Arrays.asList(args).contains("--debug") || context.env("SWARMSNAP_DEBUG").isPresent();
    CommandLine commandLine = commandLine();
    commandLine.setParameterExceptionHandler((ex, ignored) -> usageError(ex));
    commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> failure(ex, debug));
    if (debug) {
      // which library does the bulk cryptography: libsodium, or the pure-Java fallback and why
      context.err().println("swarmsnap: debug: crypto through " + CryptoBackend.forProcess());
      context.err().flush();
    }
    return commandLine.execute(args);
  }

  CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(RootCommand.class, new CommandFactory(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(true);
    commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodeList());
    return commandLine;
  }

  private static Map<String, String> exitCodeList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      list.put(String.format("%3d", code.code()), code.meaning());
    }
    return list;
  }

  private int usageError(CommandLine.ParameterException ex) {
    PrintWriter err = context.err();
    err.println("swarmsnap: " + TerminalText.escape(ex.getMessage()));
    err.println("hint: see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCode.USAGE.code();
  }

  private int failure(Exception ex, boolean debug) {
    PrintWriter err = context.err();
    SwarmsnapException known = Failures.translate(ex);
    if (known != null) {
      err.println("swarmsnap: " + TerminalText.escape(known.getMessage()));
      known.hint().ifPresent(hint -> err.println("hint: " + TerminalText.escape(hint)));
    } else {
      // A bug: the library's text may quote input and means nothing to a user; --debug has it all.
      err.println("swarmsnap: unexpected internal error");
      err.println("hint: rerun with --debug for the details and the stack trace, and report it");
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return known != null ? known.exitCode().code() : ExitCode.FAILED.code();
  }
}
