package dev.rigor.examples.sched;

/** Receives progress while a simulation runs (the run itself does no I/O). */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = point -> {};

  void onProgress(ProgressPoint point);
}
