package dev.rigor.examples.sched;

import java.util.Locale;

/** The kinds of request in a workflow, with the provider that serves them and their size. */
public enum RequestKind {
  PDF_PARSE(Provider.PDF, 1.0),
  EMBED(Provider.EMBED, 1.0),
  SUBQUERY(Provider.LLM, 1.0),
  /** Merges an iteration's sub-query answers: a longer prompt than a sub-query. */
  AGGREGATE(Provider.LLM, 1.5),
  /** Writes the answer from the last aggregation: the longest output. */
  FINAL_ANSWER(Provider.LLM, 2.0);

  private final Provider provider;
  private final double size;

  RequestKind(Provider provider, double size) {
    this.provider = provider;
    this.size = size;
  }

  /** Where this kind of request goes without model routing. */
  public Provider provider() {
    return provider;
  }

  /** Relative size (tokens): multiplies both latency and price. */
  public double size() {
    return size;
  }

  public String traceName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
