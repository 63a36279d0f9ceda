package io.fedflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --param NAME=VALUE}: overrides of the workflow's parameters, as a run would give them. */
final class ParamOptions {
  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Overrides a parameter declared under params (repeatable).")
  Map<String, String> values = new LinkedHashMap<>();
}
