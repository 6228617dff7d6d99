import type { CampaignDoc } from '../../domain/campaign';
import type { DataModel, EntityDef } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { getActivityDef } from '../../activities/registry';
import type { SqlValue } from '../../activities/compile-types';
import { isAuxOutput } from '../../activities/compile-types';
import { reasonLabels, type ExclusionReason } from '../../activities/channel-delivery/reasons';
import type { SplitConfig } from '../../activities/split/definition';
import type { CombineConfig } from '../../activities/combine/definition';
import type { CampaignPlan, PlannedActivity, SkipReason } from '../compile/compile-campaign';
import type { SqlDialect } from '../sql/dialect';
import type { PlainRow } from '../rows';
import type { ActivityProbe, RuleProbe } from './trace-probes';
import { outPortPlaceholder } from './trace-probes';
import { followRecords, isTracedRecord, linkedMembership, plural, portKey, recordNames, type FollowPlan } from './trace-follow';
import { changeStep, linkedStep } from './trace-linked';
import type { ActivityTrace, RecordTrace, TraceCondition, TraceEvent, TraceRule, TraceStatus } from './trace-types';

/** What the trace needs of the engine, once the plan's working tables exist. */
export interface TraceSource {
  doc: CampaignDoc;
  plan: CampaignPlan;
  entity: EntityDef;
  /** The connection's SQL dialect: every statement of the trace is written in it. */
  dialect: SqlDialect;
  /** Qualified relation of the traced dimension's table. */
  entityTable: string;
  key: SqlValue;
  probes: Map<string, ActivityProbe>;
  errors: Record<string, string>;
  skipped: Record<string, SkipReason>;
  /** Whether a working table was computed (and is there to read). */
  exists: (table: string) => boolean;
  query: (sql: string) => Promise<PlainRow[]>;
  /** The data model and the qualified relation of a dimension's table (records followed across a Change dimension). */
  model?: DataModel;
  tableOf?: (entity: string) => string;
  /**
   * Compiles the campaign again (the same plan) with the probes of the records linked to the traced
   * one, for each activity that follows them: by activity id, then by key text.
   */
  linkedProbes?: (targets: Map<string, { dimension: string; keys: SqlValue[] }>) => Map<string, Map<string, ActivityProbe>>;
}

/**
 * The trace of one record: membership read from the working tables the counts computed (one
 * query for all of them), and the reasons read from the activities' own tables (a Split's
 * assignment, a Deduplication's ranking, a channel's deliveries and events) and from the probes'
 * conditions, compiled by the activities' own rule compiler.
 */
