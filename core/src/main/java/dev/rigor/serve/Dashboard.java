package dev.rigor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code rigor serve}: the live dashboard of the experiments under ROOT (DESIGN.md §12, docs/DASHBOARD.md).
 * Javalin (Jetty) serves two pages with their bundled scripts and styles, a JSON API, and server-sent
 * event streams that a {@link Watcher} feeds when a ledger changes. Read-only: ledgers are read by
 * {@link dev.rigor.store.LedgerReading}, files are only opened for reading.
 */
public final class Dashboard implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int PAGE_LIMIT = 1_000;

  private final ServeOptions options;
  private final Catalog catalog;
  private final Access access;
  private final Broadcaster broadcaster = new Broadcaster();
  private final Map<String, Curves> curves = new ConcurrentHashMap<>();
  private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
  private final Watcher watcher;
  private final Javalin app;

  private Dashboard(ServeOptions options) throws IOException {
    this.options = options;
    this.catalog = new Catalog(options.root());
    this.access = new Access(options);
    this.watcher = new Watcher(catalog, broadcaster, this);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.generateEtags = false;
      config.jetty.host = options.bind();
      config.jetty.port = options.port();
      config.routes.before(this::before);
      // An event stream is answered 200 before its handler runs: an unknown experiment must be refused here.
      config.routes.before("/api/experiments/{name}/events", this::experiment);
      config.routes.get("/", ctx -> Assets.page(ctx, "index.html"));
      config.routes.get("/experiments/{name}", ctx -> {
        experiment(ctx);
        Assets.page(ctx, "experiment.html");
      });
      config.routes.get("/assets/{file}", ctx -> Assets.asset(ctx, ctx.pathParam("file")));
      config.routes.get("/api/experiments", ctx -> ctx.contentType("application/json; charset=utf-8").result(listJson()));
      config.routes.get("/api/experiments/{name}", ctx -> ctx.contentType("application/json; charset=utf-8")
          .result(detailJson(experiment(ctx))));
      config.routes.get("/api/experiments/{name}/runs", this::runs);
      config.routes.get("/api/experiments/{name}/summary", ctx -> {
        LiveExperiment e = experiment(ctx);
        json(ctx, ExperimentView.summary(e.snapshot(), e.dir.root()));
      });
      config.routes.sse("/api/events", client -> broadcaster.subscribe(Watcher.LIST, client, listJson()));
      config.routes.sse("/api/experiments/{name}/events", this::experimentEvents);
      config.routes.get("/files/{name}/<path>", ctx -> RunFiles.serve(ctx, catalog, experiment(ctx), ctx.pathParam("path")));
      config.routes.exception(NotFound.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8")
          .result(e.getMessage() + "\n"));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
          .contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n"));
      config.routes.error(404, ctx -> {
        if (ctx.result() == null) {
          ctx.contentType("text/plain; charset=utf-8").result("not found\n");
        }
      });
    });
  }

  /** Starts serving; {@link #url()} says where. */
  public static Dashboard start(ServeOptions options) throws IOException {
    Dashboard d = new Dashboard(options);
    d.watcher.refreshAll();
    try {
      d.app.start();
    } catch (RuntimeException e) {
      d.watcher.close();
      throw new IOException("cannot listen on " + options.bind() + ":" + options.port() + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    d.watcher.start();
    return d;
  }

  /** The address to open (with the token, when there is one). */
  public String url() {
    String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port() + "/" + options.token().map(t -> "?token=" + t).orElse("");
  }

  /** The page of one experiment. */
  public String url(String experiment) {
    String base = url();
    int query = base.indexOf('?');
    String path = "experiments/" + java.net.URLEncoder.encode(experiment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    return query < 0 ? base + path : base.substring(0, query) + path + base.substring(query);
  }

  public int port() {
    return app.port();
  }

  /** Viewers connected now (event streams), for the benchmark and tests. */
  public int viewers() {
    return broadcaster.subscribers();
  }

  private void before(Context ctx) {
    access.check(ctx);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }

  private LiveExperiment experiment(Context ctx) {
    String name = ctx.pathParam("name");
    return catalog.find(name).orElseThrow(() -> new NotFound("no experiment named '" + name + "' under " + catalog.root()));
  }

  private void experimentEvents(SseClient client) {
    Optional<LiveExperiment> e = catalog.find(client.ctx().pathParam("name"));
    if (e.isEmpty()) {
      client.ctx().status(HttpStatus.NOT_FOUND);
      client.close();
      return;
    }
    broadcaster.subscribe(Watcher.topic(e.get()), client, detailJson(e.get()));
  }

  private void runs(Context ctx) {
    LiveExperiment e = experiment(ctx);
    List<RunStatus> statuses = new ArrayList<>();
    String status = ctx.queryParam("status");
    if (status != null && !status.isBlank()) {
      for (String s : status.split(",")) {
        try {
          statuses.add(RunStatus.parse(s.strip()));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("unknown status '" + s.strip() + "' (running, ok, failed, timeout, cost_limit, error, "
              + "interrupted, cancelled)");
        }
      }
    }
    int offset = intParam(ctx, "offset", 0);
    int limit = Math.min(intParam(ctx, "limit", 100), PAGE_LIMIT);
    List<RunRecord> matching = LiveExperiment.withStatus(e.snapshot().runs(), statuses);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RunRecord r : matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))) {
      rows.add(ExperimentView.row(r));
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("total", matching.size());
    o.put("offset", offset);
    o.put("limit", limit);
    o.put("runs", rows);
    json(ctx, o);
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number ≥ 0; got '" + v + "'");
    }
  }

  /** The experiments list as JSON, rendered once per change of any experiment (or of the list). */
  synchronized String listJson() {
    StringBuilder key = new StringBuilder();
    for (LiveExperiment e : catalog.experiments()) {
      LiveExperiment.Snapshot s = e.snapshot();
      key.append(e.name).append('@').append(s == null ? -1 : s.version()).append('/');
    }
    if (!key.toString().equals(listKey)) {
      listJson = render(list());
      listKey = key.toString();
    }
    return listJson;
  }

  private String listKey = "";
  private String listJson = "[]";

  List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LiveExperiment e : catalog.experiments()) {
      LiveExperiment.Snapshot s = e.snapshot();
      if (s != null) {
        out.add(ExperimentView.overview(s));
      }
    }
    return out;
  }

  /** The detail as JSON, rendered once per version of the experiment however many viewers ask. */
  String detailJson(LiveExperiment e) {
    LiveExperiment.Snapshot s = e.snapshot();
    if (s == null) {
      throw new NotFound("experiment '" + e.name + "' is not readable yet");
    }
    Rendered r = rendered.get(e.name);
    if (r != null && r.version() == s.version()) {
      return r.json();
    }
    synchronized (e) {
      r = rendered.get(e.name);
      if (r == null || r.version() != s.version()) {
        r = new Rendered(s.version(), render(detail(e)));
        rendered.put(e.name, r);
      }
      return r.json();
    }
  }

  private record Rendered(long version, String json) {}

  Map<String, Object> detail(LiveExperiment e) {
    LiveExperiment.Snapshot s = e.snapshot();
    if (s == null) {
      throw new NotFound("experiment '" + e.name + "' is not readable yet");
    }
    List<Map<String, Object>> c = curves.computeIfAbsent(e.name, n -> new Curves()).of(s, e.dir.root());
    return ExperimentView.detail(s, e.dir.root(), c, Files.isRegularFile(e.dir.report().resolve("index.html")));
  }

  void forget(String name) {
    curves.remove(name);
    rendered.remove(name);
  }

  static String render(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void json(Context ctx, Object value) {
    ctx.contentType("application/json; charset=utf-8").result(render(value));
  }

  @Override
  public void close() {
    watcher.close();
    broadcaster.close();
    app.stop();
  }

  /** A name or file that is not there: 404. */
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }
}
