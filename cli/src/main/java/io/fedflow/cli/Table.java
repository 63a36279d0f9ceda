package io.fedflow.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Text in aligned columns, as squeue and kubectl print them: two spaces between columns, numbers
 * right-aligned, no trailing spaces.
 */
final class Table {
  private final List<String> header = new ArrayList<>();
  private final List<Boolean> rightAligned = new ArrayList<>();
  private final List<String[]> rows = new ArrayList<>();

  Table column(String name) {
    header.add(name);
    rightAligned.add(false);
    return this;
  }

  Table numberColumn(String name) {
    header.add(name);
    rightAligned.add(true);
    return this;
  }

  void row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row of " + header.size() + " cells but found " + cells.length);
    }
    rows.add(cells.clone());
  }

  /** Prints the rows, under the column names when {@code withHeader}. */
  void print(PrintWriter out, boolean withHeader) {
    int[] widths = new int[header.size()];
    List<String[]> lines = new ArrayList<>();
    if (withHeader) {
      lines.add(header.toArray(String[]::new));
    }
    lines.addAll(rows);
    for (String[] line : lines) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    for (String[] line : lines) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String pad = " ".repeat(widths[c] - line[c].length());
        b.append(c == 0 ? "" : "  ");
        b.append(rightAligned.get(c) ? pad + line[c] : line[c] + pad);
      }
      out.println(b.toString().stripTrailing());
    }
  }
}
