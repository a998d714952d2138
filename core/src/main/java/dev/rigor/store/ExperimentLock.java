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
