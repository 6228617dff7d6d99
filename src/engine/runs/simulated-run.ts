import type { CampaignDoc } from '../../domain/campaign';
import type { EarlierChannelRef } from '../../activities/compile-types';
import { countMetrics } from '../../domain/metrics';
import { hash64 } from '../compile/hash';
import type { PlainRow } from '../rows';

/**
 * Runs over a simulated schedule (docs/lifecycle.md#runs): the campaign computed and simulated at
 * one launch, with a run id, by the same compiler, SQL and simulator as the live simulation. What a
 * run leaves for the next ones (its channels' deliveries, feedback and tracking) is copied into
 * tables of its own, named by the run id, so that the draft's counts never drop or read them.
 */

/** One line of a run's execution log: an activity's step event, with its warnings and errors. */
export interface RunLogLine {
  activityId: string;
  label: string;
  type: string;
  /** Simulated start and end, `YYYY-MM-DDTHH:MM:SS`. */
  start: string;
  end: string;
  recordsIn: number;
  recordsOut: number;
  /** Simulated duration in minutes (end − start). */
  durationMinutes: number;
  warnings: string[];
  errors: string[];
}

/** An End reached in a run that signals another campaign. */
export interface RunSignal {
  activityId: string;
  campaignId: string;
  /** When records reached the End, `YYYY-MM-DDTHH:MM` (simulated). */
  at: string;
  records: number;
}

/** What a run computed: its launch, figures (metric registry ids) and execution log. */
export interface SimulatedRunResult {
  runId: string;
  campaignId: string;
  /** Simulated launch, `YYYY-MM-DDTHH:MM`. */
  launch: string;
  /** Count metrics summed over the run's channels, by registry id (`targeted`, `sent`, `delivered`...). */
  totals: Record<string, number>;
  /** Per channel activity: its figures, by registry id. */
  figures: Record<string, Record<string, number>>;
  /** One line per activity computed, in the campaign's order. */
  log: RunLogLine[];
  /**
   * End activities that signal another campaign and that records reached: that campaign runs at the
   * End's simulated time (`YYYY-MM-DDTHH:MM`) in the simulated schedule.
   */
  signals: RunSignal[];
  /** Audiences the run wrote (Save audience), by name: the records saved. */
  audiences: Record<string, number>;
  /** Wall-clock time the engine took, in milliseconds. */
  elapsedMs: number;
}

/** The tables a run keeps for the runs after it and for its report and event tables. */
export interface KeptRun {
  runId: string;
  campaignId: string;
  /** `YYYY-MM-DD HH:MM:SS`. */
  launch: string;
  /** Its channels, as earlier channels of the next runs (activity id `<run id>/<activity id>`). */
  channels: (EarlierChannelRef & { sourceActivityId: string })[];
  /** Every kept table's name (unquoted). */
  tables: string[];
  result: SimulatedRunResult;
}

/** Registry ids a run's totals add up (count metrics; rates are computed from them where shown). */
export const RUN_TOTAL_IDS: readonly string[] = countMetrics.map((m) => m.id);

/** Name of a kept table of a run: `rn_<hash of run id>_<hash of what>`. */
export function runTableName(runId: string, what: string): string {
  return `rn_${hash64(runId)}_${hash64(what)}`;
}

/** The draws' seed of a run: the campaign's seed and the launch, so that each launch draws anew. */
export function runDrawSeed(seed: number, launch: string): number {
  return parseInt(hash64(`${seed}|${launch}`).slice(0, 8), 16);
}

/** The document run at `launch` (`YYYY-MM-DD HH:MM[:SS]`): its simulation launch set to it. */
export function docAtLaunch(doc: CampaignDoc, launch: string): CampaignDoc {
  const simulation = typeof doc.settings.simulation === 'object' && doc.settings.simulation !== null ? doc.settings.simulation : {};
  return { ...doc, settings: { ...doc.settings, simulation: { ...simulation, launch: launch.slice(0, 16).replace(' ', 'T') } } };
}

const stampMs = (s: string) => Date.parse(`${s.replace(' ', 'T')}Z`);

/**
 * The execution log of a run from its step events (docs/simulation.md#step-events): one line per
 * activity, with the errors the engine met and the warnings its figures tell (messages excluded).
 */
export function runLog(steps: readonly PlainRow[], errors: Record<string, string>, figures: Record<string, Record<string, number>>, failed: { activityId: string; label: string; type: string }[]): RunLogLine[] {
  const lines: RunLogLine[] = steps.map((s) => {
    const activityId = String(s.activity_id);
    const start = String(s.start);
    const end = String(s.end);
    const f = figures[activityId] ?? {};
    const warnings: string[] = [];
    const excluded = Object.entries(f)
      .filter(([k, v]) => k.startsWith('excluded:') && v > 0)
      .map(([k, v]) => `${k.slice('excluded:'.length)} ${v}`);
    if (excluded.length > 0) warnings.push(`${f.excluded ?? 0} messages not sent (${excluded.join(', ')})`);
    if (Number(s.records_in) > 0 && Number(s.records_out) === 0 && !['email', 'sms', 'push', 'direct-mail', 'end'].includes(String(s.type))) warnings.push('No records left this activity');
    return {
      activityId,
      label: String(s.label),
      type: String(s.type),
      start,
      end,
      recordsIn: Number(s.records_in),
      recordsOut: Number(s.records_out),
      durationMinutes: Math.round((stampMs(end) - stampMs(start)) / 60_000),
      warnings,
      errors: errors[activityId] ? [errors[activityId]] : [],
    };
  });
  for (const a of failed) {
    if (lines.some((l) => l.activityId === a.activityId) || !errors[a.activityId]) continue;
    lines.push({ activityId: a.activityId, label: a.label, type: a.type, start: '', end: '', recordsIn: 0, recordsOut: 0, durationMinutes: 0, warnings: [], errors: [errors[a.activityId]!] });
  }
  return lines;
}

/** Adds the run's channel figures up by registry id. */
export function runTotals(figures: Record<string, Record<string, number>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const f of Object.values(figures))
    for (const id of RUN_TOTAL_IDS) if (f[id] !== undefined) totals[id] = (totals[id] ?? 0) + f[id];
  return totals;
}

/**
 * The Ends of a run that signal another campaign and that records reached, with when: the latest
 * time their records left the activities before them. `rows(transitionId)` is a transition's count.
 */
export function runSignals(doc: CampaignDoc, leaves: (activityId: string) => string | undefined, rows: (transitionId: string) => number | undefined): RunSignal[] {
  const signals: RunSignal[] = [];
  for (const a of doc.activities) {
    const target = typeof a.config.signalCampaignId === 'string' ? a.config.signalCampaignId : '';
    if (a.type !== 'end' || a.disabled || target === '' || target === doc.id) continue;
    let records = 0;
    let at = '';
    for (const t of doc.transitions) {
      if (t.target.activityId !== a.id) continue;
      const n = rows(t.id) ?? 0;
      const left = leaves(t.source.activityId);
      if (n === 0 || left === undefined) continue;
      records += n;
      if (left > at) at = left;
    }
    if (records > 0) signals.push({ activityId: a.id, campaignId: target, at: at.slice(0, 16).replace(' ', 'T'), records });
  }
  return signals;
}
