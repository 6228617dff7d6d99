import type { Activity } from '../../domain/campaign';
import type { Condition, ConditionGroup } from '../../domain/rule';
import { operatorLabel } from '../../domain/rule-operators';
import { findEntity } from '../../domain/data-model';
import type { CompileContext, PointRecord, SqlValue } from '../../activities/compile-types';
import { dimensionEntity, isFileDimension, keyColumn, mainInput, recordValue } from '../../activities/working-table';
import { linkPairsSql } from '../../activities/link-path';
import type { ChangeDimensionConfig } from '../../activities/change-dimension/definition';
import { identityKey } from '../../activities/record-identity';
import type { BuildAudienceConfig } from '../../activities/build-audience/definition';
import type { SplitConfig } from '../../activities/split/definition';
import type { DeduplicationConfig } from '../../activities/deduplication/definition';

/**
 * What the trace of one record asks of each activity while the campaign compiles (the compiler's
 * `probe`): the SQL of each condition of its rules for that one record, written by the same rule
 * compiler and with the same context as the activity's own SQL, so that the trace reads the data
 * exactly as the counts do. Nothing here evaluates a condition itself.
 */

/** A rule whose top-level conditions are compiled one by one, as booleans, for one record. */
export interface RuleProbe {
  title: string;
  combinator: ConditionGroup['combinator'];
  labels: string[];
  /** One row (none when the record is not there): `c0`…`cN` and `rule`, each a boolean. */
  sql: string;
}

export interface ActivityProbe {
  rules: RuleProbe[];
  /**
   * Deduplication: the keys (`other`) of the records that share this record's identifying values,
   * in the output of kept records, which the SQL names `{{port:out}}`.
   */
  duplicates?: { sql: string; criterion: string };
  /**
   * Change dimension: the links its own walk follows, for the records whose keys replace
   * `{{trace:keys}}` (a list of literals): a row per record received (`__from`, `__linked` 0), and
   * a row per record linked to one of them (`__from`, `__linked` 1, `__to`).
   */
  links?: { sql: string; from: string; to: string };
  /** Why the probe could not be written (the trace then says so on the activity). */
  problem?: string;
}

export const outPortPlaceholder = (port: string) => `{{port:${port}}}`;
export const KEYS_PLACEHOLDER = '{{trace:keys}}';

/** The compiler's probe for one record of `dimension` with key `key`, filling `into` by activity id. */
export function traceProbe(dimension: string, key: SqlValue, into: Map<string, ActivityProbe>) {
  return (activity: Activity, config: unknown, ctx: CompileContext): void => {
    try {
      const probe = probeOf(activity.type, config, ctx, dimension, key);
      const links = activity.type === 'change-dimension' ? linksProbe(config as ChangeDimensionConfig, ctx) : undefined;
      if (probe || links) into.set(activity.id, { rules: [], ...probe, ...(links ? { links } : {}) });
    } catch (e) {
      into.set(activity.id, { rules: [], problem: e instanceof Error ? e.message : String(e) });
    }
  };
}

/**
 * The compiler's probe for the records linked to the traced one after a Change dimension: for each
 * activity listed in `targets`, the probe of each of its records (of `dimension`), by key text.
 */
export function linkedProbes(targets: ReadonlyMap<string, { dimension: string; keys: readonly SqlValue[] }>, into: Map<string, Map<string, ActivityProbe>>) {
  return (activity: Activity, config: unknown, ctx: CompileContext): void => {
    const target = targets.get(activity.id);
    if (!target) return;
    const probes = new Map<string, ActivityProbe>();
    for (const key of target.keys) {
      try {
        const probe = probeOf(activity.type, config, ctx, target.dimension, key);
        if (probe) probes.set(String(key), probe);
      } catch (e) {
        probes.set(String(key), { rules: [], problem: e instanceof Error ? e.message : String(e) });
      }
    }
    into.set(activity.id, probes);
  };
}

/** A Change dimension's walk through its links (the same SQL as its output), for a few received records. */
function linksProbe(config: ChangeDimensionConfig, ctx: CompileContext): ActivityProbe['links'] {
  const input = mainInput(ctx, 'Change dimension');
  const start = dimensionEntity(ctx, input, 'Change dimension');
  const k = ctx.sql.ident(start.primaryKey);
  const received = `(SELECT * FROM ${input.relation} WHERE ${k} IN ${KEYS_PLACEHOLDER})`;
  const walk = linkPairsSql(ctx, start, config.path, 'Change dimension', received);
  return {
    // Every received record (`__linked` 0), then each pair the walk reaches (1): no outer join, whose
    // missing side some warehouses fill with default values rather than nulls.
    sql: `SELECT r.${k} AS "__from", 0 AS "__linked", NULL AS "__to" FROM ${received} AS r\nUNION ALL\nSELECT m."__from", 1, m."__to" FROM (${walk.sql}) AS m`,
    from: start.name,
    to: walk.end.name,
  };
}

