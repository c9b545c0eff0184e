package dev.swarmsnap.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point. The only place that calls {@link System#exit}: deeper exits would skip finally blocks. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    CliContext context = CliContext.fromProcess(out, err);
    int code = new SwarmsnapCli(context).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
