package dev.rigor.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where and from what an experiment was run: code version, machine, runtime. */
public final class Provenance {

  private static final long GIT_TIMEOUT_S = 20;

  private Provenance() {}

  /** The git state of {@code dir}: commit, branch, dirty flag and the SHA-256 of {@code git diff HEAD}; {@code null} outside a repository. */
  public static Map<String, Object> git(Path dir) {
    String commit = git(dir, "rev-parse", "HEAD");
    if (commit == null) {
      return null;
    }
    Map<String, Object> git = new LinkedHashMap<>();
    git.put("commit", commit.strip());
    String branch = git(dir, "rev-parse", "--abbrev-ref", "HEAD");
    git.put("branch", branch == null ? null : branch.strip());
    String status = git(dir, "status", "--porcelain", "--untracked-files=no");
    boolean dirty = status != null && !status.isBlank();
    git.put("dirty", dirty);
    String diff = dirty ? git(dir, "diff", "HEAD") : "";
    git.put("diff_sha256", diff == null ? null : sha256(diff));
    return git;
  }

  /** The machine and runtime. */
  public static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", HostInfo.hostname());
    m.put("os", HostInfo.os());
    m.put("cpu_model", HostInfo.cpuModel());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory_bytes", HostInfo.memoryBytes());
    Map<String, Object> java = new LinkedHashMap<>();
    java.put("version", System.getProperty("java.version"));
    java.put("vendor", System.getProperty("java.vendor"));
    java.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    m.put("java", java);
    m.put("user", System.getProperty("user.name"));
    return m;
  }

  private static String git(Path dir, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = p.getInputStream()) {
        in.transferTo(out);
      }
      if (!p.waitFor(GIT_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out.toString(StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
