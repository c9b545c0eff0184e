package dev.swarmsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

@Timeout(10)
class ByteSizeConverterTest {
  private final ByteSizeConverter converter = new ByteSizeConverter();

  @Test
  void unitsAreBinaryWithOrWithoutIB() {
    assertThat(converter.convert("8GiB")).isEqualTo(8L << 30);
    assertThat(converter.convert("8G")).isEqualTo(8L << 30);
    assertThat(converter.convert("8gb")).isEqualTo(8L << 30);
    assertThat(converter.convert("500MiB")).isEqualTo(500L << 20);
    assertThat(converter.convert("1k")).isEqualTo(1024);
    assertThat(converter.convert("1048576")).isEqualTo(1 << 20);
    assertThat(converter.convert("2 TiB")).isEqualTo(2L << 40);
  }

  @Test
  void nonsenseZeroAndOverflowAreRefused() {
    for (String bad : new String[] {"", "8X", "-1", "0", "1.5G", "9999999999T", "G"}) {
      assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class);
    }
  }
}