export async function traceRecord(src: TraceSource): Promise<Omit<RecordTrace, 'elapsedMs'>> {
  const { doc, plan, entity, key, dialect: d } = src;
  const k = d.ident(entity.primaryKey);
  const lit = d.literal(key);
  const display = entity.displayFields.filter((f) => f !== entity.primaryKey);
  const recordRows = await src.query(`SELECT ${[k, ...display.map((f) => d.ident(f))].join(', ')} FROM ${src.entityTable} WHERE ${k} = ${lit} LIMIT 1`);
  const record = recordRows[0];
  const label = record ? display.map((f) => record[f]).filter((v) => v !== null && v !== '').join(', ') : '';

  // Membership of every working table over the traced dimension, in one query.
  const tables = new Set<string>();
  for (const step of plan.steps)
    for (const o of step.outputs) if (o.dimension === entity.name && !o.countOnly && src.exists(o.table)) tables.add(o.table);
  const holding = new Set<string>();
  if (tables.size > 0) {
    const probe = [...tables].map((t) => `SELECT ${d.literal(t)} AS t WHERE EXISTS (SELECT 1 FROM ${d.ident(t)} WHERE ${k} = ${lit})`).join('\nUNION ALL\n');
    for (const r of await src.query(probe)) holding.add(String(r.t));
  }
  const held = (table: string) => holding.has(table);

  // Records followed across Change dimensions: into which activities, and where the working tables hold them.
  const follow: FollowPlan = src.model
    ? await followRecords({ doc, plan, model: src.model, entity, key, probes: src.probes, exists: src.exists, query: src.query })
    : { into: new Map(), out: new Map(), changes: new Map() };
  const linkedSteps = new Set([...follow.into].filter(([id, f]) => !follow.changes.has(id) && !isTracedRecord(f, entity, key)).map(([id]) => id));
  const linkedHeld = await linkedMembership(plan, follow, linkedSteps, src.exists, src.query);
  const targets = new Map([...linkedSteps].map((id) => [id, { dimension: follow.into.get(id)!.entity.name, keys: follow.into.get(id)!.keys }]));
  const linkedProbes = targets.size > 0 && src.linkedProbes ? src.linkedProbes(targets) : new Map<string, Map<string, ActivityProbe>>();
  const names = new Map<string, Map<string, string>>();
  for (const id of linkedSteps) {
    const f = follow.into.get(id)!;
    if (!names.has(f.entity.name)) names.set(f.entity.name, new Map());
    const known = names.get(f.entity.name)!;
    const missing = f.keys.filter((k) => !known.has(String(k)));
    if (missing.length > 0 && src.tableOf) for (const [k, n] of await recordNames(f.entity, src.tableOf(f.entity.name), missing, src.query)) known.set(k, n);
  }

  const entityWords = (name: string) => {
    const e = src.model && findEntity(src.model, name);
    return e ? plural(e) : name;
  };

  const byId = new Map(doc.activities.map((a) => [a.id, a]));
  const activities: ActivityTrace[] = [];
  const computed = new Set<string>();
  for (const step of plan.steps) {
    const activity = byId.get(step.activityId);
    if (!activity) continue;
    computed.add(step.activityId);
    const base = { activityId: activity.id, label: activity.label, type: activity.type };
    const problem = src.errors[step.activityId];
    const skip = src.skipped[step.activityId];
    if (problem !== undefined || skip !== undefined) {
      activities.push({ ...base, status: 'not-computed', reason: problem ?? skipReason(skip!), outputs: [] });
      continue;
    }
    const change = follow.changes.get(step.activityId);
    const followed = follow.into.get(step.activityId);
    if (change) activities.push(changeStep(base, change, isTracedRecord(followed, entity, key), entityWords));
    else if (followed && linkedSteps.has(step.activityId)) {
      // Each linked record through the same step as the traced record, with its own probe and membership.
      const one = (k: SqlValue) => {
        const probe = linkedProbes.get(step.activityId)?.get(String(k));
        const source: TraceSource = { ...src, entity: followed.entity, entityTable: src.tableOf?.(followed.entity.name) ?? src.entityTable, key: k, probes: new Map(probe ? [[step.activityId, probe]] : []) };
        return traceStep(source, step, { ...base, lit: src.dialect.literal(k), held: (t) => linkedHeld.has(`${t}\u0000${String(k)}`), found: true, config: activity.config });
      };
      activities.push(await linkedStep(base, followed, names.get(followed.entity.name) ?? new Map(), (port) => outputLabel(activity.type, activity.config, port), one));
    }
    else activities.push(await traceStep(src, step, { ...base, lit, held, found: record !== undefined, config: activity.config }));
  }
  const transitions = doc.transitions.filter((t) => {
    const table = plan.transitions[t.id];
    const source = activities.find((a) => a.activityId === t.source.activityId);
    // A channel that does not send to the record still passes it on to its outbound transition (Targeted).
    // After a Change dimension: on the path when its table holds one of the records followed there.
    const out = follow.out.get(portKey(t.source.activityId, t.source.port));
    const holds = (tbl: string) => (out && !isTracedRecord(out, entity, key) ? out.keys.some((k) => linkedHeld.has(`${tbl}\u0000${String(k)}`)) : held(tbl));
    return table !== undefined && holds(table) && source !== undefined && source.status !== 'not-computed' && source.outputs.includes(t.source.port);
  });
  const through = new Set(transitions.map((t) => t.id));
  for (const a of doc.activities) {
    if (computed.has(a.id)) continue;
    const skip = src.skipped[a.id] ?? plan.skipped[a.id];
    const problem = src.errors[a.id] ?? plan.errors[a.id];
    // An activity with nothing to compute (End): the record reached it when an inbound transition carried it.
    if (problem === undefined && (skip === 'no-output' || skip === 'not-computed')) {
      const reached = doc.transitions.some((t) => t.target.activityId === a.id && through.has(t.id));
      activities.push({ activityId: a.id, label: a.label, type: a.type, status: reached ? 'in' : 'not-reached', reason: reached ? 'Reached.' : 'The record did not reach it.', outputs: [] });
      continue;
    }
    activities.push({ activityId: a.id, label: a.label, type: a.type, status: 'not-computed', reason: problem ?? skipReason(skip), outputs: [] });
  }
  return {
    dimension: entity.name,
    key: String(key),
    found: record !== undefined,
    label,
    simulated: plan.simulated,
    activities,
    transitions: transitions.map((t) => t.id),
  };
}

