package dev.swarmsnap.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineControlSelectorTest {
  private final EngineControlSelector selector = new EngineControlSelector();
  private final Path pidFile = Path.of("/run/test/docker.pid");

  @Test
  void autoWithAStartCommandStopsByPidfile() {
    EngineControlSelector.Selected selected =
        selector.select(new ControlRequest(ControlMode.AUTO, pidFile, Optional.of("/start.sh"), Optional.empty()));
    assertThat(selected.control()).isInstanceOf(PidFileEngineControl.class);
    assertThat(selected.why()).contains("start command");
    assertThat(selected.control().describe()).contains("/run/test/docker.pid").contains("/start.sh");
  }

  @Test
  void autoWithStopAndStartCommandsUsesThem() {
    EngineControlSelector.Selected selected = selector.select(
        new ControlRequest(ControlMode.AUTO, pidFile, Optional.of("start"), Optional.of("stop")));
    assertThat(selected.control()).isInstanceOf(CommandEngineControl.class);
  }

  @Test
  void pidModeWithoutAStartCommandSaysWhatIsMissing() {
    assertThatThrownBy(() -> selector.select(new ControlRequest(ControlMode.PID, pidFile, Optional.empty(), Optional.empty())))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
          assertThat(e.hint()).get().asString().contains("--start-cmd");
        });
  }

  @Test
  void commandModeNeedsBothCommands() {
    assertThatThrownBy(() -> selector.select(
            new ControlRequest(ControlMode.COMMAND, pidFile, Optional.of("start"), Optional.empty())))
        .hasMessageContaining("--stop-cmd");
  }

  @Test
  void explicitModesAreHonoured() {
    assertThat(selector.select(new ControlRequest(ControlMode.SYSTEMD, pidFile, Optional.empty(), Optional.empty())).control())
        .isInstanceOf(SystemdEngineControl.class);
    assertThat(selector.select(new ControlRequest(ControlMode.SERVICE, pidFile, Optional.empty(), Optional.empty())).control())
        .isInstanceOf(ServiceEngineControl.class);
  }

  @Test
  void pidAliveCheckQuotesThePath() {
    assertThat(Watchdog.pidAliveCheck(Path.of("/tmp/it's/docker.pid"))).contains("'/tmp/it'\\''s/docker.pid'");
  }
}
