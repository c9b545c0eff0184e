package dev.swarmsnap.logical;

import dev.swarmsnap.error.BadInputException;
import java.util.Optional;

/**
 * A {@code kind/name} selector as given to {@code --only} and {@code --exclude}: {@code secret/db_pass}
 * names one object, {@code service/*} every object of a kind.
 *
 * @param name empty for {@code kind/*}
 */
public record ObjectSelector(ObjectKind kind, Optional<String> name) {

  /**
   * Parses {@code kind/name} or {@code kind/*}.
   *
   * @throws BadInputException for a missing slash, an unknown kind or an empty name
   */
  public static ObjectSelector parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new BadInputException("'" + Printable.of(text) + "' is not a KIND/NAME selector",
          "write it as kind/name or kind/*, for example secret/db_pass or service/*");
    }
    ObjectKind kind = ObjectKind.parse(text.substring(0, slash));
    String name = text.substring(slash + 1);
    return new ObjectSelector(kind, name.equals("*") ? Optional.empty() : Optional.of(name));
  }

  public boolean matches(ObjectKind k, String n) {
    return kind == k && name.map(n::equals).orElse(true);
  }

  public boolean matches(LogicalObject o) {
    return matches(o.kind(), o.name());
  }

  @Override
  public String toString() {
    return kind.label() + "/" + name.orElse("*");
  }
}
