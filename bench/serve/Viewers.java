import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CompletableFuture<HttpResponse<Stream<String>>> f = client.sendAsync(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofLines());
      streams.add(f);
      Thread t = new Thread(() -> {
        try {
          f.join().body().forEach(line -> {
            bytes.addAndGet(line.length() + 1);
            if (line.startsWith("event:")) {
              events.incrementAndGet();
            }
          });
        } catch (RuntimeException e) {
          // closed by the end of the benchmark or by the server stopping
        }
      });
      t.setDaemon(true);
      t.start();
      readers.add(t);
    }
    Thread.sleep(seconds * 1000);
    System.out.printf("%d viewers for %d s: %d events, %.1f MB received%n", n, seconds, events.get(), bytes.get() / 1e6);
    System.exit(0);
  }
}
