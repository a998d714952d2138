package dev.rigor.serve;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The files behind the pages' links: the static report ({@code report/}) and the run directories
 * ({@code runs/}) of an experiment, nothing else. A path is checked segment by segment (no empty,
 * {@code .}, {@code ..} or hidden segment, no backslash or NUL) before it is resolved, and the file it
 * names, with every symbolic link followed, must still lie inside the experiment directory, which lies
 * inside ROOT; anything else is a 404. A run's files are served as plain text (or as a download), in
 * a sandbox, so that no output of a trial can run script in the dashboard's origin.
 */
final class RunFiles {

  static final String REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data: blob:;"
      + " connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private RunFiles() {}

  static void serve(Context ctx, Catalog catalog, LiveExperiment e, String path) throws IOException {
    Path file = resolve(catalog, e, path);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean report = path.startsWith("report/");
    if (report && name.endsWith(".html")) {
      ctx.header("Content-Security-Policy", REPORT_CSP).contentType("text/html; charset=utf-8");
    } else {
      ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      if (report && name.endsWith(".png")) {
        ctx.contentType("image/png");
      } else if (report && name.endsWith(".svg")) {
        ctx.contentType("image/svg+xml");
      } else if (name.matches(".*\\.(txt|log|md|csv|json|jsonl|yaml|yml|out|err)$")) {
        ctx.contentType("text/plain; charset=utf-8");
      } else {
        ctx.contentType("application/octet-stream").header("Content-Disposition", "attachment");
      }
    }
    InputStream in = Files.newInputStream(file);
    ctx.result(in);
  }

  static Path resolve(Catalog catalog, LiveExperiment e, String path) {
    String[] segments = path.split("/", -1);
    if (segments.length < 2 || !(segments[0].equals("report") || segments[0].equals("runs"))) {
      throw new Dashboard.NotFound("only report/ and runs/ files are served");
    }
    Path file = e.dir.root();
    for (String s : segments) {
      if (s.isEmpty() || s.equals(".") || s.equals("..") || s.startsWith(".") || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0
          || s.indexOf(':') >= 0) {
        throw new Dashboard.NotFound("no such file");
      }
      file = file.resolve(s);
    }
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(e.dir.root().toRealPath()) || !catalog.inside(real) || !Files.isRegularFile(real)) {
        throw new Dashboard.NotFound("no such file");
      }
      return real;
    } catch (IOException ex) {
      throw new Dashboard.NotFound("no such file");
    } catch (UncheckedIOException ex) {
      throw new Dashboard.NotFound("no such file");
    }
  }
}