/** An output's label as the node shows it, from the settings with their defaults ("Rest" for a Split's complement). */
function outputLabel(type: string, config: unknown, port: string): string {
  const def = getActivityDef(type);
  const parsed = def?.schema.safeParse(config);
  return (parsed?.success ? def?.ports(parsed.data as never).out.find((p) => p.id === port)?.label : undefined) ?? port;
}

function skipReason(skip: SkipReason | undefined): string {
  switch (skip) {
    case 'disabled':
      return 'Disabled.';
    case 'upstream':
      return 'Not computed: an activity before it did not run or emitted nothing.';
    case 'no-input':
      return 'Not computed: it has no inbound transition.';
    case 'no-output':
    case 'not-computed':
      return 'It has no records of its own to compute.';
    default:
      return 'Not computed.';
  }
}

interface StepContext {
  activityId: string;
  label: string;
  type: string;
  lit: string;
  found: boolean;
  held: (table: string) => boolean;
  config: unknown;
}

async function traceStep(src: TraceSource, step: PlannedActivity, s: StepContext): Promise<ActivityTrace> {
  const base = { activityId: s.activityId, label: s.label, type: s.type };
  const ports = step.outputs.filter((o) => !isAuxOutput(o.port));
  if (ports.length > 0 && ports.every((o) => o.dimension !== src.entity.name)) {
    return { ...base, status: 'other-dimension', reason: `Works on ${ports[0]!.dimension}, not on ${src.entity.name}.`, outputs: [] };
  }
  const outputs = ports.filter((o) => s.held(o.table)).map((o) => o.port);
  const reached = step.inputs.length === 0 ? s.found : step.inputs.some((t) => s.held(t));
  const probe = src.probes.get(s.activityId);
  const rules = probe ? await evaluateRules(src, probe.rules) : [];
  let status: TraceStatus = outputs.length > 0 ? 'in' : reached ? 'out' : 'not-reached';
  const trace: ActivityTrace = { ...base, status, reason: '', outputs, ...(rules.length ? { rules } : {}) };
  if (status === 'not-reached') {
    trace.reason = step.inputs.length === 0 ? `No ${src.entity.name} record has this key.` : 'The record did not reach it.';
    return trace;
  }
  const portLabel = (port: string) => outputLabel(s.type, s.config, port);
  switch (s.type) {
    case 'build-audience':
    case 'incremental-query': {
      const rule = rules[0];
      const decided = rule?.conditions.find((c) => c.decided && c.value === false);
      trace.reason =
        status === 'in'
          ? 'Selected: the rule holds for this record.'
          : decided
            ? `Left out by "${decided.label}".`
            : rule?.value === true
              ? 'The rule holds, but the record was already taken by an earlier run.'
              : 'Left out: the rule does not hold for this record.';
      break;
    }
    case 'split':
      trace.reason = await splitReason(src, step, s, rules, portLabel);
      break;
    case 'deduplication':
      await dedupReason(src, step, trace, probe);
      break;
    case 'combine':
    case 'and-join': {
      const mode = s.type === 'combine' ? (s.config as CombineConfig).mode : 'join';
      const inputs = inboundSets(src, s.activityId, s.held);
      trace.inputs = inputs;
      const holding = inputs.filter((i) => i.held).map((i) => i.from);
      trace.reason = `${status === 'in' ? 'Kept' : 'Left out'} (${mode}): held by ${holding.length ? holding.join(', ') : 'no inbound set'}${inputs.length > holding.length ? `, not by ${inputs.filter((i) => !i.held).map((i) => i.from).join(', ')}` : ''}.`;
      break;
    }
    default:
      trace.reason = status === 'in' ? `Passed on to ${outputs.map(portLabel).join(', ')}.` : 'Left out.';
  }
  if (getActivityDef(s.type)?.meta.category === 'channel') {
    status = await channelTrace(src, step, trace);
    trace.status = status;
  }
  return trace;
}

