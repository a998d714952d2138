package dev.rigor.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a (possibly huge) file such as a run's stderr, reading only its last 64 KiB; lines
 * longer than {@code maxLine} characters are cut (with an ellipsis). Shown by {@code rigor status} and
 * the report's failures.
 */
public final class FileTail {

  private static final int MAX_BYTES = 64 * 1024;

  private FileTail() {}

  /** The last {@code n} lines; none for a missing file, one line saying why for an unreadable one. */
  public static List<String> lines(Path file, int n, int maxLine) {
    if (n <= 0 || !Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      f.seek(length - size);
      f.readFully(bytes);
      List<String> all = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
      if (size < length && !all.isEmpty()) {
        all.remove(0); // a partial first line
      }
      List<String> last = all.subList(Math.max(0, all.size() - n), all.size());
      return last.stream().map(l -> l.length() > maxLine ? l.substring(0, maxLine) + "…" : l).toList();
    } catch (IOException e) {
      return List.of("(cannot read " + file.getFileName() + ": " + e.getMessage() + ")");
    }
  }
}
