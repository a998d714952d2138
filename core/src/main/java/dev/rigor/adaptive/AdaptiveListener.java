package dev.rigor.adaptive;

/** Receives {@link AdaptiveEvent}s; the console renders them. */
@FunctionalInterface
public interface AdaptiveListener {

  AdaptiveListener NONE = event -> {};

  void on(AdaptiveEvent event);
}
