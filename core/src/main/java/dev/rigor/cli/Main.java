package dev.rigor.cli;

/** The {@code rigor} executable: the only place that exits the JVM. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    preferVfork();
    Rigor rigor = new Rigor(System.out, System.err);
    int code = rigor.runWithSignals(args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /**
   * JDK 17–21 can start processes with vfork, about twice as fast as the default posix_spawn through
   * jspawnhelper — the difference between Rigor's overhead per short trial being below or above
   * that of xargs. Newer JDKs no longer offer it; an explicit setting always wins.
   */
  private static void preferVfork() {
    String key = "jdk.lang.Process.launchMechanism";
    if (System.getProperty(key) == null && Runtime.version().feature() <= 21
        && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      System.setProperty(key, "VFORK");
    }
  }
}
