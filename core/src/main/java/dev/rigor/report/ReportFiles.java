package dev.rigor.report;

import dev.rigor.store.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Owns the report's files: renders each asked-for format and writes it atomically (a temporary file
 * in the same directory, renamed over the target), so a reader never sees half a report; charts of an
 * earlier report that no longer exist are removed from {@code assets/}.
 */
final class ReportFiles {

  static final String HTML = "index.html";
  static final String MARKDOWN = "report.md";
  static final String ASSETS = "assets";

  private ReportFiles() {}

  static ReportOutput write(ReportData data, Path out, String runsBase, Set<ReportFormat> formats, String version) throws IOException {
    Files.createDirectories(out);
    List<Path> written = new ArrayList<>();
    Map<String, List<String>> images = new LinkedHashMap<>();
    // The HTML (one thread, ~1 s for 100,000 runs) is written while the charts render on the other
    // cores, into its temporary file; it replaces index.html only once the charts are written too.
    Path index = out.resolve(HTML);
    Path htmlTemp = temporary(index);
    Optional<FutureTask<Void>> page = formats.contains(ReportFormat.HTML)
        ? Optional.of(inBackground(() -> writeTo(htmlTemp, w -> HtmlReportWriter.write(data, runsBase, version, w))))
        : Optional.empty();
    if (formats.contains(ReportFormat.PNG) || formats.contains(ReportFormat.SVG)) {
      try {
        written.addAll(assets(data, out.resolve(ASSETS), formats, images));
      } catch (IOException | RuntimeException e) {
        if (page.isPresent()) {
          awaitQuietly(page.get()); // let the writer finish before its file is removed
          Files.deleteIfExists(htmlTemp);
        }
        throw e;
      }
    }
    if (page.isPresent()) {
      written.addAll(transcripts(data.sessions(), out.resolve(SessionSection.TRANSCRIPTS)));
      awaitWritten(page.get()); // a failed write removed its own file
      Files.move(htmlTemp, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      written.add(index);
    }
    if (formats.contains(ReportFormat.MD)) {
      Path md = out.resolve(MARKDOWN);
      AtomicFiles.write(md, MarkdownReportWriter.render(data, images));
      written.add(md);
    }
    return new ReportOutput(out, page.map(p -> index), written);
  }

  /** Each session's transcript as a page of its own (written before the index that links them). */
  private static List<Path> transcripts(SessionSection sessions, Path dir) throws IOException {
    if (sessions.isEmpty()) {
      return List.of();
    }
    Files.createDirectories(dir);
    for (SessionSection.Row row : sessions.rows()) {
      for (SessionSection.Session s : row.sessions()) {
        var run = sessions.experiment().run(s.runId());
        dev.rigor.store.Transcript t = dev.rigor.store.Transcript.read(run);
        if (t != null) {
          Path file = dir.resolve(s.runId() + ".html");
          TranscriptPage.write(file, t, run.readMeta(), "../" + HTML + "#sessions");
        }
      }
    }
    return List.of(dir);
  }

  /** Starts {@code task} on a thread of its own. */
  private static FutureTask<Void> inBackground(IoTask task) {
    FutureTask<Void> future = new FutureTask<>(() -> {
      task.run();
      return null;
    });
    Thread writer = new Thread(future, "rigor-report-html");
    writer.setDaemon(true);
    writer.start();
    return future;
  }

  private static void awaitQuietly(FutureTask<Void> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the failure being reported is the caller's
    }
  }

  private static void awaitWritten(FutureTask<Void> task) throws IOException {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing " + HTML, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  private static List<Path> assets(ReportData data, Path dir, Set<ReportFormat> formats, Map<String, List<String>> images)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<ChartImages.Image> all = ChartImages.of(data);
    // Rendering dominates; the charts are independent, so render them on every core.
    List<byte[]> png = formats.contains(ReportFormat.PNG) ? all.parallelStream().map(ChartImages::png).toList() : List.of();
    List<byte[]> svg = formats.contains(ReportFormat.SVG) ? all.parallelStream().map(ChartImages::svg).toList() : List.of();
    for (int i = 0; i < all.size(); i++) {
      ChartImages.Image image = all.get(i);
      if (!png.isEmpty()) {
        written.add(asset(dir, image.name() + ".png", png.get(i), names));
        images.computeIfAbsent(image.section(), k -> new ArrayList<>()).add(ASSETS + "/" + image.name() + ".png");
      }
      if (!svg.isEmpty()) {
        written.add(asset(dir, image.name() + ".svg", svg.get(i), names));
        if (png.isEmpty()) {
          images.computeIfAbsent(image.section(), k -> new ArrayList<>()).add(ASSETS + "/" + image.name() + ".svg");
        }
      }
    }
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.{png,svg}")) {
      for (Path p : old) {
        if (!names.contains(p.getFileName().toString())) {
          Files.deleteIfExists(p);
        }
      }
    }
    return written;
  }

  private static Path asset(Path dir, String name, byte[] bytes, Set<String> names) throws IOException {
    Path file = dir.resolve(name);
    AtomicFiles.write(file, bytes);
    names.add(name);
    return file;
  }

  /** Something that streams text to a writer. */
  interface Content {
    void writeTo(Writer w) throws IOException;
  }

  /** File work that may fail with an {@link IOException}. */
  private interface IoTask {
    void run() throws IOException;
  }

  private static Path temporary(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
  }

  /** Streams {@code content} into {@code file}; on failure the file is removed. */
  private static void writeTo(Path file, Content content) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      content.writeTo(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
