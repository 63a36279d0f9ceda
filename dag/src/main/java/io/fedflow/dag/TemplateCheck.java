package io.fedflow.dag;

import io.fedflow.dag.template.Placeholder;
import io.fedflow.dag.template.Template;
import io.fedflow.dag.template.TemplateNames;
import io.fedflow.dag.template.TemplateSyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks templated fields: parse errors and names a job cannot see. Each distinct text is parsed
 * once per workflow (a generated workflow repeats {@code {{item}}} in thousands of jobs), and a
 * field's path is only spelled out when it has a problem.
 */
final class TemplateCheck {
  // A Template, or the TemplateSyntaxException the text gave.
  private final Map<String, Object> parsed = new HashMap<>();

  /** Checks {@code text} (if set), found at {@code base + field}, or at index {@code i} of it. */
  void check(
      String text, String base, String field, int i, TemplateNames names, List<Problem> out) {
    if (text == null || !text.contains("{{")) {
      return;
    }
    Object p = parsed.computeIfAbsent(text, TemplateCheck::parse);
    if (p instanceof TemplateSyntaxException e) {
      out.add(new Problem(path(base, field, i), e.expected(), e.found()));
      return;
    }
    for (Placeholder unknown : ((Template) p).unknown(names)) {
      out.add(
          new Problem(
              path(base, field, i),
              "a known template name (" + names + ")",
              FieldPaths.quoted(unknown.written())));
    }
  }

  void check(String text, String base, String field, TemplateNames names, List<Problem> out) {
    check(text, base, field, -1, names, out);
  }

  private static Object parse(String text) {
    try {
      return Template.parse(text);
    } catch (TemplateSyntaxException e) {
      return e;
    }
  }

  private static String path(String base, String field, int i) {
    String at = base + field;
    return i < 0 ? at : FieldPaths.index(at, i);
  }
}
