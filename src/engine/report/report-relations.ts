import type { Activity, CampaignDoc } from '../../domain/campaign';
import type { DataModel } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { downstreamOf, indexGraph, topologicalOrder, upstreamOf } from '../../domain/graph';
import { portsOf } from '../../domain/ports';
import type { CampaignPlan } from '../compile/compile-campaign';
import { quoteIdent, sqlLiteral } from '../sql/quote';
import { duckdbDialect, type SqlDialect } from '../sql/dialect';

/**
 * What a report reads of a simulated campaign, as three relations over the plan's working tables:
 *
 * - **messages**: every channel's `@feedback` rows in one shape, with `record_key` (the recipient's
 *   key as text, whatever the dimension), `domain` (the email address's domain, lower-cased) and
 *   `branch` (below);
 * - **events**: every channel's `@tracking` rows with the `record_key`, `domain` and `branch` of
 *   their message;
 * - **memberships** `(split_id, branch, activity_id, record_key)`: for each Split and each of its
 *   outputs, the records of that output's working table, once for each channel activity downstream
 *   of that output on the same dimension. A message came through a branch when its channel is
 *   downstream of the branch and its record is in the branch's working table.
 *
 * A message's `branch` (the `branch` breakdown and its rows) is the one of the Split nearest
 * upstream of its channel (the last in the campaign's order), `<split id>/<output id>`.
 */

export interface ReportChannel {
  activity: Activity;
  feedback: string;
  tracking?: string;
  key: string;
  dimension: string;
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
  /** SQL of the three relations, each reading the one before by the name given (undefined when no channel was simulated). */
  membershipsSql: string;
  messagesSql?: (memberships: string) => string;
  eventsSql?: (messages: string) => string;
}

const CHANNEL_TYPES = new Set(['email', 'sms', 'push', 'direct-mail']);

/** The channels, splits and relations of a simulated campaign's plan; `exists` says which tables were computed. */
export function reportStructure(doc: CampaignDoc, plan: CampaignPlan, model: DataModel, exists: (table: string) => boolean, dialect: SqlDialect = duckdbDialect): ReportStructure {
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
    channels.push({ activity, feedback: feedback.table, ...(tracking ? { tracking: tracking.table } : {}), key: entity.primaryKey, dimension: feedback.dimension });
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
  const keyOf = new Map(channels.map((c) => [c.activity.id, c.key]));
  const memberships: string[] = [];
  for (const s of splits)
    for (const b of s.branches) {
      if (!b.table) continue;
      for (const c of b.channels)
        memberships.push(
          `SELECT ${sqlLiteral(s.activity.id)} AS split_id, ${sqlLiteral(`${s.activity.id}/${b.port}`)} AS branch, ${sqlLiteral(c)} AS activity_id, ` +
            `CAST(${quoteIdent(keyOf.get(c)!)} AS VARCHAR) AS record_key, ${nearest.get(c) === s.activity.id} AS nearest FROM ${quoteIdent(b.table)}`,
        );
    }
  const membershipsSql =
    memberships.length > 0
      ? memberships.join('\nUNION ALL\n')
      : 'SELECT CAST(NULL AS VARCHAR) AS split_id, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS VARCHAR) AS activity_id, CAST(NULL AS VARCHAR) AS record_key, FALSE AS nearest WHERE FALSE';
  if (channels.length === 0) return { channels, splits, membershipsSql };
  const feedbackRows = channels
    .map(
      (c) =>
        `SELECT message_id, activity_id, channel, CAST(${quoteIdent(c.key)} AS VARCHAR) AS record_key, address, status, failure_type, failure_reason, retries, sent_at, status_at FROM ${quoteIdent(c.feedback)}`,
    )
    .join('\nUNION ALL\n');
  return {
    channels,
    splits,
    membershipsSql,
    // `nearest` memberships hold one row per record and channel unless subsets overlap: min() keeps one.
    messagesSql: (memberships) => `SELECT f.*, CASE WHEN f.channel = 'email' AND f.address LIKE '%@%' THEN lower(trim(${dialect.lastPart('f.address', '@')})) END AS domain, b.branch
FROM (${feedbackRows}) f
LEFT JOIN (SELECT activity_id, record_key, min(branch) AS branch FROM ${memberships} WHERE nearest GROUP BY activity_id, record_key) b USING (activity_id, record_key)`,
    eventsSql: (messages) =>
      channels.some((c) => c.tracking)
      ? `SELECT t.*, m.record_key, m.domain, m.branch FROM (${channels
          .filter((c) => c.tracking)
          .map((c) => `SELECT message_id, activity_id, channel, event, url, "at" FROM ${quoteIdent(c.tracking!)}`)
          .join('\nUNION ALL\n')}) t JOIN ${messages} m USING (message_id, activity_id, channel)`
      : `SELECT CAST(NULL AS VARCHAR) AS message_id, CAST(NULL AS VARCHAR) AS activity_id, CAST(NULL AS VARCHAR) AS channel, CAST(NULL AS VARCHAR) AS event, CAST(NULL AS VARCHAR) AS url, CAST(NULL AS TIMESTAMP) AS "at", CAST(NULL AS VARCHAR) AS record_key, CAST(NULL AS VARCHAR) AS domain, CAST(NULL AS VARCHAR) AS branch WHERE FALSE`,
  };
}
