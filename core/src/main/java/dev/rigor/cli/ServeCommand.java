package dev.rigor.cli;

import dev.rigor.serve.Dashboard;
import dev.rigor.serve.ServeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "A live dashboard of the experiments under ROOT, in the browser.",
      "Progress and ETA, running trials, failures with their stderr, per-variation means with confidence",
      "intervals, learning curves and spend — pushed as the ledgers change (read-only: nothing is written)."
    },
    footer = {
      "",
      "Examples:",
      "  rigor serve                          the experiments under ./runs on http://127.0.0.1:8080/",
      "  rigor serve runs/sched-smoke --port 0  one experiment, on a free port",
      "  rigor serve runs --bind 0.0.0.0 --token $(openssl rand -hex 16)   reachable from other machines",
      "  rigor run examples/sched/experiment.yaml --serve                 watch a sweep while it runs",
      "",
      "JSON for scripts: /api/experiments, /api/experiments/NAME, …/runs?status=failed&offset=0&limit=100,",
      "…/summary (docs/DASHBOARD.md). It binds 127.0.0.1; another address needs --token, which every",
      "request must then carry. Ctrl-C stops it."
    })
final class ServeCommand implements Callable<Integer> {

  private final Context context;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ROOT",
      description = "An experiment directory, or a directory of them (default: ./runs if it exists, else .).")
  Path root;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = ServeOptions.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}); any other needs --token.")
  String bind = ServeOptions.LOOPBACK;

  @Option(names = "--token", paramLabel = "SECRET", description = "Required on every request (at least 16 characters); the printed URL carries it.")
  String token;

  ServeCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = root != null ? context.resolve(root) : Files.isDirectory(context.cwd().resolve("runs")) ? context.cwd().resolve("runs")
        : context.cwd();
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + " is not a directory (give an experiment directory or the out_root holding them)");
    }
    ServeOptions options = options(dir, bind, port, token);
    try (Dashboard dashboard = start(options)) {
      context.out().println("rigor serve: " + context.shown(dir) + " on " + dashboard.url() + "  (Ctrl-C to stop)");
      context.out().flush();
      CountDownLatch stop = new CountDownLatch(1);
      context.interrupts().onInterrupt(stop::countDown);
      stop.await();
    } finally {
      context.interrupts().onInterrupt(null);
    }
    return Rigor.OK;
  }

  static ServeOptions options(Path dir, String bind, int port, String token) throws UsageException {
    try {
      return new ServeOptions(dir, bind, port, Optional.ofNullable(token));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static Dashboard start(ServeOptions options) throws UsageException, IOException {
    try {
      return Dashboard.start(options);
    } catch (IOException e) {
      throw new UsageException(e.getMessage() + (options.port() == 0 ? "" : " (--port 0 picks a free port)"));
    }
  }
}
