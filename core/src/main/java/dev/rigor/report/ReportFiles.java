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
    if (formats.contains(ReportFormat.PNG) || formats.contains(ReportFormat.SVG)) {
      written.addAll(assets(data, out.resolve(ASSETS), formats, images));
    }
    Optional<Path> html = Optional.empty();
    if (formats.contains(ReportFormat.HTML)) {
      Path index = out.resolve(HTML);
      writeStreaming(index, w -> HtmlReportWriter.write(data, runsBase, version, w));
      written.add(index);
      html = Optional.of(index);
    }
    if (formats.contains(ReportFormat.MD)) {
      Path md = out.resolve(MARKDOWN);
      AtomicFiles.write(md, MarkdownReportWriter.render(data, images));
      written.add(md);
    }
    return new ReportOutput(out, html, written);
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

  /** Streams into a temporary file next to {@code target}, then renames it over the target. */
  static void writeStreaming(Path target, Content content) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      content.writeTo(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
