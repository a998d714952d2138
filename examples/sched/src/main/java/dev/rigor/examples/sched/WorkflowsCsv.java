package dev.rigor.examples.sched;

/** {@code workflows.csv}: one row per workflow, in arrival order. */
final class WorkflowsCsv {
  static final String HEADER = "workflow_id,arrival_ms,finish_ms,makespan_ms,cost,n_requests,"
      + "n_attempts,hedges,escalations,cancelled,heavy_tail_attempts,ideal_ms";

  private WorkflowsCsv() {}

  static String render(SimResult result) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (WorkflowResult w : result.workflows()) {
      out.append(w.id()).append(',')
          .append(DecimalText.fixed(w.arrivalMs(), 3)).append(',')
          .append(DecimalText.fixed(w.finishMs(), 3)).append(',')
          .append(DecimalText.fixed(w.makespanMs(), 3)).append(',')
          .append(DecimalText.fixed(w.cost(), 6)).append(',')
          .append(w.requests()).append(',')
          .append(w.attempts()).append(',')
          .append(w.hedges()).append(',')
          .append(w.escalations()).append(',')
          .append(w.cancelled()).append(',')
          .append(w.heavyTailAttempts()).append(',')
          .append(DecimalText.fixed(w.idealMs(), 3)).append('\n');
    }
    return out.toString();
  }
}
