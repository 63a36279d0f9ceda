package io.fedflow.engine.site;

import io.fedflow.engine.connector.SiteConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the YAML of a sites file, keeping where each key is written and collecting every problem
 * before giving up. Scalars are read as the text written: a provider parses its own values.
 */
final class SitesYaml {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setAllowDuplicateKeys(true).setLabel("sites file").build();
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final String FORMAT = "a sites file (version: 1, sites: a map of sites)";

  private record Finding(Place at, String text) {}

  private final String file;
  private final UnaryOperator<String> env;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, String> used = new HashMap<>();
  private final Map<String, Place> places = new HashMap<>();

  SitesYaml(String file, UnaryOperator<String> env) {
    this.file = file;
    this.env = env;
  }

  SitesFile read(String text) {
    Node root = compose(text);
    List<SiteConfig> sites = new ArrayList<>();
    if (root != null) {
      top(root, sites);
    }
    if (!findings.isEmpty()) {
      throw new SitesException(
          findings.stream()
              .sorted(
                  Comparator.comparingInt((Finding f) -> f.at().line())
                      .thenComparingInt(f -> f.at().column()))
              .map(f -> file + ":" + f.at().line() + ":" + f.at().column() + ": " + f.text())
              .toList());
    }
    return new SitesFile(new SitesSource(file, text, used), sites, places);
  }

  private Node compose(String text) {
    try {
      Node root = new Compose(SETTINGS).composeString(text).orElse(null);
      if (root == null) {
        report(new Place(1, 1), "file", FORMAT, "nothing");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
      Place at = m == null ? new Place(1, 1) : new Place(m.getLine() + 1, m.getColumn() + 1);
      report(at, "file", "valid YAML", "a syntax error: " + oneLine(e.getProblem()));
    } catch (YamlEngineException e) {
      report(new Place(1, 1), "file", "valid YAML", "a syntax error: " + oneLine(e.getMessage()));
    }
    return null;
  }

  private void top(Node root, List<SiteConfig> sites) {
    if (!(root instanceof MappingNode map)) {
      report(place(root), "file", FORMAT, describe(root));
      return;
    }
    Map<String, Node> fields = fields(map, "", List.of("version", "sites"));
    Node version = fields.get("version");
    if (version == null) {
      report(new Place(1, 1), "version", "1", "nothing");
    } else if (!(version instanceof ScalarNode v) || !v.getValue().equals("1")) {
      report(place(version), "version", "1", describe(version));
    }
    Node siteMap = fields.get("sites");
    if (siteMap == null) {
      report(new Place(1, 1), "sites", "a map of sites by name", "nothing");
    } else if (!(siteMap instanceof MappingNode m) || m.getValue().isEmpty()) {
      report(place(siteMap), "sites", "a map of sites by name", describe(siteMap));
    } else {
      for (NodeTuple t : m.getValue()) {
        site(t, sites);
      }
    }
  }

  private void site(NodeTuple t, List<SiteConfig> sites) {
    String name = key(t.getKeyNode(), "sites.", NAME, "a site name (letters, digits, _ and -)");
    if (name == null) {
      return;
    }
    String path = "sites." + name;
    if (places.containsKey(name)) {
      report(place(t.getKeyNode()), path, "each site once", "a second site of this name");
      return;
    }
    places.put(name, place(t.getKeyNode()));
    if (!(t.getValueNode() instanceof MappingNode m)) {
      report(place(t.getValueNode()), path, "a map of settings", describe(t.getValueNode()));
      return;
    }
    Map<String, String> settings = new LinkedHashMap<>();
    flatten(m, path, name, "", settings);
    String type = settings.remove("type");
    if (type == null && !places.containsKey(name + ".type")) {
      report(place(t.getKeyNode()), path + ".type", "a site type such as slurm", "nothing");
    } else if (type != null && !type.isBlank()) {
      sites.add(new SiteConfig(name, type.strip(), settings));
    }
  }

  /** Adds the settings of {@code map} to {@code out}, nested keys joined with dots. */
  private void flatten(
      MappingNode map, String path, String site, String prefix, Map<String, String> out) {
    for (NodeTuple t : map.getValue()) {
      String key = key(t.getKeyNode(), path + ".", KEY, "a key (letters, digits, _ and -)");
      if (key == null) {
        continue;
      }
      String dotted = prefix + key;
      String keyPath = path + "." + key;
      if (places.containsKey(site + "." + dotted)) {
        report(place(t.getKeyNode()), keyPath, "each key once", "a second '" + key + "'");
        continue;
      }
      places.put(site + "." + dotted, place(t.getKeyNode()));
      Node value = t.getValueNode();
      if (value instanceof MappingNode m && !m.getValue().isEmpty()) {
        flatten(m, keyPath, site, dotted + ".", out);
      } else if (value instanceof ScalarNode s && !isNothing(s)) {
        String resolved = resolve(s, keyPath);
        if (resolved != null) {
          out.put(dotted, resolved);
        }
      } else {
        report(place(value), keyPath, "a value or a map of settings", describe(value));
      }
    }
  }

  /** The value with each {@code ${env:NAME}} replaced, or null when a variable is unset. */
  private String resolve(ScalarNode s, String path) {
    String text = s.getValue();
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    while (m.find()) {
      String name = m.group(1);
      String value = env.apply(name);
      if (value == null) {
        report(place(s), path, "the environment variable " + name + " to be set", "it unset");
        ok = false;
      } else {
        used.put(name, value);
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
    }
    m.appendTail(out);
    if (VARIABLE.matcher(text).replaceAll("").contains("${")) {
      report(place(s), path, "${env:NAME} for a variable", quote(text));
      return null;
    }
    return ok ? out.toString() : null;
  }

  /** The fields of a map that has only {@code known} keys, each once. */
  private Map<String, Node> fields(MappingNode map, String prefix, List<String> known) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = key(t.getKeyNode(), prefix, KEY, "a key");
      if (key == null) {
        continue;
      }
      if (!known.contains(key)) {
        report(
            place(t.getKeyNode()), prefix + key, "one of " + String.join(", ", known), quote(key));
      } else if (out.containsKey(key)) {
        report(place(t.getKeyNode()), prefix + key, "each key once", "a second '" + key + "'");
      } else {
        out.put(key, t.getValueNode());
      }
    }
    return out;
  }

  private String key(Node node, String prefix, Pattern pattern, String expected) {
    if (node instanceof ScalarNode s && pattern.matcher(s.getValue()).matches()) {
      return s.getValue();
    }
    report(place(node), prefix + "<key>", expected, describe(node));
    return null;
  }

  private void report(Place at, String path, String expected, String found) {
    findings.add(new Finding(at, path + ": expected " + expected + " but found " + found));
  }

  private static Place place(Node node) {
    return node.getStartMark()
        .map(m -> new Place(m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Place(1, 1));
  }

  private static boolean isNothing(ScalarNode s) {
    return s.isPlain() && List.of("", "~", "null", "Null", "NULL").contains(s.getValue());
  }

  private static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return isNothing(s) ? "nothing" : quote(s.getValue());
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return node instanceof MappingNode m && m.getValue().isEmpty() ? "an empty map" : "a map";
  }

  private static String quote(String text) {
    String line = oneLine(text);
    return "'" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }
}
