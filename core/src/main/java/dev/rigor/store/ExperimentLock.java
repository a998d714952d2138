package dev.rigor.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One coordinator per experiment directory: an OS file lock on {@code .rigor.lock}, which the
 * kernel releases when the holder dies (even by kill -9), holding the holder's pid and host.
 */
public final class ExperimentLock implements AutoCloseable {

  /** Thrown when another live coordinator holds the lock. */
  public static final class HeldException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String holder;

    HeldException(String holder) {
      super("locked by " + holder);
      this.holder = holder;
    }

    /** "pid 1234 on host" as the holder wrote it. */
    public String holder() {
      return holder;
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private ExperimentLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  private static final Path PROC_LOCKS = Path.of("/proc/locks");
  private static final java.util.regex.Pattern HOLDER = java.util.regex.Pattern.compile("pid (\\d+)");

  /**
   * Whether a live process holds the lock, found without touching it (trying the lock would write
   * the lock file, which read-only callers such as {@code rigor status} and the dashboard must not):
   * a POSIX lock on the file's inode in {@code /proc/locks} (Linux), else the live process whose pid
   * the lock file names.
   */
  public static boolean isHeld(Path lockFile) {
    if (!Files.exists(lockFile)) {
      return false;
    }
    try {
      if (Files.isReadable(PROC_LOCKS)) {
        String inode = ":" + Files.getAttribute(lockFile, "unix:ino") + " ";
        for (String line : Files.readAllLines(PROC_LOCKS)) {
          if (line.contains(inode)) {
            return true;
          }
        }
        return false;
      }
      java.util.regex.Matcher m = HOLDER.matcher(Files.readString(lockFile));
      return m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // a file system without inode numbers, or an unreadable lock: nobody provably holds it
    }
  }

  public static ExperimentLock acquire(Path lockFile, String host) throws IOException, HeldException {
    Files.createDirectories(lockFile.getParent());
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
      channel.close();
      throw new HeldException(holder.isEmpty() ? "another process" : holder);
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on " + host + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
    return new ExperimentLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
