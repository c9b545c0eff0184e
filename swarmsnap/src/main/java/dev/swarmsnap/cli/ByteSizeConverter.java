package dev.swarmsnap.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size on the command line: a whole number of bytes with an optional binary unit, {@code K},
 * {@code M}, {@code G} or {@code T}, written alone or with {@code iB} or {@code B} ({@code 8G},
 * {@code 8GiB} and {@code 8GB} are all 8 × 2³⁰ bytes).
 */
public final class ByteSizeConverter implements ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(?:([KMGT])(?:I?B)?|B)?");

  @Override
  public Long convert(String text) {
    Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + text + "' is not a size like 8GiB, 500MiB or 1048576");
    }
    long number = Long.parseLong(m.group(1));
    int shift = m.group(2) == null ? 0 : 10 * ("KMGT".indexOf(m.group(2)) + 1);
    if (number == 0 || Long.numberOfLeadingZeros(number) <= shift) {
      throw new TypeConversionException("'" + text + "' is not a size between 1 byte and 8 EiB");
    }
    return number << shift;
  }
}