async function evaluateRules(src: TraceSource, probes: RuleProbe[]): Promise<TraceRule[]> {
  const rules: TraceRule[] = [];
  for (const p of probes) {
    const row = (await src.query(p.sql))[0];
    const values = p.labels.map((_, i) => (row ? toBool(row[`c${i}`]) : null));
    rules.push({ title: p.title, combinator: p.combinator, conditions: decide(p.combinator, p.labels, values), value: row ? toBool(row.rule) : null });
  }
  return rules;
}

const toBool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 1 || v === 'true');

/**
 * Which condition settled the rule: the first false of an AND, the first true of an OR; in an
 * EXCEPT the first condition when false, else the first later one that holds (it excludes). When
 * none settles it alone (an AND that holds, an OR that fails), every condition did.
 */
export function decide(combinator: TraceRule['combinator'], labels: string[], values: (boolean | null)[]): TraceCondition[] {
  let decider = -1;
  if (combinator === 'and') decider = values.findIndex((v) => v === false);
  else if (combinator === 'or') decider = values.findIndex((v) => v === true);
  else decider = values[0] === false ? 0 : values.findIndex((v, i) => i > 0 && v === true);
  const all = decider < 0 && values.every((v) => v !== null);
  return labels.map((label, i) => ({ label, value: values[i] ?? null, decided: all || i === decider }));
}

async function splitReason(src: TraceSource, step: PlannedActivity, s: StepContext, rules: TraceRule[], portLabel: (p: string) => string): Promise<string> {
  const config = s.config as SplitConfig;
  const shared = step.outputs.find((o) => o.port === '@shared');
  const k = src.dialect.ident(src.entity.primaryKey);
  const taken = shared && src.exists(shared.table) ? (await src.query(`SELECT ${src.dialect.ident('__subset')} AS i FROM ${src.dialect.ident(shared.table)} WHERE ${k} = ${s.lit} ORDER BY 1`)).map((r) => Number(r.i)) : [];
  if (taken.length > 0) return `Matched ${taken.map((i) => `subset "${config.subsets[i]?.label ?? i}"`).join(' and ')}.`;
  // In no subset: the first whose filter held (and that no earlier subset took) cut it by its limit.
  let r = 0;
  for (const subset of config.subsets) {
    const matched = subset.filter ? rules[r++]?.value === true : true;
    if (matched && subset.limit) return `Matched subset "${subset.label}" but its limit (${subset.limit.value}${subset.limit.kind === 'percent' ? ' %' : ' records'}) cut it${config.complement ? `: ${portLabel('complement')}` : ''}.`;
  }
  return `Matched no subset${config.complement ? `: ${portLabel('complement')}` : ''}.`;
}

