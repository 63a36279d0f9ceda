package io.fedflow.dag.yaml;

import io.fedflow.dag.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** What is wrong with one file, each problem with where it is. */
final class Findings {
  /** The path of problems about the file as a whole. */
  static final String FILE = "file";

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<Mark> aliases = Collections.newSetFromMap(new IdentityHashMap<>());

  Findings(String file) {
    this.file = file;
  }

  void report(Mark at, String path, String expected, String found) {
    report(at.getLine() + 1, at.getColumn() + 1, path, expected, found);
  }

  void report(int line, int column, String path, String expected, String found) {
    // One line each, whoever wrote the problem: a path or a found value may hold a line break.
    Problem p = new Problem(Found.oneLine(path), Found.oneLine(expected), Found.oneLine(found));
    diagnostics.add(new Diagnostic(file, line, column, p));
  }

  /** Forgets the problems reported so far. */
  void clear() {
    diagnostics.clear();
  }

  boolean hasErrors() {
    return !diagnostics.isEmpty();
  }

  /** Marks the place of an alias, which the parser replaced with a scalar (see EventGuard). */
  void aliasAt(Mark at) {
    aliases.add(at);
  }

  boolean isAlias(Node node) {
    return !aliases.isEmpty() && aliases.contains(node.getStartMark().orElse(null));
  }

  /** Adds {@code p}, found on the model, where {@code locations} says its path is written. */
  void locate(Problem p, Locations locations) {
    Mark at = locations.find(p.path());
    if (at == null) {
      report(1, 1, p.path(), p.expected(), p.found());
    } else {
      report(at, p.path(), p.expected(), p.found());
    }
  }

  /** Every diagnostic in file order (problems at the same place in the order they were found). */
  List<Diagnostic> inFileOrder() {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return sorted;
  }
}
