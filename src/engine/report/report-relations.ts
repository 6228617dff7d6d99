import type { Activity, CampaignDoc } from '../../domain/campaign';
import type { DataModel } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { downstreamOf, indexGraph, topologicalOrder, upstreamOf } from '../../domain/graph';
import { portsOf } from '../../domain/ports';
import type { CampaignPlan } from '../compile/compile-campaign';

/**
 * What a report reads of a simulated campaign: its channel activities with their `@feedback` and
 * `@tracking` tables, and its Splits with the working table of each output. A message came through
 * a Split branch when its channel is downstream of the branch (on the same dimension) and its
 * record is in the branch's working table: each channel lists those branches (`memberships`).
 * A message's `branch` (the `branch` breakdown and its rows) is the one of the Split nearest
 * upstream of its channel (the last in the campaign's order), `<split id>/<output id>`; when the
 * record is in several of its outputs (overlapping subsets), the first by id.
 *
 * The report reads these tables directly, each channel on its own native key (report-sources.ts):
 * no relation is copied or joined on text keys first.
 */

/** A Split branch a channel's records can come through. */
export interface ReportMembership {
  split: string;
  /** `<split id>/<output id>`. */
  branch: string;
  /** The branch's working table, on the channel's dimension. */
  table: string;
  /**
   * Every record of the channel is in the branch's table, as the campaign's graph says: each path
   * into the channel comes from this output, directly or through Splits and Forks only (their
   * outputs are subsets of their input). Then no record needs testing.
   */
  certain: boolean;
}

export interface ReportChannel {
  activity: Activity;
  feedback: string;
  tracking?: string;
  key: string;
  /** One message per record (not one per linked record): the record's key identifies its message. */
  perRecord: boolean;
  dimension: string;
  /** The Split branches its messages can come through, by branch id. */
  memberships: ReportMembership[];
  /** The Split nearest upstream (its messages' `branch`), when it reaches the channel. */
  nearest?: string;
}

export interface ReportSplitBranch {
  port: string;
  label: string;
  /** Working table of the output, when it has one that exists, and its key column. */
  table?: string;
  key?: string;
  /** Channel activities downstream of it. */
  channels: string[];
}

export interface ReportSplit {
  activity: Activity;
  /** Simulated time its records leave it (`YYYY-MM-DD HH:MM:SS`). */
  end: string;
  branches: ReportSplitBranch[];
}

export interface ReportStructure {
  channels: ReportChannel[];
  splits: ReportSplit[];
}

const CHANNEL_TYPES = new Set(['email', 'sms', 'push', 'direct-mail']);

/** The channels, splits and relations of a simulated campaign's plan; `exists` says which tables were computed. */
export function reportStructure(doc: CampaignDoc, plan: CampaignPlan, model: DataModel, exists: (table: string) => boolean): ReportStructure {
  const byId = new Map(doc.activities.map((a) => [a.id, a]));
  const channels: ReportChannel[] = [];
  for (const step of plan.steps) {
    const activity = byId.get(step.activityId);
    if (!activity || !CHANNEL_TYPES.has(activity.type) || plan.errors[step.activityId] || plan.skipped[step.activityId]) continue;
    const feedback = step.outputs.find((o) => o.port === '@feedback' && exists(o.table));
    if (!feedback) continue;
    const tracking = step.outputs.find((o) => o.port === '@tracking' && exists(o.table));
    const entity = findEntity(model, feedback.dimension);
    if (!entity) continue;
    channels.push({ activity, feedback: feedback.table, ...(tracking ? { tracking: tracking.table } : {}), key: entity.primaryKey, perRecord: !activity.config.sendPer, dimension: feedback.dimension, memberships: [] });
  }
  // In the campaign's order, as the activities are listed (the report's rows and funnels follow it).
  const position = new Map(doc.activities.map((a, i) => [a.id, i]));
  channels.sort((a, b) => position.get(a.activity.id)! - position.get(b.activity.id)!);
  const g = indexGraph(doc);
  const channelIds = new Set(channels.map((c) => c.activity.id));
  const dimensionOf = new Map(channels.map((c) => [c.activity.id, c.dimension]));
  const splits: ReportSplit[] = [];
  for (const activity of doc.activities) {
    if (activity.type !== 'split' || plan.errors[activity.id] || plan.skipped[activity.id]) continue;
    const step = plan.steps.find((s) => s.activityId === activity.id);
    if (!step) continue;
    const branches = portsOf(activity).out.map((port): ReportSplitBranch => {
      const out = step.outputs.find((o) => o.port === port.id && exists(o.table));
      const reached = new Set<string>();
      for (const t of g.outgoing.get(activity.id) ?? []) {
        if (t.source.port !== port.id) continue;
        reached.add(t.target.activityId);
        downstreamOf(g, t.target.activityId).forEach((id) => reached.add(id));
      }
      const downstream = [...reached].filter((id) => channelIds.has(id) && (!out || dimensionOf.get(id) === out.dimension));
      const key = out ? findEntity(model, out.dimension)?.primaryKey : undefined;
      return { port: port.id, label: port.label, ...(out && key ? { table: out.table, key } : {}), channels: downstream };
    });
    if (branches.length >= 2) splits.push({ activity, end: step.end, branches });
  }
  const order = new Map(topologicalOrder(doc).order.map((a, i) => [a.id, i]));
  const nearest = new Map<string, string>();
  for (const c of channels) {
    const up = upstreamOf(g, c.activity.id);
    const candidates = splits.filter((s) => up.has(s.activity.id) && s.branches.some((b) => b.channels.includes(c.activity.id)));
    candidates.sort((a, b) => (order.get(b.activity.id) ?? 0) - (order.get(a.activity.id) ?? 0));
    if (candidates[0]) nearest.set(c.activity.id, candidates[0].activity.id);
  }
  for (const c of channels) {
    for (const s of splits)
      for (const b of s.branches)
        if (b.table && b.channels.includes(c.activity.id))
          c.memberships.push({ split: s.activity.id, branch: `${s.activity.id}/${b.port}`, table: b.table, certain: onlyThrough(g, c.activity.id, s.activity.id, b.port) });
    c.memberships.sort((a, b) => (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0));
    const n = nearest.get(c.activity.id);
    if (n) c.nearest = n;
  }
  return { channels, splits };
}

/** Activities each of whose outputs holds only records of their input, on its dimension. */
const SUBSETS_OF_INPUT = new Set(['split', 'fork']);

/**
 * Whether every record reaching `activityId` left Split `split` by its output `port`: each
 * transition into it comes from that output, or from a Split or a Fork whose records all did (their
 * outputs are subsets of their input, on the same dimension). Any other activity on the way (a
 * Combine, an Enrichment…) makes it unknown: the report then tests each record.
 */
function onlyThrough(g: ReturnType<typeof indexGraph>, activityId: string, split: string, port: string, seen = new Set<string>()): boolean {
  if (seen.has(activityId)) return false;
  seen.add(activityId);
  const into = g.incoming.get(activityId) ?? [];
  return (
    into.length > 0 &&
    into.every((t) => {
      const from = t.source.activityId;
      if (from === split) return t.source.port === port;
      return SUBSETS_OF_INPUT.has(g.activities.get(from)?.type ?? '') && onlyThrough(g, from, split, port, seen);
    })
  );
}
