package dev.rigor.serve;

import dev.rigor.store.ExperimentDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a coordinator is at work on an experiment, found without touching its lock: {@code rigor
 * status} tries the lock, which would write the lock file; the dashboard instead looks for a POSIX
 * lock on the lock file's inode in {@code /proc/locks} (Linux), else for the live process whose pid
 * the lock file names.
 */
final class Coordinators {

  private static final Path PROC_LOCKS = Path.of("/proc/locks");
  private static final Pattern HOLDER = Pattern.compile("pid (\\d+)");

  private Coordinators() {}

  static boolean alive(ExperimentDirectory dir) {
    Path lock = dir.lockFile();
    if (!Files.exists(lock)) {
      return false;
    }
    try {
      if (Files.isReadable(PROC_LOCKS)) {
        String inode = ":" + Files.getAttribute(lock, "unix:ino") + " ";
        for (String line : Files.readAllLines(PROC_LOCKS)) {
          if (line.contains(inode)) {
            return true;
          }
        }
        return false;
      }
      Matcher m = HOLDER.matcher(Files.readString(lock));
      return m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
