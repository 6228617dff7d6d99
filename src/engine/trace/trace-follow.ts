import type { CampaignDoc } from '../../domain/campaign';
import type { DataModel, EntityDef } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { labelOf } from '../../domain/rule-paths';
import type { SqlValue } from '../../activities/compile-types';
import { isAuxOutput } from '../../activities/compile-types';
import type { CampaignPlan } from '../compile/compile-campaign';
import { quoteIdent, sqlLiteral } from '../sql/quote';
import type { PlainRow } from '../rows';
import { KEYS_PLACEHOLDER, type ActivityProbe } from './trace-probes';
import type { ChangeTrace } from './trace-types';

/**
 * Which records the trace follows into each activity. Before any Change dimension that is the
 * traced record itself; a Change dimension hands on the records its own walk through the links
 * reaches from the followed records it received (a profile's bookings, a person's account), and
 * those are followed in turn, through a chain of changes and back. Only point lookups: the walk
 * reads the received records by key, membership reads the working tables by key.
 */

/** The records followed into (or out of) an activity. */
export interface Followed {
  entity: EntityDef;
  keys: SqlValue[];
  /** Why no record is followed (a Change dimension linked none, or none reached it): what the activities after it say. */
  none?: string;
}

export interface FollowPlan {
  /** Records followed into each activity, by activity id; absent where the trace does not follow any. */
  into: Map<string, Followed>;
  /** Records followed out of each output (`activityId\0port`). */
  out: Map<string, Followed>;
  /** What each Change dimension linked the followed records to. */
  changes: Map<string, ChangeTrace>;
}

/** At most this many records are followed out of a Change dimension (the first by key); the line says how many more. */
export const MAX_FOLLOWED = 20;

export const portKey = (activityId: string, port: string) => `${activityId}\u0000${port}`;

/** A key as read back from the engine: integers that fit stay numbers, as the key fields are typed. */
function keyOf(v: unknown): SqlValue {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  return v as SqlValue;
}

export const keysList = (keys: readonly SqlValue[]) => `(${keys.map((k) => sqlLiteral(k)).join(', ')})`;

/** Whether the followed records are the traced record alone, on its own dimension (no change crossed, or back to it). */
export const isTracedRecord = (f: Followed | undefined, entity: EntityDef, key: SqlValue) =>
  f !== undefined && f.entity.name === entity.name && f.keys.length === 1 && String(f.keys[0]) === String(key);

/**
 * Walks the plan in the order it computes: an activity receives the union of what its inbound
 * transitions carry; a source of the traced dimension starts with the traced record; a Change
 * dimension runs its links probe for the records it received that its input holds.
 */
export async function followRecords(args: {
  doc: CampaignDoc;
  plan: CampaignPlan;
  model: DataModel;
  entity: EntityDef;
  key: SqlValue;
  probes: Map<string, ActivityProbe>;
  exists: (table: string) => boolean;
  query: (sql: string) => Promise<PlainRow[]>;
}): Promise<FollowPlan> {
  const { doc, plan, entity, key } = args;
  const follow: FollowPlan = { into: new Map(), out: new Map(), changes: new Map() };
  for (const step of plan.steps) {
    const inbound = doc.transitions.filter((t) => t.target.activityId === step.activityId && plan.transitions[t.id] !== undefined);
    let received: Followed | undefined;
    if (inbound.length === 0) {
      if (step.outputs.some((o) => !isAuxOutput(o.port) && o.dimension === entity.name)) received = { entity, keys: [key] };
    } else {
      for (const t of inbound) {
        const f = follow.out.get(portKey(t.source.activityId, t.source.port));
        if (!f) continue;
        if (!received) received = { entity: f.entity, keys: [...f.keys], ...(f.none !== undefined ? { none: f.none } : {}) };
        else if (received.entity.name === f.entity.name) for (const k of f.keys) if (!received.keys.some((x) => String(x) === String(k))) received.keys.push(k);
      }
    }
    if (!received) continue;
    follow.into.set(step.activityId, received);
    const links = args.probes.get(step.activityId)?.links;
    if (links) {
      const to = findEntity(args.model, links.to);
      if (!to || links.from !== received.entity.name) continue;
      const linked = await walk(args, links.sql, received.keys, step.inputs.every((t) => args.exists(t)));
      follow.changes.set(step.activityId, {
        from: links.from,
        to: links.to,
        received: linked.received,
        linked: linked.to.length,
        unlinked: linked.unlinked,
        notFollowed: Math.max(0, linked.to.length - MAX_FOLLOWED),
        ...(received.keys.length === 0 && received.none !== undefined ? { none: received.none } : {}),
      });
      const what = isTracedRecord(received, entity, key) ? 'this record' : `the ${received.keys.length} linked ${plural(received.entity)}`;
      const none =
        received.keys.length === 0 && received.none !== undefined
          ? received.none
          : linked.received === 0
            ? `Not reached: ${what === 'this record' ? 'the record did not reach' : `none of ${what} reached`} the Change dimension before it.`
            : `No ${plural(to)} linked to ${what}.`;
      follow.out.set(portKey(step.activityId, 'out'), { entity: to, keys: linked.to.slice(0, MAX_FOLLOWED), ...(linked.to.length === 0 ? { none } : {}) });
      continue;
    }
    for (const o of step.outputs) if (!isAuxOutput(o.port) && o.dimension === received.entity.name) follow.out.set(portKey(step.activityId, o.port), received);
  }
  return follow;
}

