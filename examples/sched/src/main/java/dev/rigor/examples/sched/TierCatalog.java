package dev.rigor.examples.sched;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The providers and tiers of the simulated world. Numbers are in the range of public 2024-25
 * price lists and latency reports (rounded, not any one vendor): document parsing around a
 * second per document, embeddings tens of milliseconds, LLM calls from a few hundred
 * milliseconds (priority tiers, small models) to a couple of seconds (economy tiers). Cheap
 * tiers are slower, noisier and allow fewer requests in flight.
 */
final class TierCatalog {
  private static final List<Tier> ALL = List.of(
      new Tier(Provider.PDF, 0, "batch", 1200, 0.45, 16, 0.0010),
      new Tier(Provider.PDF, 1, "fast", 500, 0.35, 32, 0.0040),
      new Tier(Provider.EMBED, 0, "standard", 80, 0.35, 8, 0.0001),
      new Tier(Provider.EMBED, 1, "fast", 30, 0.30, 16, 0.0004),
      new Tier(Provider.LLM, 0, "economy", 1800, 0.55, 8, 0.0030),
      new Tier(Provider.LLM, 1, "standard", 900, 0.45, 16, 0.0080),
      new Tier(Provider.LLM, 2, "priority", 450, 0.35, 32, 0.0200),
      new Tier(Provider.LLM_SMALL, 0, "economy", 500, 0.50, 8, 0.0005),
      new Tier(Provider.LLM_SMALL, 1, "priority", 200, 0.35, 16, 0.0015));

  private static final Map<Provider, List<Tier>> BY_PROVIDER = new EnumMap<>(Provider.class);

  static {
    for (Provider p : Provider.values()) {
      List<Tier> tiers = ALL.stream().filter(t -> t.provider() == p).collect(Collectors.toList());
      for (int i = 0; i < tiers.size(); i++) {
        if (tiers.get(i).id() != i) {
          throw new IllegalStateException("tiers of " + p + " must be numbered 0.. in order");
        }
      }
      BY_PROVIDER.put(p, List.copyOf(tiers));
    }
  }

  private TierCatalog() {}

  /** Every tier, grouped by provider in enum order, cheapest first. */
  static List<Tier> all() {
    return ALL;
  }

  /** The tiers of one provider, cheapest (id 0) first. */
  static List<Tier> tiersOf(Provider provider) {
    return BY_PROVIDER.get(provider);
  }
}
