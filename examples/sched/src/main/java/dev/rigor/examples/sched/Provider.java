package dev.rigor.examples.sched;

/** A service that requests are sent to; each offers several {@link Tier}s. */
public enum Provider {
  PDF("pdf_provider"),
  EMBED("embed_provider"),
  /** The large LLM: sub-queries, aggregation steps and final answers. */
  LLM("llm_provider"),
  /** A small, cheap LLM that answers simple sub-queries when model routing is on. */
  LLM_SMALL("llm_small_provider");

  private final String csvName;

  Provider(String csvName) {
    this.csvName = csvName;
  }

  /** The name used in {@code tiers.csv} and the trace. */
  public String csvName() {
    return csvName;
  }
}
