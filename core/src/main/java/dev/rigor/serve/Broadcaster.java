package dev.rigor.serve;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server-sent event streams, by topic ({@code experiments}, or one experiment's name). A change is
 * rendered once and handed to every subscriber of its topic; each subscriber keeps only the latest
 * payload not yet sent, and a small pool sends, so a slow or stalled viewer costs one pending string
 * — never a queue that grows, and never a delay for the others or for the watcher.
 */
final class Broadcaster implements AutoCloseable {

  private static final int SENDERS = 2;
  /** A comment line that keeps proxies from closing an idle stream and finds closed ones. */
  private static final String HEARTBEAT = new String("heartbeat");

  private final Map<String, Set<Subscriber>> topics = new ConcurrentHashMap<>();
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
    Thread t = new Thread(r, "rigor-serve-send");
    t.setDaemon(true);
    return t;
  });

  private final class Subscriber {
    final SseClient client;
    final AtomicReference<String> pending = new AtomicReference<>();
    final AtomicBoolean scheduled = new AtomicBoolean();

    Subscriber(SseClient client) {
      this.client = client;
    }

    void offer(String payload) {
      pending.set(payload);
      if (scheduled.compareAndSet(false, true)) {
        senders.execute(this::drain);
      }
    }

    /** One sender at a time per client (interleaved writes would corrupt the stream). */
    private void drain() {
      while (true) {
        String payload = pending.getAndSet(null);
        if (payload == HEARTBEAT) {
          client.sendComment("still here");
        } else if (payload != null && !client.terminated()) {
          client.sendEvent("state", payload);
        }
        scheduled.set(false);
        if (pending.get() == null || !scheduled.compareAndSet(false, true)) {
          return;
        }
      }
    }
  }

  /** Keeps {@code client} open on {@code topic}, sending {@code first} at once. */
  void subscribe(String topic, SseClient client, String first) {
    Subscriber s = new Subscriber(client);
    topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(s);
    client.onClose(() -> topics.getOrDefault(topic, Set.of()).remove(s));
    client.keepAlive();
    s.offer(first);
  }

  boolean hasSubscribers(String topic) {
    return !topics.getOrDefault(topic, Set.of()).isEmpty();
  }

  int subscribers() {
    return topics.values().stream().mapToInt(Set::size).sum();
  }

  void publish(String topic, String payload) {
    for (Subscriber s : topics.getOrDefault(topic, Set.of())) {
      s.offer(payload);
    }
  }

  void heartbeat() {
    for (Set<Subscriber> subs : topics.values()) {
      for (Subscriber s : subs) {
        if (s.pending.compareAndSet(null, HEARTBEAT) && s.scheduled.compareAndSet(false, true)) {
          senders.execute(s::drain);
        }
      }
    }
  }

  /** Ends every stream (the pages then show that the server is gone). */
  @Override
  public void close() {
    topics.values().forEach(subs -> subs.forEach(s -> s.client.close()));
    senders.shutdownNow();
  }
}
