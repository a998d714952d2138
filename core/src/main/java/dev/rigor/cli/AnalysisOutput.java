package dev.rigor.cli;

import dev.rigor.report.Table;
import dev.rigor.report.TableFormat;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints an analysis table in the chosen format. For people (table, md): header lines saying what was
 * computed, the table, then the notes. For machines (csv, json): only the table on stdout, so it can be
 * piped; the notes go to stderr.
 */
final class AnalysisOutput {

  private AnalysisOutput() {}

  static void print(Context context, TableFormat format, Table table, List<String> header, List<String> notes) {
    PrintStream out = context.out();
    if (FormatOption.machine(format)) {
      out.print(format.render(table));
      notes.forEach(n -> context.err().println("note: " + n));
      return;
    }
    boolean md = format == TableFormat.MD;
    for (String line : header) {
      out.println(md ? line + "  " : line);
    }
    if (!header.isEmpty()) {
      out.println();
    }
    out.print(format.render(table));
    if (!notes.isEmpty()) {
      out.println();
      out.println(md ? "Notes:\n" : "notes:");
      notes.forEach(n -> out.println((md ? "- " : "  - ") + n));
    }
  }

  /** How an interval method is written for people: {@code BCa}, {@code percentile}, {@code basic}, {@code t}. */
  static String intervalName(String method) {
    String m = method.toLowerCase(java.util.Locale.ROOT);
    return m.equals("bca") ? "BCa" : m;
  }

  /** A path as the user would type it: relative to the working directory when under it. */
  static String shown(Context context, java.nio.file.Path p) {
    java.nio.file.Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(context.cwd()) ? context.cwd().relativize(abs).toString() : abs.toString();
  }
}
