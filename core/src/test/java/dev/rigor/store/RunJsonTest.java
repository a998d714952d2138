package dev.rigor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed run records are byte for byte what data binding writes for the same values, in both
 * forms (pretty for the run directory, compact for the ledger), so readers and golden files cannot
 * tell which path wrote a record.
 */
class RunJsonTest {

  static Stream<RunMeta> metas() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("lr", 0.001);
    params.put("layers", 12L);
    params.put("int", 3);
    params.put("name", "a \"quoted\" naïve\tname \u0001 ✓ \uD83D\uDE80");
    params.put("on", true);
    params.put("none", null);
    params.put("nan", Double.NaN);
    params.put("inf", Double.NEGATIVE_INFINITY);
    params.put("float", 1.5f);
    params.put("big", new BigDecimal("12345678901234567890.000000000001"));
    params.put("bigint", new BigInteger("123456789012345678901234567890"));
    params.put("list", List.of(1L, "two", List.of(), Map.of()));
    params.put("nested", Map.of("k", Arrays.asList(1.0, null, false)));
    params.put("tiny", 1e-300);
    params.put("huge", -1.7976931348623157E308);
    params.put("enum", RunStatus.OK); // not a plain JSON value: written by data binding
    RunMeta running = new RunMeta(RunMeta.SCHEMA, "lr=0.001__baseline__0123456789ab", "0123456789ab", "exp", params,
        Map.of("lr", 0.001), 42L, 3, "no-cache", List.of("--no-cache", "-v"), List.of("python3", "train.py", "--lr=0.001"), "/w d",
        "host", 2, RunStatus.RUNNING, null, null, 1.795357553203E9, null, null, null, null, null, null, 1234L, 99887766L,
        List.of("/sys/fs/cgroup/memory/rigor/x"), null, 777L, 0.25);
    RunMeta ended = running.finished(RunStatus.TIMEOUT, 137, 9, 1.7953575532147496E9, 0.011749599, 0.25, 1L << 40,
        Measurement.CGROUP_V1, "timed out after 1s; the process tree was stopped", true);
    RunMeta empty = new RunMeta(RunMeta.SCHEMA, "r", "k", null, null, null, null, 0, null, null, null, null, null, 0,
        RunStatus.ERROR, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return Stream.of(running, ended, empty);
  }

  @ParameterizedTest
  @MethodSource("metas")
  void metaAndParamsAreWhatDataBindingWrites(RunMeta meta) throws Exception {
    assertThat(text(RunJson.file(meta))).isEqualTo(text(StoreJson.bytes(meta)));
    assertThat(RunJson.ledger(meta)).isEqualTo(StoreJson.compact(meta));
    assertThat(text(RunJson.file(meta.params()))).isEqualTo(text(StoreJson.bytes(meta.params())));
    assertThat(RunJson.ledger(meta.params())).isEqualTo(StoreJson.compact(meta.params()));
  }

  static Stream<RunMetrics> metrics() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("loss", 0.25);
    values.put("steps", 1000L);
    values.put("converged", false);
    values.put("label", "ünïcode <b>&</b>");
    values.put("nan", Double.NaN);
    return Stream.of(RunMetrics.EMPTY, new RunMetrics(values, List.of(
        new RunMetrics.Missing("acc", "stdout", "no line matched /acc=(\\S+)/"), new RunMetrics.Missing("f1", "out/m.csv", null))));
  }

  @ParameterizedTest
  @MethodSource("metrics")
  void metricsAreWhatDataBindingWrites(RunMetrics metrics) throws Exception {
    assertThat(text(RunJson.file(metrics))).isEqualTo(text(StoreJson.bytes(metrics)));
    assertThat(RunJson.ledger(metrics)).isEqualTo(StoreJson.compact(metrics));
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
