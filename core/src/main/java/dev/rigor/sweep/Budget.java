package dev.rigor.sweep;

import dev.rigor.spec.BudgetSpec;
import dev.rigor.store.Ledger;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The spend policy of DESIGN.md §6, on its own so it can be tested without processes. Before a
 * run starts the sweep {@link #reserve reserves} what it may spend — {@code per_run_limit}, or
 * without one the largest spend of a finished run (and, until a run has finished, everything that
 * is left, so runs go one at a time) — against the limit, counting each run in flight at the larger
 * of its reservation and its streamed spend. A run is stopped at its first report past
 * {@code per_run_limit}, or that takes the total past the limit; so the total can pass the limit
 * only by what the stopped runs reported in their last report (the bound docs/BUDGET.md states and
 * BudgetPropertyTest checks). Thread-safe: reports arrive on executor threads.
 */
public final class Budget {

  private final BudgetSpec spec;
  private final Set<Reservation> inFlight = new LinkedHashSet<>();
  private double spent;
  private double largestFinished;
  private int finished;

  /** A budget that starts from what the experiment already spent ({@link Ledger.Spend#NONE} for a new one). */
  public Budget(BudgetSpec spec, Ledger.Spend before) {
    this.spec = spec;
    this.spent = before.total();
    this.largestFinished = before.largestFinished();
    this.finished = before.finished();
  }

  public BudgetSpec spec() {
    return spec;
  }

  /** What finished runs spent. */
  public synchronized double spent() {
    return spent;
  }

  /** What finished runs spent plus what runs in flight have reported so far. */
  public synchronized double spentLive() {
    double total = spent;
    for (Reservation r : inFlight) {
      total += r.current;
    }
    return total;
  }

  /** Spent plus, for each run in flight, the larger of its reservation and its spend so far. */
  public synchronized double committed() {
    double total = spent;
    for (Reservation r : inFlight) {
      total += Math.max(r.reserved, r.current);
    }
    return total;
  }

  public synchronized int inFlight() {
    return inFlight.size();
  }

  /**
   * What the next run would reserve: {@code per_run_limit}, else the largest spend of a finished run;
   * {@code NaN} while no run has finished and there is no per-run limit (then the next run reserves
   * whatever is left, and only when nothing else is in flight).
   */
  public synchronized double nextReservation() {
    if (spec.perRunLimit() != null) {
      return spec.perRunLimit();
    }
    return finished > 0 ? largestFinished : Double.NaN;
  }

  /**
   * Reserves for one more run, or returns {@code null} when that does not fit now: the caller waits
   * for a run in flight to finish, or — with none in flight — stops launching ({@link #exhausted}).
   */
  public synchronized Reservation reserve() {
    double committed = committed();
    double amount = nextReservation();
    if (Double.isNaN(amount)) {
      if (!inFlight.isEmpty()) {
        return null; // one at a time until a run has finished: its spend is the estimate
      }
      amount = spec.limit() - committed;
    }
    if (!(committed < spec.limit()) || over(committed + amount)) {
      return null;
    }
    Reservation r = new Reservation(amount);
    inFlight.add(r);
    return r;
  }

  /** True when nothing is in flight and still no run fits: the sweep stops launching. */
  public synchronized boolean exhausted() {
    if (!inFlight.isEmpty()) {
      return false;
    }
    double amount = nextReservation();
    double committed = committed();
    return !(committed < spec.limit()) || (!Double.isNaN(amount) && over(committed + amount));
  }

  /** Past the limit by more than rounding (a reservation of "what is left" sums back to the limit). */
  private boolean over(double total) {
    return total > spec.limit() + 1e-9 * Math.max(1, spec.limit());
  }

  /** One run's claim on the budget, from its launch to its end. */
  public final class Reservation {

    private final double reserved;
    private double current;
    private String stopReason;
    private boolean released;

    private Reservation(double reserved) {
      this.reserved = reserved;
    }

    public double reserved() {
      return reserved;
    }

    /**
     * The run reports its cumulative spend; returns true exactly once, when it must be stopped
     * (past {@code per_run_limit}, or the total past the limit).
     */
    public boolean report(double cumulative) {
      synchronized (Budget.this) {
        if (released || !Double.isFinite(cumulative)) {
          return false;
        }
        current = Math.max(0, cumulative);
        if (stopReason != null) {
          return false;
        }
        if (spec.perRunLimit() != null && current > spec.perRunLimit()) {
          stopReason = "spent " + amount(current) + " " + spec.metric() + ", past the per-run limit of " + amount(spec.perRunLimit());
        } else if (over(committed())) {
          stopReason = "spent " + amount(current) + " " + spec.metric() + ", which would take the experiment past its limit of "
              + amount(spec.limit());
        }
        return stopReason != null;
      }
    }

    /** Why the run was stopped, or {@code null}. */
    public String stopReason() {
      synchronized (Budget.this) {
        return stopReason;
      }
    }

    /** The spend reported so far. */
    public double current() {
      synchronized (Budget.this) {
        return current;
      }
    }

    /** The run ended having spent {@code total} (its record's spend): counted, and the reservation released. Once. */
    public void finish(double total) {
      synchronized (Budget.this) {
        if (released) {
          return;
        }
        released = true;
        inFlight.remove(this);
        double counted = Double.isFinite(total) && total > 0 ? total : 0;
        spent += counted;
        largestFinished = Math.max(largestFinished, counted);
        finished++;
      }
    }
  }

  /** An amount as the messages show it: up to 4 decimals, no trailing zeros. */
  public static String amount(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
