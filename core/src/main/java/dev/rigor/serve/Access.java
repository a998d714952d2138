package dev.rigor.serve;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may ask: every request passes here first. With a token, the request must carry it (query
 * {@code ?token=}, the cookie set when the page was opened with it, or {@code Authorization: Bearer}),
 * compared in constant time ({@link MessageDigest#isEqual} over SHA-256 digests, so neither the
 * content nor the length leaks through timing). On the loopback address, the {@code Host} header
 * must name the loopback too, so that a web page elsewhere cannot reach the dashboard by pointing
 * its own host name at 127.0.0.1 (DNS rebinding).
 */
final class Access {

  static final String COOKIE = "rigor_token";

  private final Optional<byte[]> tokenDigest;
  private final boolean loopbackOnly;

  Access(ServeOptions options) {
    this.tokenDigest = options.token().map(Access::digest);
    this.loopbackOnly = ServeOptions.isLoopback(options.bind());
  }

  /** Ends the request with 401/403 unless it may go on. */
  void check(Context ctx) {
    if (loopbackOnly && !loopbackHost(ctx.header("Host"))) {
      deny(ctx, HttpStatus.FORBIDDEN, "this dashboard answers only to localhost / 127.0.0.1");
      return;
    }
    if (tokenDigest.isEmpty()) {
      return;
    }
    String query = ctx.queryParam("token");
    if (query != null && matches(query)) {
      // The page's own requests (scripts, styles, the event stream) then carry it as a cookie.
      Cookie cookie = new Cookie(COOKIE, query);
      cookie.setHttpOnly(true);
      cookie.setSameSite(SameSite.STRICT);
      cookie.setPath("/");
      ctx.cookie(cookie);
      return;
    }
    String cookie = ctx.cookie(COOKIE);
    String auth = ctx.header("Authorization");
    String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
    if (!(cookie != null && matches(cookie)) && !(bearer != null && matches(bearer))) {
      deny(ctx, HttpStatus.UNAUTHORIZED, "this dashboard needs its token: open the URL rigor serve printed (…?token=…)");
    }
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(tokenDigest.get(), digest(candidate));
  }

  private static void deny(Context ctx, HttpStatus status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    ctx.skipRemainingHandlers();
  }

  static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    int colon = h.startsWith("[") ? h.indexOf("]:") + 1 : h.lastIndexOf(':');
    if (colon > 0) {
      h = h.substring(0, colon);
    }
    return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
