package io.fedflow.dag.template;

/**
 * One {@code {{ name }}} of a template.
 *
 * @param name the name, such as {@code params.epochs}
 * @param written the placeholder as written, braces and spaces included, for error messages
 */
public record Placeholder(String name, String written) {}
