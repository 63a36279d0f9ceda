package io.fedflow.dag.yaml;

import java.util.Map;
import java.util.function.BinaryOperator;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML node tree of a file, each node with its place. A file that is not YAML stops here with
 * one diagnostic at the problem: nothing after a syntax error can be trusted.
 */
final class YamlTree {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          // Big generated workflows (100,000 jobs) are tens of megabytes; the default is 3 MB.
          .setCodePointLimit(512 * 1024 * 1024)
          // Duplicate keys are reported by Fields, with both places.
          .setAllowDuplicateKeys(true)
          // Values are read as the text written (0.10 stays "0.10", yes stays "yes"), so no
          // type is guessed: even the failsafe schema matches a regular expression per scalar.
          .setSchema(new TextOnly())
          .build();

  private YamlTree() {}

  /** A schema in which every scalar is a string. */
  private static final class TextOnly implements Schema {
    @Override
    public ScalarResolver getScalarResolver() {
      return (value, implicit) -> Tag.STR;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
      return Map.of();
    }
  }

  /** The root node of the file's one document, or null when there is none (reported). */
  static Node compose(String text, Findings findings) {
    return compose(text, findings, null);
  }

  /**
   * As {@link #compose(String, Findings)}, handing each job to {@code onJob} as soon as it is
   * composed (see {@link JobByJobComposer}). After a syntax error, the problems {@code onJob}
   * reported are dropped: the syntax error is the one problem of such a file.
   */
  static Node compose(String text, Findings findings, BinaryOperator<Node> onJob) {
    EventGuard events =
        new EventGuard(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)), findings);
    Composer composer =
        onJob == null
            ? new Composer(SETTINGS, events)
            : new JobByJobComposer(SETTINGS, events, onJob);
    try {
      if (!composer.hasNext()) {
        findings.report(1, 1, Findings.FILE, Vocabulary.WORKFLOW.expected(), "nothing");
        return null;
      }
      Node root = composer.next();
      if (composer.hasNext()) {
        findings.report(
            events.peekEvent().getStartMark().orElseThrow(),
            Findings.FILE,
            "one YAML document",
            "a second document");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      Mark at = e.getProblemMark().or(e::getContextMark).orElse(null);
      String found = "a syntax error: " + oneLine(e.getProblem()) + context(e);
      report(findings, at, "valid YAML", found);
    } catch (ReaderException e) {
      int[] place = place(text, e.getPosition());
      String found = String.format("the character U+%04X", e.getCodePoint());
      findings.clear();
      findings.report(place[0], place[1], Findings.FILE, "printable text", found);
    } catch (EventGuard.TooDeep e) {
      report(
          findings,
          e.mark(),
          "at most " + EventGuard.MAX_DEPTH + " levels of nesting",
          "a value nested deeper");
    } catch (YamlEngineException e) {
      report(findings, null, "valid YAML", "a syntax error: " + oneLine(e.getMessage()));
    }
    return null;
  }

  private static void report(Findings findings, Mark at, String expected, String found) {
    findings.clear();
    if (at == null) {
      findings.report(1, 1, Findings.FILE, expected, found);
    } else {
      findings.report(at, Findings.FILE, expected, found);
    }
  }

  /** SnakeYAML's context, such as "while parsing a flow sequence started at line 3, column 5". */
  private static String context(MarkedYamlEngineException e) {
    String context = e.getContext();
    if (context == null || context.isBlank()) {
      return "";
    }
    String where =
        e.getContextMark()
            .map(m -> " started at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
            .orElse("");
    return " (" + oneLine(context) + where + ")";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  /** The 1-based line and column of the code point at {@code position}. */
  static int[] place(String text, int position) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int n = 0; n < position && i < text.length(); n++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) {
        line++;
        column = 1;
      } else if (!crlf) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
