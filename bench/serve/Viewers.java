import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * N concurrent viewers of a dashboard page's event stream for S seconds (loopback only): each holds
 * one server-sent event stream open and reads every event, as an open page does. Prints the events
 * and bytes received. {@code java bench/serve/Viewers.java URL N SECONDS}
 */
public final class Viewers {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
      throw new IllegalArgumentException("loopback only");
    }
    int n = Math.min(Integer.parseInt(args[1]), 200);
    long seconds = Long.parseLong(args[2]);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicLong events = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long deadline = System.currentTimeMillis() + seconds * 1000;
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        while (System.currentTimeMillis() < deadline) { // until the experiment exists (404 before its sweep starts)
          try {
            HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
              r.body().close();
              Thread.sleep(200);
              continue;
            }
            r.body().forEach(line -> {
              bytes.addAndGet(line.length() + 1);
              if (line.startsWith("event:")) {
                events.incrementAndGet();
              }
            });
          } catch (Exception e) {
            // closed by the server stopping: try again until the end
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }
    Thread.sleep(seconds * 1000);
    System.out.printf("%d viewers for %d s: %d events, %.1f MB received%n", n, seconds, events.get(), bytes.get() / 1e6);
    System.exit(0);
  }
}
