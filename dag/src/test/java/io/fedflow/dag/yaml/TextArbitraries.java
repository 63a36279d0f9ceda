package io.fedflow.dag.yaml;

import io.fedflow.dag.ForEach;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * Strings for generated workflows: ids and names as the format allows them, and text that is hard
 * to write as YAML (quotes, colons, {@code #}, unicode, surrounding spaces, words other YAML
 * readers take for booleans, numbers or null, line breaks), with templates that a job may use.
 */
final class TextArbitraries {
  private TextArbitraries() {}

  /** Text a YAML writer must quote or escape to read back as the same string. */
  private static final List<String> AWKWARD =
      List.of(
          "",
          " ",
          "\"",
          "'",
          "it's",
          "say \"hi\"",
          "a: b",
          "a:b",
          "key:",
          "# not a comment",
          "a #b",
          "#",
          "é",
          "日本語",
          "😀 rocket 🚀",
          " leading",
          "trailing ",
          "yes",
          "no",
          "No",
          "on",
          "OFF",
          "y",
          "null",
          "Null",
          "~",
          "true",
          "False",
          "1e3",
          "0x10",
          "0o17",
          "017",
          "1.0",
          "-1",
          "+1",
          ".5",
          ".inf",
          ".NaN",
          "1_000",
          "12:30",
          "2026-01-01",
          "2026-12-01T08:00:00Z",
          "- item",
          "-",
          "?",
          "? x",
          "[a]",
          "{x}",
          "a, b",
          "*ref",
          "&anchor",
          "!tag",
          "!!str",
          "%percent",
          "@at",
          "`tick`",
          "|",
          ">",
          "=",
          "<<",
          "---",
          "...",
          "back\\slash",
          "two\nlines",
          "ends with a break\n",
          "\n",
          "\n\nleading breaks",
          "  indented\n  block\n",
          "tab\there",
          "\ttab first",
          "tab last\t",
          "crlf\r\nline",
          "nel\u0085x",
          "ls\u2028x",
          "bell\u0007",
          "\uFEFFbom");

  private static final String TRICKY_CHARS = " :#'\"-?[],!&*|>%@`\\\n\tabcé";

  // Built once: jqwik arbitraries are immutable, and building them anew for every job is slow.
  private static final Arbitrary<String> WORDS =
      Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
  private static final Arbitrary<String> AWKWARD_TEXT =
      Arbitraries.frequencyOf(
          Tuple.of(5, Arbitraries.of(AWKWARD)),
          Tuple.of(2, Arbitraries.strings().withChars(TRICKY_CHARS).ofMaxLength(12)),
          Tuple.of(2, WORDS));

  /** Awkward text: a known troublemaker, a random mix of YAML indicators, or a plain word. */
  static Arbitrary<String> awkward() {
    return AWKWARD_TEXT;
  }

  static Arbitrary<String> words() {
    return WORDS;
  }

  /**
   * Job ids, parameter names, record keys: a letter, then letters, digits, {@code _}, {@code -}.
   */
  static Arbitrary<String> ids() {
    Arbitrary<String> first = Arbitraries.strings().withCharRange('a', 'z').ofLength(1);
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars('_', '-')
            .ofMaxLength(8);
    return Combinators.combine(first, rest).as(String::concat);
  }

  /** Names that are also YAML words, so that keys need quoting too. */
  static Arbitrary<String> identifiers() {
    return Arbitraries.oneOf(
        ids().map(s -> s.replace('-', '_')), Arbitraries.of("yes", "no", "on", "null", "true"));
  }

  static Arbitrary<String> envNames() {
    Arbitrary<String> upper =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars('_')
            .ofMinLength(1)
            .ofMaxLength(8)
            .filter(s -> !Character.isDigit(s.charAt(0)));
    return Arbitraries.oneOf(upper, Arbitraries.of("YES", "NO", "ON", "NULL", "Y", "True", "_"));
  }

  static Arbitrary<String> workflowNames() {
    StringArbitrary first = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9');
    Arbitrary<String> rest =
        Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_', '-', '1').ofMaxLength(12);
    return Combinators.combine(first.ofLength(1), rest).as(String::concat);
  }

  /** The templates a job with {@code forEach} may use, given the workflow's parameters. */
  static List<String> templates(List<String> params, ForEach forEach) {
    List<String> t = new ArrayList<>();
    t.addAll(List.of("{{workflow.name}}", "{{job.id}}", "{{job.name}}", "{{ job.index }}"));
    t.add("{{\"{{\"}}");
    params.forEach(p -> t.add("{{params." + p + "}}"));
    if (forEach instanceof ForEach.Values || forEach instanceof ForEach.Range) {
      t.addAll(List.of("{{item}}", "{{ item }}"));
    } else if (forEach instanceof ForEach.Records r) {
      r.items().get(0).keySet().forEach(k -> t.add("{{item." + k + "}}"));
    } else if (forEach instanceof ForEach.Matrix m) {
      m.axes().keySet().forEach(k -> t.add("{{ item." + k + " }}"));
    }
    return t;
  }

  /**
   * Where a template goes, {@code {{slot 7}}}: which template fills it is known only once the job
   * is wired into its workflow (its fan-out may be its upstream's), see {@link #render}.
   */
  private static final Pattern SLOT = Pattern.compile("\\{\\{slot (\\d+)}}");

  private static final Arbitrary<String> SLOTS =
      Arbitraries.integers().between(0, 99).map(n -> "{{slot " + n + "}}");

  /** {@code text} with each slot filled with one of {@code templates}. */
  static String render(String text, List<String> templates) {
    return SLOT.matcher(text)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    templates.get(Integer.parseInt(m.group(1)) % templates.size())));
  }

  private static final Arbitrary<String> TEMPLATED =
      Arbitraries.oneOf(
          AWKWARD_TEXT,
          Combinators.combine(AWKWARD_TEXT, SLOTS, AWKWARD_TEXT)
              .as((before, t, after) -> before + t + after));

  /** Awkward text, sometimes with a template slot inside. */
  static Arbitrary<String> templated() {
    return TEMPLATED;
  }

  private static final Arbitrary<String> PATHS =
      Combinators.combine(
              Arbitraries.of("data", "/scratch/run 1", "root://eos.cern.ch/x", "out#1"),
              Arbitraries.oneOf(WORDS, SLOTS, Arbitraries.of("yes", "1.0", "é")))
          .as((dir, file) -> dir + "/" + file);

  /** A path, sometimes with a template slot and awkward characters in it. */
  static Arbitrary<String> paths() {
    return PATHS;
  }

  private static final Arbitrary<String> SCRIPTS =
      Combinators.combine(
              Arbitraries.of("", "#!/bin/bash\n", "#!/usr/bin/env python3\n"),
              Arbitraries.oneOf(
                      WORDS.map(w -> "echo " + w),
                      SLOTS.map(t -> "  echo " + t),
                      Arbitraries.of("", "  indented", "trailing space ", "\ttab", "# x", "a: b"))
                  .list()
                  .ofMinSize(1)
                  .ofMaxSize(4),
              Arbitraries.of("", "\n", "\n\n"))
          .as((shebang, lines, end) -> shebang + String.join("\n", lines) + end)
          .filter(script -> !script.isBlank());

  /** A script: a few lines, sometimes with a {@code #!} line and a final line break. */
  static Arbitrary<String> scripts() {
    return SCRIPTS;
  }

  /** Labels: awkward keys (not blank) and values. */
  static Arbitrary<Map<String, String>> labels() {
    return awkwardMaps(AWKWARD_TEXT.filter(k -> !k.isBlank()), AWKWARD_TEXT);
  }

  /** Maps with awkward keys and values, in a random order. */
  static Arbitrary<Map<String, String>> awkwardMaps(
      Arbitrary<String> keys, Arbitrary<String> values) {
    return Arbitraries.maps(keys, values).ofMaxSize(3);
  }
}
