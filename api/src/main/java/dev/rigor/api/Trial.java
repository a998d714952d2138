package dev.rigor.api;

/**
 * A trial that runs as a function call instead of a process ({@code java:} in a spec). Rigor loads
 * the class in its own class loader, creates one instance per worker (a public no-argument
 * constructor) and calls {@link #run} once per trial, so expensive set-up done in the constructor
 * is paid once per worker, not once per trial. With {@code jobs > 1} each worker has its own instance.
 *
 * <p>Returning ends the run {@code ok} (or {@code failed} when {@link TrialResult#failed} says so);
 * throwing ends it {@code error} with the exception's stack trace in {@code stderr.txt} and
 * {@code meta.json}.
 */
@FunctionalInterface
public interface Trial {

  TrialResult run(TrialContext ctx) throws Exception;
}
