package io.fedflow.dag.template;

/** A template that cannot be parsed; {@link #expected()} and {@link #found()} make a Problem. */
public class TemplateSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String expected;
  private final String found;

  public TemplateSyntaxException(String expected, String found) {
    super("expected " + expected + " but found " + found);
    this.expected = expected;
    this.found = found;
  }

  public String expected() {
    return expected;
  }

  /** What was found, quoted. */
  public String found() {
    return found;
  }
}
