package dev.swarmsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TerminalTextTest {
  @Test
  void escapeKeepsAValueOnOneLineWithoutControlCharacters() {
    assertThat(TerminalText.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
    assertThat(TerminalText.escape("\u001b[2J\u0007\u007f\u009b\u202e")).isEqualTo("\\u001b[2J\\u0007\\u007f\\u009b\\u202e");
    assertThat(TerminalText.escape("swarm/raft/ü.wal")).isEqualTo("swarm/raft/ü.wal");
  }

  @Test
  void theWriterEscapesControlsButKeepsLinesAndStaysValidJson() {
    StringWriter text = new StringWriter();
    PrintWriter out = TerminalText.writer(new PrintWriter(text));
    out.print("{\"name\": \"x\u009by\u001b\"}\n\tnext\r");
    out.flush();
    assertThat(text.toString()).isEqualTo("{\"name\": \"x\\u009by\\u001b\"}\n\tnext\r");
  }

  @Test
  void anErrorNamingAHostileEntryIsTwoLinesOfPlainText() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(java.util.Map.of(), new PrintWriter(out), new PrintWriter(err),
        java.time.Clock.systemUTC(), false);
    int code = new SwarmsnapCli(context).run("verify", "/nonexistent/evil\nswarmsnap: OK\u001b[2J");
    assertThat(code).isEqualTo(8);
    assertThat(err.toString().lines()).hasSize(2);
    assertThat(err.toString()).contains("evil\\nswarmsnap: OK\\u001b[2J").doesNotContain("\u001b");
  }
}
