package dev.rigor.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** What every command gets: where to print, where relative paths resolve, and the interrupt hook. */
record Context(PrintStream out, PrintStream err, Path cwd, Interrupts interrupts) {

  Path resolve(Path p) {
    return cwd.resolve(p).normalize();
  }

  /** A path as the user would like to read it: relative when under the working directory, else absolute. */
  Path shown(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
  }
}
