package dev.rigor.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** What every command gets: where to print, where relative paths resolve, and the interrupt hook. */
record Context(PrintStream out, PrintStream err, Path cwd, Interrupts interrupts) {

  Path resolve(Path p) {
    return cwd.resolve(p).normalize();
  }
}
