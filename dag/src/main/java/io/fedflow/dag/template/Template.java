package io.fedflow.dag.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text with {@code {{ name }}} placeholders, parsed once and rendered per job instance.
 *
 * <p>The scanner is written by hand on purpose: the grammar is a handful of rules, and no template
 * library lets us check every name against what a job can see before anything runs, nor refuse an
 * unknown name instead of rendering it as an empty string.
 *
 * <p>Grammar: text, with {@code {{ NAME }}} (spaces inside the braces allowed) where NAME is dotted
 * words ({@code params.epochs}, {@code item.lr}); {@code {{"{{"}}} is a literal {@code {{}. A lone
 * {@code }}} outside a placeholder is plain text.
 */
public final class Template {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";
  private static final String ESCAPED_OPEN = "\"{{\"";
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z_][A-Za-z0-9_-]*)*");

  private final String text;
  // Either String (literal text) or Placeholder, in order.
  private final List<Object> parts;
  private final List<Placeholder> placeholders;

  private Template(String text, List<Object> parts, List<Placeholder> placeholders) {
    this.text = text;
    this.parts = parts;
    this.placeholders = placeholders;
  }

  /**
   * Parses {@code text}.
   *
   * @throws TemplateSyntaxException for an unclosed {@code {{}, or an empty or malformed name
   */
  public static Template parse(String text) {
    int open = text.indexOf(OPEN);
    if (open < 0) {
      return new Template(text, List.of(text), List.of());
    }
    List<Object> parts = new ArrayList<>();
    List<Placeholder> placeholders = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int at = 0;
    while (open >= 0) {
      literal.append(text, at, open);
      int close = text.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        throw new TemplateSyntaxException(
            "a template closed by '}}'", "'" + text.substring(open) + "'");
      }
      String written = text.substring(open, close + CLOSE.length());
      String inner = text.substring(open + OPEN.length(), close).strip();
      if (inner.equals(ESCAPED_OPEN)) {
        literal.append(OPEN);
      } else if (!NAME.matcher(inner).matches()) {
        throw new TemplateSyntaxException(
            "a template name such as params.NAME or item", "'" + written + "'");
      } else {
        if (literal.length() > 0) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        Placeholder p = new Placeholder(inner, written);
        parts.add(p);
        placeholders.add(p);
      }
      at = close + CLOSE.length();
      open = text.indexOf(OPEN, at);
    }
    literal.append(text, at, text.length());
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return new Template(text, List.copyOf(parts), List.copyOf(placeholders));
  }

  /** The text as written. */
  public String text() {
    return text;
  }

  /** The placeholders, in the order they appear. */
  public List<Placeholder> placeholders() {
    return placeholders;
  }

  /** Whether the template renders to the same text whatever the context. */
  public boolean isConstant() {
    return placeholders.isEmpty();
  }

  /** The placeholders whose name {@code names} does not know, in order. */
  public List<Placeholder> unknown(TemplateNames names) {
    List<Placeholder> out = new ArrayList<>(0);
    for (Placeholder p : placeholders) {
      if (!names.contains(p.name())) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The text with every placeholder replaced by its value.
   *
   * @throws IllegalArgumentException if {@code context} has no value for a name (never rendered as
   *     an empty string)
   */
  public String render(TemplateContext context) {
    if (parts.size() == 1 && parts.get(0) instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (Object part : parts) {
      if (part instanceof Placeholder p) {
        String value = context.value(p.name());
        if (value == null) {
          throw new IllegalArgumentException("no value for the template name '" + p.name() + "'");
        }
        out.append(value);
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
