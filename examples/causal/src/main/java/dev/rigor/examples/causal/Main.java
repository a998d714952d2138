package dev.rigor.examples.causal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine as a process: {@code --scenario NAME --seed N [--gravity true|false] [--scenarios FILE] --out DIR}
 * writes {@code DIR/metrics.json}, the same metrics the {@code java} trial returns.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String scenario = null;
    Long seed = null;
    boolean gravity = true;
    Path scenarios = null;
    Path out = Path.of(".");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--scenario" -> scenario = args[i + 1];
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--gravity" -> gravity = Boolean.parseBoolean(args[i + 1]);
        case "--scenarios" -> scenarios = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; usage: --scenario NAME --seed N [--gravity true|false] [--scenarios FILE] --out DIR");
      }
    }
    if (scenario == null || seed == null) {
      throw new IllegalArgumentException("usage: --scenario NAME --seed N [--gravity true|false] [--scenarios FILE] --out DIR");
    }
    Map<String, Object> metrics = CausalEngine.run(Scenarios.get(Scenarios.load(scenarios), scenario), seed, gravity);
    Files.createDirectories(out);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("metrics.json").toFile(), metrics);
  }
}
