package dev.rigor.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code rigor serve} serves and where: the directory of experiments, the address and port to
 * listen on, and the token every request must carry. Safe by default: the loopback address, and no
 * other address without a token (anyone who can reach the port could read every run's output).
 *
 * @param root an experiment directory, or a directory whose sub-directories are experiments
 * @param bind the address to listen on ({@value #LOOPBACK} by default)
 * @param port the port; 0 picks a free one
 * @param token required on every request when present ({@code ?token=}, a cookie the page then keeps,
 *     or {@code Authorization: Bearer})
 */
public record ServeOptions(Path root, String bind, int port, Optional<String> token) {

  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  /** Shorter tokens are refused: the token is the only thing guarding a non-loopback address. */
  public static final int MIN_TOKEN_LENGTH = 16;

  public ServeOptions {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(token, "token");
    root = root.toAbsolutePath().normalize();
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535; got " + port);
    }
    if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("--token must be at least " + MIN_TOKEN_LENGTH
          + " characters (e.g. $(openssl rand -hex 16))");
    }
    if (!isLoopback(bind) && token.isEmpty()) {
      throw new IllegalArgumentException("--bind " + bind + " would let anyone who reaches this machine read every run: add --token"
          + " SECRET (at least " + MIN_TOKEN_LENGTH + " characters, e.g. $(openssl rand -hex 16)), or bind " + LOOPBACK);
    }
  }

  public static ServeOptions local(Path root, int port) {
    return new ServeOptions(root, LOOPBACK, port, Optional.empty());
  }

  /** True for a loopback address (127.0.0.0/8, ::1, localhost); an unresolvable name is not. */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
