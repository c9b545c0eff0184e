package dev.swarmsnap.logical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The JSON paths at which two specs differ ({@code TaskTemplate.ContainerSpec.Env[2]}), deepest
 * differing node only. Numbers compare by value, so {@code 1}, {@code 1.0} and a long 1 are equal
 * (a spec read back from a document and one converted from the store must compare equal). A field
 * absent on one side and {@code null} on the other are equal too. Stateless.
 */
public final class SpecDiff {

  public List<String> paths(JsonNode a, JsonNode b) {
    List<String> out = new ArrayList<>();
    walk("", a, b, out);
    return out;
  }

  public boolean same(JsonNode a, JsonNode b) {
    return paths(a, b).isEmpty();
  }

  private void walk(String path, JsonNode a, JsonNode b, List<String> out) {
    boolean aMissing = a == null || a.isNull() || a.isMissingNode();
    boolean bMissing = b == null || b.isNull() || b.isMissingNode();
    if (aMissing || bMissing) {
      if (aMissing != bMissing) {
        out.add(path.isEmpty() ? "$" : path);
      }
      return;
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
      }
    } else if (a.isArray() && b.isArray()) {
      Iterator<JsonNode> x = a.elements();
      Iterator<JsonNode> y = b.elements();
      int i = 0;
      while (x.hasNext() || y.hasNext()) {
        walk(path + "[" + i + "]", x.hasNext() ? x.next() : null, y.hasNext() ? y.next() : null, out);
        i++;
      }
    } else if (a.isNumber() && b.isNumber()) {
      if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
        out.add(path);
      }
    } else if (!a.equals(b)) {
      out.add(path.isEmpty() ? "$" : path);
    }
  }
}