/** A dimension's records, as a sentence names them ("bookings"). */
export const plural = (entity: EntityDef) => labelOf(entity).toLowerCase();

/** The display fields of a few records, by key text (one point lookup). */
export async function recordNames(entity: EntityDef, table: string, keys: readonly SqlValue[], query: (sql: string) => Promise<PlainRow[]>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (keys.length === 0) return names;
  const k = quoteIdent(entity.primaryKey);
  const display = entity.displayFields.filter((f) => f !== entity.primaryKey);
  for (const r of await query(`SELECT ${[k, ...display.map(quoteIdent)].join(', ')} FROM ${table} WHERE ${k} IN ${keysList(keys)}`))
    names.set(String(r[entity.primaryKey]), display.map((f) => r[f]).filter((v) => v !== null && v !== undefined && v !== '').join(', '));
  return names;
}

/** The Change dimension's links for the received keys: how many its input held, which records they lead to, how many lead nowhere. */
async function walk(args: { query: (sql: string) => Promise<PlainRow[]> }, sql: string, keys: SqlValue[], computed: boolean): Promise<{ received: number; to: SqlValue[]; unlinked: number }> {
  if (keys.length === 0 || !computed) return { received: 0, to: [], unlinked: 0 };
  const rows = await args.query(sql.split(KEYS_PLACEHOLDER).join(keysList(keys)));
  const from = new Set<string>();
  const linkedFrom = new Set<string>();
  const to = new Map<string, SqlValue>();
  for (const r of rows) {
    if (Number(r.__linked) === 0) from.add(String(r.__from));
    else {
      linkedFrom.add(String(r.__from));
      to.set(String(r.__to), keyOf(r.__to));
    }
  }
  const unlinked = new Set([...from].filter((k) => !linkedFrom.has(k)));
  const sorted = [...to.values()].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  return { received: from.size, to: sorted, unlinked: unlinked.size };
}

/**
 * Membership of the followed records in the working tables around each activity that follows
 * records linked to the traced one: one query, each table read for those keys alone. Answers
 * `table\0key` for every record a table holds.
 */
export async function linkedMembership(
  plan: CampaignPlan,
  follow: FollowPlan,
  linkedSteps: Set<string>,
  exists: (table: string) => boolean,
  query: (sql: string) => Promise<PlainRow[]>,
): Promise<Set<string>> {
  const asked = new Map<string, { entity: EntityDef; keys: Map<string, SqlValue> }>();
  const ask = (table: string, f: Followed) => {
    if (!exists(table) || f.keys.length === 0) return;
    const entry = asked.get(table) ?? { entity: f.entity, keys: new Map<string, SqlValue>() };
    if (entry.entity.name !== f.entity.name) return;
    for (const k of f.keys) entry.keys.set(String(k), k);
    asked.set(table, entry);
  };
  for (const step of plan.steps) {
    const f = follow.into.get(step.activityId);
    if (f && linkedSteps.has(step.activityId)) for (const t of step.inputs) ask(t, f);
    for (const o of step.outputs) {
      const out = follow.out.get(portKey(step.activityId, o.port));
      if (out && !o.countOnly && !isAuxOutput(o.port) && o.dimension === out.entity.name && (linkedSteps.has(step.activityId) || follow.changes.has(step.activityId))) ask(o.table, out);
    }
  }
  const held = new Set<string>();
  if (asked.size === 0) return held;
  const sql = [...asked].map(([table, { entity, keys }]) => {
    const k = quoteIdent(entity.primaryKey);
    return `SELECT DISTINCT ${sqlLiteral(table)} AS "__t", CAST(${k} AS VARCHAR) AS "__k" FROM ${quoteIdent(table)} WHERE ${k} IN ${keysList([...keys.values()])}`;
  });
  for (const r of await query(sql.join('\nUNION ALL\n'))) held.add(`${String(r.__t)}\u0000${String(r.__k)}`);
  return held;
}
