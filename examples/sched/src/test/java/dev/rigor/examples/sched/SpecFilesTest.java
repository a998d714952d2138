package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example specs are inputs of this simulator: every flag, parameter and policy they name
 * must be one it accepts, so the shipped examples cannot rot. (Reads them with patterns, not a
 * YAML parser: the simulator has no dependencies.)
 */
class SpecFilesTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Pattern FLAG = Pattern.compile("--([a-z_]+)");
  private static final Pattern PARAMS = Pattern.compile("(?m)^params: \\{(.*)}");
  private static final Pattern POLICIES = Pattern.compile("(?m)^\\s+policy: \\[(.*)]");

  @TempDir Path tmp;

  @Test
  void yamlSpecsNameOnlyKnownFlagsParamsAndPolicies() throws IOException {
    for (String spec : List.of("smoke.yaml", "experiment.yaml")) {
      String text = withoutComments(Files.readString(MODULE.resolve(spec)));
      assertKnownFlags(text);
      assertThat(text).contains("command: [java, -jar, examples/sched/target/sched-sim.jar,"
          + " --out_dir, \"{out}\"]");
      for (String policy : list(match(POLICIES, text))) {
        assertThat(Policy.fromCliName(policy)).as(spec + " policy " + policy).isPresent();
      }
      assertThat(SimConfig.fromParams(params(text))).isNotNull();
    }
  }

  @Test
  void seed004JsonNamesOnlyKnownFlagsAndAWorkingBinary() throws IOException {
    String text = Files.readString(MODULE.resolve("default.json"));
    assertKnownFlags(text);
    assertThat(text).contains("\"sim_binary\": \"examples/sched/sched-sim\"");
    assertThat(Files.isExecutable(MODULE.resolve("sched-sim"))).isTrue();
    assertThat(Files.readString(MODULE.resolve("sched-sim")))
        .contains("exec java -jar \"$(dirname \"$0\")/target/sched-sim.jar\" \"$@\"");
  }

  @Test
  void theLargestExperimentTrialRunsQuickly() throws IOException {
    // The argv Rigor builds from experiment.yaml (args: flags) for one workflows=100 trial.
    String text = withoutComments(Files.readString(MODULE.resolve("experiment.yaml")));
    List<String> argv = new ArrayList<>(List.of("--out_dir", tmp.toString()));
    params(text).forEach((k, v) -> {
      if (v.equals("true")) {
        argv.add("--" + k);
      } else {
        argv.addAll(List.of("--" + k, v));
      }
    });
    argv.addAll(List.of("--workflows", "100", "--policy", "full", "--seed", "3",
        "--disable_dag_priority"));

    long start = System.nanoTime();
    int code = Main.run(argv.toArray(String[]::new),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());

    assertThat(code).isZero();
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
  }

  private static String withoutComments(String yaml) {
    return yaml.replaceAll("(?m)\\s+#.*$", "");
  }

  private static void assertKnownFlags(String text) {
    Matcher m = FLAG.matcher(text);
    while (m.find()) {
      assertThat(Param.byKey(m.group(1))).as("flag --" + m.group(1)).isPresent();
    }
  }

  private static Map<String, String> params(String yaml) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String pair : list(match(PARAMS, yaml))) {
      String[] kv = pair.split(":", 2);
      out.put(kv[0].trim(), kv[1].trim());
    }
    return out;
  }

  private static List<String> list(String flow) {
    List<String> out = new ArrayList<>();
    for (String item : flow.split(",")) {
      out.add(item.trim());
    }
    return out;
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as(p.pattern()).isTrue();
    return m.group(1);
  }
}
