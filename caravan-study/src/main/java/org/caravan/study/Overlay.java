package org.caravan.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a variant to a scenario's YAML tree before the scenario is loaded, so every variant
 * passes the normal scenario checks. A path is a dotted list of field names, each optionally
 * followed by one selector: {@code [3]} (list index), {@code [*]} (every element) or {@code
 * [key=value]} (the element whose {@code key} equals {@code value}; {@code set} appends {@code
 * {key: value}} when there is none, so a variant can add a border, port, crossing or disruption).
 * Missing objects on a {@code set} path are created; {@code scale} multiplies existing numbers and
 * fails when the path matches none. Pure functions on a copy of the tree.
 */
public final class Overlay {
  private static final Pattern STEP =
      Pattern.compile("([a-z0-9_]+)(?:\\[(\\*|\\d+|[a-z0-9_]+=[^\\]]+)])?");

  /** One step of a path: a field and an optional list selector. */
  record Step(String field, String selector) {}

  private Overlay() {}

  /** The steps of a path; {@link IllegalArgumentException} names what is wrong. */
  static List<Step> parsePath(String path) {
    List<Step> steps = new ArrayList<>();
    // Split on dots outside brackets (a selector value may contain dots).
    int depth = 0;
    int start = 0;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '.' && depth == 0) {
        parts.add(path.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(path.substring(start));
    for (String p : parts) {
      Matcher m = STEP.matcher(p);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "'" + p + "' is not field, field[N], field[*] or field[key=value]");
      }
      steps.add(new Step(m.group(1), m.group(2)));
    }
    return steps;
  }

  /**
   * The baseline tree with the variant's values set and scaled (the baseline is not changed).
   *
   * @throws IllegalArgumentException naming the path that does not fit the tree
   */
  public static ObjectNode apply(ObjectNode baseline, StudyFile.Variant v) {
    ObjectNode tree = baseline.deepCopy();
    for (Map.Entry<String, JsonNode> e : v.set().entrySet()) {
      set(tree, parsePath(e.getKey()), 0, e.getValue(), e.getKey());
    }
    for (Map.Entry<String, Double> e : v.scale().entrySet()) {
      int n = scale(tree, parsePath(e.getKey()), 0, e.getValue(), e.getKey());
      if (n == 0) {
        throw new IllegalArgumentException(
            "scale path '" + e.getKey() + "' matches no number in the baseline");
      }
    }
    return tree;
  }

  private static void set(ObjectNode obj, List<Step> steps, int i, JsonNode value, String path) {
    Step s = steps.get(i);
    boolean last = i == steps.size() - 1;
    if (s.selector() == null) {
      if (last) {
        obj.set(s.field(), value.deepCopy());
        return;
      }
      JsonNode child = obj.get(s.field());
      if (child == null || child.isNull()) {
        child = obj.putObject(s.field());
      }
      if (!(child instanceof ObjectNode o)) {
        throw new IllegalArgumentException(
            "'" + s.field() + "' in '" + path + "' is not an object");
      }
      set(o, steps, i + 1, value, path);
      return;
    }
    JsonNode node = obj.get(s.field());
    ArrayNode arr;
    if (node == null || node.isNull()) {
      arr = obj.putArray(s.field());
    } else if (node instanceof ArrayNode a) {
      arr = a;
    } else {
      throw new IllegalArgumentException("'" + s.field() + "' in '" + path + "' is not a list");
    }
    for (int idx : select(arr, s, true, path)) {
      if (last) {
        arr.set(idx, value.deepCopy());
      } else if (arr.get(idx) instanceof ObjectNode o) {
        set(o, steps, i + 1, value, path);
      } else {
        throw new IllegalArgumentException(
            "element " + idx + " of '" + s.field() + "' in '" + path + "' is not an object");
      }
    }
  }

  private static int scale(JsonNode node, List<Step> steps, int i, double factor, String path) {
    if (!(node instanceof ObjectNode obj)) {
      return 0;
    }
    Step s = steps.get(i);
    boolean last = i == steps.size() - 1;
    JsonNode child = obj.get(s.field());
    if (child == null) {
      return 0;
    }
    if (s.selector() == null) {
      if (last) {
        if (!child.isNumber()) {
          throw new IllegalArgumentException("'" + path + "' is not a number");
        }
        obj.put(s.field(), child.doubleValue() * factor);
        return 1;
      }
      return scale(child, steps, i + 1, factor, path);
    }
    if (!(child instanceof ArrayNode arr)) {
      throw new IllegalArgumentException("'" + s.field() + "' in '" + path + "' is not a list");
    }
    int n = 0;
    for (int idx : select(arr, s, false, path)) {
      if (last) {
        if (!arr.get(idx).isNumber()) {
          throw new IllegalArgumentException(
              "element " + idx + " of '" + path + "' is not a number");
        }
        arr.set(idx, JsonNodeFactory.instance.numberNode(arr.get(idx).doubleValue() * factor));
        n++;
      } else {
        n += scale(arr.get(idx), steps, i + 1, factor, path);
      }
    }
    return n;
  }

  private static List<Integer> select(ArrayNode arr, Step s, boolean create, String path) {
    List<Integer> out = new ArrayList<>();
    String sel = s.selector();
    if (sel.equals("*")) {
      for (int k = 0; k < arr.size(); k++) {
        out.add(k);
      }
      return out;
    }
    int eq = sel.indexOf('=');
    if (eq < 0) {
      int idx = Integer.parseInt(sel);
      if (idx >= arr.size()) {
        throw new IllegalArgumentException(
            "'"
                + s.field()
                + "' in '"
                + path
                + "' has "
                + arr.size()
                + " elements, no ["
                + idx
                + "]");
      }
      out.add(idx);
      return out;
    }
    String key = sel.substring(0, eq);
    String value = sel.substring(eq + 1);
    for (int k = 0; k < arr.size(); k++) {
      JsonNode v = arr.get(k).get(key);
      if (v != null && v.asText().equals(value)) {
        out.add(k);
      }
    }
    if (out.isEmpty() && create) {
      arr.addObject().put(key, value);
      out.add(arr.size() - 1);
    } else if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no element of '" + s.field() + "' has " + key + " = " + value + " (in '" + path + "')");
    }
    return out;
  }
}
