package dev.rigor.sweep;

/** Receives {@link SweepEvent}s; the console renders them, tests collect them. */
@FunctionalInterface
public interface SweepListener {

  SweepListener NONE = event -> {};

  void on(SweepEvent event);
}
