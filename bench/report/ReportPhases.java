import dev.rigor.analysis.ExperimentReader;
import dev.rigor.report.HtmlReportWriter;
import dev.rigor.report.MarkdownReportWriter;
import dev.rigor.report.ReportBuilder;
import dev.rigor.report.ReportData;
import dev.rigor.report.ReportFormat;
import dev.rigor.report.ReportOptions;
import dev.rigor.report.Reports;
import dev.rigor.store.ExperimentDirectory;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * Where the time of {@code rigor report} goes, through the public report API: reading the experiment
 * (analysis), computing every section (statistics and the runs table), writing the HTML, the Markdown,
 * and rendering the PNG charts.
 *
 * <p>{@code java -cp core/target/rigor.jar bench/report/ReportPhases.java EXP}
 */
public final class ReportPhases {

  public static void main(String[] args) throws Exception {
    ExperimentDirectory dir = new ExperimentDirectory(Path.of(args[0]));
    Path out = Files.createTempDirectory("rigor-report-phases");
    long t0 = System.nanoTime();
    ExperimentReader.read(dir.root());
    long t1 = System.nanoTime();
    ReportData data = ReportBuilder.build(dir, ReportOptions.defaults());
    long t2 = System.nanoTime();
    try (Writer w = Files.newBufferedWriter(out.resolve("index.html"))) {
      HtmlReportWriter.write(data, "../runs/", "bench", w);
    }
    long t3 = System.nanoTime();
    MarkdownReportWriter.render(data, Map.of());
    long t4 = System.nanoTime();
    Reports.write(dir, out, ReportOptions.defaults().withFormats(EnumSet.of(ReportFormat.PNG)), "bench");
    long t5 = System.nanoTime();
    System.out.printf("read the experiment (ExperimentReader): %.1f s%n", (t1 - t0) / 1e9);
    System.out.printf("every section (read again + statistics + runs table): %.1f s, so %.1f s without the read%n", (t2 - t1) / 1e9,
        (t2 - t1 - (t1 - t0)) / 1e9);
    System.out.printf("write index.html (%.1f MB): %.1f s%n", Files.size(out.resolve("index.html")) / 1e6, (t3 - t2) / 1e9);
    System.out.printf("render report.md: %.2f s%n", (t4 - t3) / 1e9);
    System.out.printf("PNG charts (build again + render): %.1f s, so about %.1f s for the images%n", (t5 - t4) / 1e9,
        (t5 - t4 - (t2 - t1)) / 1e9);
  }
}
