package dev.rigor.plan;

import dev.rigor.spec.Ablation;
import dev.rigor.spec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trial keys: the first 12 hex chars of SHA-256 over the canonical JSON
 * <pre>{"ablation":NAME,"ablation_flags":[...],"params":{...all params...},"replicate":R,"seed":S}</pre>
 * Output paths are not part of it, so moving an experiment keeps its keys. Keys are sorted in the
 * canonical form, so {@code replicate} and {@code seed} come last and the digest of everything before
 * them is computed once per variation.
 */
public final class TrialKeys {

  public static final int LENGTH = 12;

  private final MessageDigest prefix;

  /** Prepares the digest of everything a variation's trials share. */
  public TrialKeys(Map<String, Object> params, Ablation ablation) {
    Map<String, Object> shared = new LinkedHashMap<>();
    shared.put("ablation", ablation.name());
    shared.put("ablation_flags", ablation.flags());
    shared.put("params", params);
    String text = CanonicalJson.text(shared);
    try {
      prefix = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
    prefix.update(text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8));
  }

  /** The key of one trial of the variation, as its 48 bits (the first 12 hex chars of the digest). */
  public long keyBits(Long seed, int replicate) {
    try {
      MessageDigest digest = (MessageDigest) prefix.clone();
      String suffix = ",\"replicate\":" + replicate + ",\"seed\":" + (seed == null ? "null" : seed.toString()) + "}";
      byte[] hash = digest.digest(suffix.getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < LENGTH / 2; i++) {
        bits = (bits << 8) | (hash[i] & 0xff);
      }
      return bits;
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable", e);
    }
  }

  /** The same key computed from scratch, for tests and documentation. */
  public static String keyOf(Map<String, Object> params, Ablation ablation, Long seed, int replicate) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("ablation", ablation.name());
    all.put("ablation_flags", ablation.flags());
    all.put("params", params);
    all.put("replicate", replicate);
    all.put("seed", seed);
    return CanonicalJson.sha256(all).substring(0, LENGTH);
  }
}
