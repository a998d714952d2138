package dev.rigor.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a (possibly huge) file, reading only its end. */
final class Tail {

  private static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_LINE = 300;

  private Tail() {}

  static List<String> lines(Path file, int n) {
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
      return last.stream().map(l -> l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + "…" : l).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
