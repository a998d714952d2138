package dev.rigor.plan;

import dev.rigor.spec.Values;
import java.util.Map;

/**
 * Readable run ids: matrix values, {@code seed<N>}, the ablation, {@code r<k>} when there are
 * replicates — sanitized to {@code [A-Za-z0-9._-]}, at most {@value #MAX_SLUG} chars — then
 * {@code __} and the trial key. Text values stand alone ({@code full}); numbers and booleans carry
 * their axis name ({@code workflows50}, {@code routing-true}).
 */
public final class RunIds {

  public static final int MAX_SLUG = 80;

  private RunIds() {}

  /** The slug of a variation's matrix values. */
  public static String axesSlug(Map<String, Object> axes) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Object> e : axes.entrySet()) {
      if (b.length() > 0) {
        b.append("__");
      }
      b.append(part(e.getKey(), e.getValue()));
    }
    return b.toString();
  }

  public static String runId(String axesSlug, Long seed, String ablation, int replicate, boolean replicated, String trialKey) {
    StringBuilder b = new StringBuilder(axesSlug);
    if (seed != null) {
      append(b, "seed" + seed);
    }
    append(b, sanitize(ablation));
    if (replicated) {
      append(b, "r" + replicate);
    }
    String slug = b.length() > MAX_SLUG ? b.substring(0, MAX_SLUG) : b.toString();
    if (slug.startsWith(".") || slug.startsWith("-")) {
      slug = "_" + slug.substring(1);
    }
    return slug + "__" + trialKey;
  }

  private static void append(StringBuilder b, String part) {
    if (b.length() > 0) {
      b.append("__");
    }
    b.append(part);
  }

  private static String part(String axis, Object value) {
    if (value instanceof String s) {
      String clean = sanitize(s);
      return clean.isEmpty() ? sanitize(axis) : clean;
    }
    if (value instanceof Boolean bool) {
      return sanitize(axis) + "-" + bool;
    }
    return sanitize(axis) + sanitize(Values.text(value));
  }

  /** Replaces every run of characters outside {@code [A-Za-z0-9._-]} with one {@code -}. */
  public static String sanitize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean replaced = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (ok) {
        b.append(c);
        replaced = false;
      } else if (!replaced) {
        b.append('-');
        replaced = true;
      }
    }
    String out = b.toString();
    return out.equals(".") || out.equals("..") ? out.replace('.', '_') : out;
  }
}
