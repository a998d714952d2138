package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rigor.store.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairingTest {

  @TempDir static Path dir;
  static Experiment toy;

  @BeforeAll
  static void runToy() throws Exception {
    toy = ExperimentReader.read(ToyExperiments.run(dir, "toy"));
  }

  private static List<RunRecord> ok(String selector) throws Exception {
    return Selector.parse(selector).select(toy, "test").stream().filter(r -> r.meta().status().name().equals("OK")).toList();
  }

  @Test
  void sameSeedsPairAutomaticallyBySeed() throws Exception {
    Pairing p = Pairing.decide(ok("variant=base"), ok("variant=fast"), List.of(), PairingMode.AUTO);
    assertThat(p.paired()).isTrue();
    assertThat(p.pairs()).hasSize(6);
    assertThat(p.pairs()).allMatch(pair -> pair.control().meta().seed().equals(pair.candidate().meta().seed()));
    assertThat(p.explanation()).isEqualTo("paired by seed (6 pairs)");
  }

  @Test
  void noneForcesUnpaired() throws Exception {
    Pairing p = Pairing.decide(ok("variant=base"), ok("variant=fast"), List.of(), PairingMode.NONE);
    assertThat(p.paired()).isFalse();
    assertThat(p.explanation()).isEqualTo("unpaired: --paired-by none");
  }

  @Test
  void severalRunsPerSeedOnOneSideCannotPair() throws Exception {
    List<RunRecord> both = new ArrayList<>(ok("variant=fast"));
    both.addAll(ok("variant=slow"));
    Pairing p = Pairing.decide(ok("variant=base"), both, List.of(), PairingMode.AUTO);
    assertThat(p.paired()).isFalse();
    assertThat(p.explanation()).contains("several candidate runs share the same seed, replicate");
    assertThatThrownBy(() -> Pairing.decide(ok("variant=base"), both, List.of(), PairingMode.SEED))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("--paired-by seed: cannot pair");
  }

  @Test
  void pairingAxesTellWhichVariationsMatch() throws Exception {
    List<RunRecord> base = ok("variant=base");
    List<RunRecord> fastAndSlow = new ArrayList<>(ok("variant=fast"));
    fastAndSlow.addAll(ok("variant=slow"));
    List<RunRecord> baseTwice = new ArrayList<>(base);
    baseTwice.addAll(base);
    // pairing on the variant too: no base run has variant=fast, so nothing matches
    Pairing p = Pairing.decide(base, fastAndSlow, List.of("variant"), PairingMode.AUTO);
    assertThat(p.paired()).isFalse();
    assertThat(p.explanation()).contains("have no partner with the same variant, seed, replicate");
  }

  @Test
  void seedModeLeavesUnmatchedRunsOutAndSaysSo() throws Exception {
    List<RunRecord> fewer = ok("variant=fast").subList(0, 4);
    Pairing seed = Pairing.decide(ok("variant=base"), fewer, List.of(), PairingMode.SEED);
    assertThat(seed.paired()).isTrue();
    assertThat(seed.pairs()).hasSize(4);
    assertThat(seed.explanation()).startsWith("paired by seed (4 pairs; left out: 2 of 10 runs");
    Pairing auto = Pairing.decide(ok("variant=base"), fewer, List.of(), PairingMode.AUTO);
    assertThat(auto).as("auto pairs too when most runs have a partner (e.g. a few failed runs)").isEqualTo(seed);
  }

  @Test
  void autoIsUnpairedWhenMostRunsHaveNoPartner() throws Exception {
    List<RunRecord> two = ok("variant=fast").subList(0, 2);
    Pairing auto = Pairing.decide(ok("variant=base"), two, List.of(), PairingMode.AUTO);
    assertThat(auto.paired()).isFalse();
    assertThat(auto.explanation()).startsWith("unpaired: 4 of 8 runs have no partner").contains("--paired-by seed pairs the 2");
  }
}
