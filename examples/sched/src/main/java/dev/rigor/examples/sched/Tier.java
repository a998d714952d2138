package dev.rigor.examples.sched;

import java.util.Objects;

/**
 * One service tier of a provider: a lognormal latency body, a concurrency limit and a price.
 *
 * <p>The latency of a request of relative size {@code s} is {@code s * medianMs * exp(sigma * Z)},
 * Z standard normal; heavy tails are added on top by {@link LatencyModel}. Price is per request
 * of size 1 (size stands for prompt plus output tokens), charged when a request starts.
 *
 * @param id 0 is the cheapest and slowest; higher ids are faster and pricier
 */
public record Tier(
    Provider provider, int id, String label, double medianMs, double sigma, int concurrency,
    double pricePerRequest) {

  public Tier {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(label, "label");
    if (id < 0 || medianMs <= 0 || sigma < 0 || concurrency < 1 || pricePerRequest < 0) {
      throw new IllegalArgumentException("invalid tier " + provider + "/" + id);
    }
  }
}
