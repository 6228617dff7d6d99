import type { CampaignDoc } from '../../domain/campaign';
import type { CampaignPlan } from '../compile/compile-campaign';
import { quoteIdent } from '../sql/quote';
import type { SqlDialect } from '../sql/dialect';
import type { PlainRow } from '../rows';
import { alertLine, alertNotice } from '../../activities/alert/definition';

/**
 * The event tables of a simulation (docs/simulation.md, docs/data-model.md): message feedback and
 * tracking of every channel, and one step row per activity. The engine answers them to the Data
 * screen and the command line writes them as CSV; both read them through this module.
 */
export const eventTableNames = ['feedback', 'tracking', 'steps'] as const;
export type EventTableName = (typeof eventTableNames)[number];

export const stepColumns = ['activity_id', 'label', 'type', 'records_in', 'records_out', 'start', 'end', 'warnings'] as const;

/** The working tables (unquoted names) of all channels' feedback or tracking rows that were computed. */
export function channelEventTables(plan: CampaignPlan, table: 'feedback' | 'tracking', exists: (table: string) => boolean): string[] {
  const port = `@${table}`;
  return plan.steps.flatMap((s) => s.outputs.filter((o) => o.port === port && exists(o.table)).map((o) => o.table));
}

/**
 * A SELECT of all channels' feedback or tracking rows (`tables`: relations, with their column names),
 * in a stable order, or undefined when there are none (not simulated, or no channel computed).
 * Channels over different dimensions each keep their key column (columns matched by name).
 */
export function channelEventsSql(dialect: SqlDialect, tables: { from: string; columns: string[] }[], table: 'feedback' | 'tracking'): string | undefined {
  if (tables.length === 0) return undefined;
  const union = dialect.unionAllByName(tables);
  const order = table === 'feedback' ? 'activity_id, message_id' : `${quoteIdent('at')}, activity_id, message_id, event`;
  return `SELECT * FROM (${union}) ORDER BY ${order}`;
}

/** One row per computed activity: records in and out, simulated start and end, and its warnings (an Alert reached). */
export function stepRows(doc: CampaignDoc, plan: CampaignPlan, rowCount: (table: string) => number | undefined): PlainRow[] {
  const byId = new Map(doc.activities.map((a) => [a.id, a]));
  return plan.steps
    .filter((s) => !plan.errors[s.activityId] && !plan.skipped[s.activityId])
    .map((s) => {
      const a = byId.get(s.activityId);
      const sum = (tables: string[]) => tables.reduce((n, t) => n + (rowCount(t) ?? 0), 0);
      const out = s.outputs.filter((o) => !o.port.startsWith('@')).map((o) => o.table);
      const recordsIn = sum(s.inputs);
      // An Alert reached with records writes its line in the log (docs/activities.md#alert-alert).
      const alert = a?.type === 'alert' ? alertNotice(a, recordsIn) : null;
      return {
        activity_id: s.activityId,
        label: a?.label ?? '',
        type: a?.type ?? '',
        records_in: recordsIn,
        records_out: sum([...new Set(out)]),
        start: s.start.replace(' ', 'T'),
        end: s.end.replace(' ', 'T'),
        warnings: alert ? alertLine(alert) : '',
      };
    });
}

/** Rows as CSV (RFC 4180), as every export writes them. */
export { rowsToCsv } from '../../domain/csv';