function probeOf(type: string, config: unknown, ctx: CompileContext, dimension: string, key: SqlValue): ActivityProbe | undefined {
  switch (type) {
    case 'build-audience':
    case 'incremental-query': {
      const c = config as Pick<BuildAudienceConfig, 'targetDimension' | 'rule'> & { source?: string };
      if (c.source === 'audience' || c.targetDimension !== dimension) return undefined;
      const entity = ctx.sql.entity(dimension);
      const from = `FROM ${ctx.sql.table(entity.name)} AS t WHERE t.${ctx.sql.ident(entity.primaryKey)} = ${ctx.sql.literal(key)}`;
      const point = { alias: 't', keyColumn: entity.primaryKey, key };
      return { rules: [ruleProbe('Rule', c.rule, ctx, entity.name, from, undefined, point)] };
    }
    case 'split': {
      const c = config as SplitConfig;
      const input = mainInput(ctx, 'Split');
      if (input.dimension !== dimension) return undefined;
      const entity = ctx.sql.entity(dimension);
      const k = ctx.sql.ident(entity.primaryKey);
      const from = `FROM ${input.relation} AS w JOIN ${ctx.sql.table(entity.name)} AS t ON t.${k} = w.${k} WHERE w.${k} = ${ctx.sql.literal(key)}`;
      const row = { alias: 'w', columns: input.columns };
      const point = { alias: 't', keyColumn: entity.primaryKey, key };
      return { rules: c.subsets.flatMap((s) => (s.filter ? [ruleProbe(`Subset "${s.label}"`, s.filter, ctx, entity.name, from, row, point)] : [])) };
    }
    case 'deduplication':
      return dedupProbe(config as DeduplicationConfig, ctx, dimension, key);
    default:
      return undefined;
  }
}

function ruleProbe(
  title: string,
  rule: ConditionGroup,
  ctx: CompileContext,
  entity: string,
  from: string,
  row: { alias: string; columns: readonly { name: string; type: string }[] } | undefined,
  point: PointRecord,
): RuleProbe {
  // Each top-level condition alone, as a value (exactly true or false), by the activity's own rule
  // compiler; facts over the record's collections are read for its key alone (see PointRecord).
  const one = (c: Condition): ConditionGroup => ({ kind: 'group', id: `${rule.id}-trace`, combinator: 'and', children: [c] });
  const values = rule.children.map((c, i) => `(${ctx.sql.condition(one(c), entity, 't', row, point)}) AS "c${i}"`);
  values.push(`(${ctx.sql.condition(rule, entity, 't', row, point)}) AS "rule"`);
  return { title, combinator: rule.combinator, labels: rule.children.map((c) => conditionLabel(c)), sql: `SELECT ${values.join(', ')}\n${from}` };
}

/** A condition as a person reads it, from the data model's labels. */
export function conditionLabel(c: Condition): string {
  const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join(', ') : v === null || v === undefined ? '' : String(v));
  switch (c.kind) {
    case 'attribute': {
      const bounds = c.operator === 'between' ? `${show(c.value)} and ${show(c.value2)}` : `${show(c.value)}${c.unit && c.value !== undefined ? ` ${c.unit}` : ''}`;
      return `${c.path.join('.')} ${operatorLabel(c.operator)}${bounds.trim() === '' ? '' : ` ${bounds}`}`;
    }
    case 'collection': {
      const path = c.path.join('.');
      if (c.quantifier === 'exists') return `has at least one ${path}${c.where.children.length ? ' matching' : ''}`;
      if (c.quantifier === 'not-exists') return `has no ${path}${c.where.children.length ? ' matching' : ''}`;
      const a = c.aggregate;
      return a ? `${a.fn}${a.field ? ` of ${a.field}` : ''} of ${path} ${a.operator} ${show(a.value)}${a.operator === 'between' ? ` and ${show(a.value2)}` : ''}` : path;
    }
    case 'delivery':
      return `${c.negate ? 'was not' : 'was'} ${c.event} by ${c.activityId}`;
    case 'saved-filter':
      return `saved filter ${c.filterId}`;
    case 'group':
      return `${c.combinator.toUpperCase()} group of ${c.children.length} condition${c.children.length === 1 ? '' : 's'}`;
  }
}

const criteria: Record<DeduplicationConfig['method'], (c: DeduplicationConfig) => string> = {
  random: () => 'a random pick (seeded by the campaign)',
  expression: (c) => `the ${c.expression.order} ${c.expression.field}`,
  'non-empty': (c) => `a non-empty ${c.nonEmptyField}`,
  priority: (c) => `${c.priority.field} in the order ${c.priority.values.join(', ')}`,
};

/** The kept records that share the record's identifying values, read with the activity's own identity SQL. */
function dedupProbe(config: DeduplicationConfig, ctx: CompileContext, dimension: string, key: SqlValue): ActivityProbe | undefined {
  const input = mainInput(ctx, 'Deduplication');
  if (input.dimension !== dimension || isFileDimension(dimension) || !findEntity(ctx.model, dimension)) return undefined;
  const k = ctx.sql.ident(keyColumn(ctx, dimension));
  const ids = config.fields.map((f, i) => recordValue(ctx, input, f, `Duplicate field ${i + 1}`));
  const identity = ids.map((v) => identityKey(v));
  const join = (w: string) => (ids.some((v) => v.usesEntity) ? ` JOIN ${ctx.sql.table(dimension)} AS t ON t.${k} = ${w}.${k}` : '');
  const mine = `SELECT ${identity.map((x, i) => `${x} AS "g${i}"`).join(', ')} FROM ${input.relation} AS w${join('w')} WHERE w.${k} = ${ctx.sql.literal(key)}`;
  const sql =
    `WITH me AS (${mine})\nSELECT w.${k} AS "other" FROM ${outPortPlaceholder('out')} AS w${join('w')}, me\n` +
    `WHERE ${identity.map((x, i) => `${x} IS NOT DISTINCT FROM me."g${i}"`).join(' AND ')} AND w.${k} <> ${ctx.sql.literal(key)}\nORDER BY 1 LIMIT 5`;
  return { rules: [], duplicates: { sql, criterion: criteria[config.method](config) } };
}
