import type { CampaignPlan } from '../compile/compile-campaign';
import { hash64 } from '../compile/hash';
import { sqlLiteral } from '../sql/quote';
import type { KeptRun } from './simulated-run';

/**
 * The plan the report engine reads for one run or several: `base` (the campaign compiled with the
 * simulation) whose channels' `@feedback` and `@tracking` tables are replaced by tables holding the
 * runs' kept rows. Across several runs a message id is prefixed by its run id: the same person's
 * messages of two runs are two messages. `tables` maps each table to create to its SELECT.
 */
export function runReportPlan(base: CampaignPlan, runs: readonly KeptRun[]): { plan: CampaignPlan; tables: Map<string, string> } {
  const tables = new Map<string, string>();
  const key = hash64(runs.map((r) => r.runId).join('\u0000'));
  const steps = base.steps.map((step) => ({
    ...step,
    outputs: step.outputs.map((o) => {
      if (o.port !== '@feedback' && o.port !== '@tracking') return o;
      const parts = runs.flatMap((r) =>
        r.channels
          .filter((c) => c.sourceActivityId === step.activityId)
          .map((c) => ({ runId: r.runId, table: o.port === '@feedback' ? c.feedback : c.tracking }))
          .filter((p): p is { runId: string; table: string } => p.table !== undefined),
      );
      if (parts.length === 0) return o;
      const name = `rx_${key}_${hash64(`${step.activityId}\u0000${o.port}`)}`;
      const sql =
        runs.length === 1
          ? `SELECT * FROM ${parts[0]!.table}`
          : parts.map((p) => `SELECT * REPLACE (${sqlLiteral(`${p.runId}/`)} || message_id AS message_id) FROM ${p.table}`).join('\nUNION ALL\n');
      tables.set(name, sql);
      return { ...o, table: name };
    }),
  }));
  return { plan: { ...base, steps, launch: runs[0]?.launch ?? base.launch }, tables };
}
