package dev.rigor.cli;

import dev.rigor.report.TableFormat;
import picocli.CommandLine.Option;

/** {@code --format} of the analysis commands. */
final class FormatOption {

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table (default, for people), md (Markdown, for reports and PRs), csv or json (full precision, one"
          + " column per number; notes go to stderr).")
  String format = "table";

  TableFormat parse() throws UsageException {
    try {
      return TableFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --format '" + format + "' (table, md, csv or json)");
    }
  }

  /** Whether the format is for machines: full-precision numbers, a column per number, notes on stderr. */
  static boolean machine(TableFormat f) {
    return f == TableFormat.CSV || f == TableFormat.JSON;
  }
}