async function dedupReason(src: TraceSource, step: PlannedActivity, trace: ActivityTrace, probe: ActivityProbe | undefined): Promise<void> {
  if (trace.outputs.includes('out')) {
    trace.reason = 'Kept: no duplicate was preferred to it.';
    return;
  }
  const out = step.outputs.find((o) => o.port === 'out');
  if (!probe?.duplicates || !out || !src.exists(out.table)) {
    trace.reason = probe?.problem ?? 'Removed as a duplicate.';
    return;
  }
  const others = (await src.query(probe.duplicates.sql.split(outPortPlaceholder('out')).join(src.dialect.ident(out.table)))).map((r) => String(r.other));
  trace.duplicateOf = others;
  trace.criterion = probe.duplicates.criterion;
  trace.reason = `Removed: duplicate of ${others.length ? `record ${others.join(', ')}` : 'another record'}, kept for ${probe.duplicates.criterion}.`;
}

function inboundSets(src: TraceSource, activityId: string, held: (t: string) => boolean): NonNullable<ActivityTrace['inputs']> {
  const labels = new Map(src.doc.activities.map((a) => [a.id, a.label]));
  return src.doc.transitions
    .filter((t) => t.target.activityId === activityId)
    .map((t) => ({ transitionId: t.id, from: labels.get(t.source.activityId) ?? t.source.activityId, held: src.plan.transitions[t.id] !== undefined && held(src.plan.transitions[t.id]!) }));
}

/** A channel: its verdict from the deliveries table and, when simulated, its messages' events. */
async function channelTrace(src: TraceSource, step: PlannedActivity, trace: ActivityTrace): Promise<TraceStatus> {
  const table = (port: string) => step.outputs.find((o) => o.port === port && o.dimension === src.entity.name && src.exists(o.table))?.table;
  const d = src.dialect;
  const k = d.ident(src.entity.primaryKey);
  const lit = d.literal(src.key);
  const deliveries = table('@deliveries');
  if (!deliveries) return trace.status;
  const row = (await src.query(`SELECT reason, address, ${d.timeText('send_at')} AS send_at FROM ${d.ident(deliveries)} WHERE ${k} = ${lit} ORDER BY reason NULLS FIRST LIMIT 1`))[0];
  if (!row) return trace.status;
  const reason = row.reason === null ? undefined : String(row.reason);
  trace.eligibility = {
    verdict: reason ? 'excluded' : 'to-send',
    label: reason ? (reasonLabels[reason as ExclusionReason] ?? reason) : 'To send',
    ...(reason ? { reason } : {}),
    address: row.address === null ? null : String(row.address),
    sendAt: row.send_at === null ? null : String(row.send_at).replace(' ', 'T'),
  };
  trace.reason = reason ? `Not sent: ${trace.eligibility.label.toLowerCase()}.` : `To send${trace.eligibility.sendAt ? ` at ${trace.eligibility.sendAt.replace('T', ' ').slice(0, 16)}` : ''}.`;
  const events: TraceEvent[] = [];
  const feedback = table('@feedback');
  if (feedback)
    for (const f of await src.query(`SELECT status, failure_reason, sent_at, status_at FROM ${d.ident(feedback)} WHERE ${k} = ${lit} ORDER BY message_id`)) {
      if (f.sent_at !== null) events.push({ at: String(f.sent_at), event: 'sent' });
      if (f.status !== 'sent') events.push({ at: f.status_at === null ? null : String(f.status_at), event: String(f.status), ...(f.failure_reason !== null ? { detail: String(f.failure_reason) } : {}) });
    }
  const tracking = table('@tracking');
  if (tracking)
    for (const t of await src.query(`SELECT event, url, ${d.ident('at')} FROM ${d.ident(tracking)} WHERE ${k} = ${lit} ORDER BY ${d.ident('at')}, event`))
      events.push({ at: t.at === null ? null : String(t.at), event: String(t.event), ...(t.url !== null ? { detail: String(t.url) } : {}) });
  if (feedback || tracking) trace.timeline = events.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return reason ? 'out' : 'in';
}
