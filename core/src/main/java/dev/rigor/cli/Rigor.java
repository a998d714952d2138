package dev.rigor.cli;

import dev.rigor.spec.SpecException;
import dev.rigor.sweep.RefusedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The command line, testable in-process: {@code new Rigor(out, err).run(args)} returns the exit
 * code. Only {@link Main} exits the JVM; only this package prints.
 *
 * <p>Exit codes: 0 all trials ok · 1 some trials failed (or an I/O failure) · 2 usage or spec error,
 * or a refusal that wrote nothing · 3 halted early (fail-fast) · 130 interrupted.
 */
public final class Rigor {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final Context context;

  public Rigor(PrintStream out, PrintStream err) {
    this(out, err, Path.of("").toAbsolutePath());
  }

  /** {@code cwd}: where relative paths (specs, out_root, commands) resolve — the shell's directory for the real CLI. */
  public Rigor(PrintStream out, PrintStream err, Path cwd) {
    this.context = new Context(out, err, cwd.toAbsolutePath().normalize(), new Interrupts());
  }

  /** Runs {@code args}; returns the exit code. */
  public int run(String... args) {
    return commandLine(args.length == 0 ? null : args[0]).execute(args);
  }

  /** As {@link #run}, with SIGINT/SIGTERM turned into an orderly stop of the running sweep. */
  int runWithSignals(String... args) {
    context.interrupts().installSignalHandlers(context.err());
    return run(args);
  }

  /**
   * The command line for {@code first}, the first argument. picocli builds a command's model by
   * reflecting over its options; doing it for all nine commands cost 160 ms of CPU at every start,
   * so only the named subcommand is built, and all of them only when the first argument names
   * none (help, a typo to suggest against).
   */
  private CommandLine commandLine(String first) {
    CommandLine cli = new CommandLine(new RigorCommand(context), new Factory(context));
    Class<?> named = RigorCommand.SUBCOMMANDS.stream()
        .filter(c -> c.getAnnotation(CommandLine.Command.class).name().equals(first))
        .findFirst().orElse(null);
    for (Class<?> sub : RigorCommand.SUBCOMMANDS) {
      if (named == null || sub == named) {
        cli.addSubcommand(sub);
      }
    }
    cli.setOut(new PrintWriter(context.out(), true));
    cli.setErr(new PrintWriter(context.err(), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpWidth(100);
    cli.setParameterExceptionHandler(this::usageError);
    cli.setExecutionExceptionHandler(this::failure);
    return cli;
  }

  private int usageError(CommandLine.ParameterException e, String[] args) {
    PrintStream err = context.err();
    err.println("rigor: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(err, true));
    err.println("Try 'rigor " + subcommandName(e.getCommandLine()) + "--help' for usage and examples.");
    return USAGE;
  }

  private static String subcommandName(CommandLine cli) {
    String name = cli.getCommandName();
    return cli.getParent() == null ? "" : name + " ";
  }

  private int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintStream err = context.err();
    if (e instanceof SpecException spec) {
      SpecErrors.print(spec, err, context.cwd());
      return USAGE;
    }
    if (e instanceof RefusedException refused) {
      err.println("rigor: " + refused.getMessage());
      refused.details().forEach(d -> err.println("  " + d));
      if (refused.fix() != null && !refused.fix().isEmpty()) {
        err.println("  → " + refused.fix());
      }
      return USAGE;
    }
    if (e instanceof UsageException usage) {
      err.println("rigor: " + usage.getMessage());
      return USAGE;
    }
    err.println("rigor: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    if (System.getenv("RIGOR_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set RIGOR_DEBUG=1 for the stack trace)");
    }
    return FAILED;
  }

  /** Creates commands with the shared context. */
  private static final class Factory implements CommandLine.IFactory {
    private final Context context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(Context context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Context.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return fallback.create(cls);
      }
    }
  }
}
