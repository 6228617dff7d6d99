import { idRecord } from '../../domain/ids';
import type { CompileContext, CompiledOutputs, WorkingTableRef } from '../compile-types';
import { CompileError, SHARED_OUTPUT, SHARED_TABLE } from '../compile-types';
import { dimensionEntity, mainInput, recordValue, seededRandom } from '../working-table';
import type { SplitConfig, SplitSubset } from './definition';
import { recordsForPercentSql } from './percent-limit';

/** Name of the column that holds the subset's label when every subset goes to one table. */
export const SEGMENT_COLUMN = 'segment';

/**
 * Ordered subsets of the input.
 *
 * - A subset's *eligible* records are the input records matching its filter (all of them when it
 *   has none) that, with overlap off, no earlier subset took; with overlap on, earlier subsets do
 *   not matter. A percentage limit is a share of the eligible records, rounded down, so that 10 %
 *   of 10 000 is exactly 1 000; an A/B split of 10 000 into halves is 50 % then 100 % (of the rest).
 * - The limit picks records in the subset's order: a sort on a working table column or a field
 *   (ties and empty values last, then by key), or a random order seeded by the campaign's seed.
 * - Complement: input records in no subset. Single table: every subset (and the complement) in one
 *   working table with a `segment` column; with overlap, a record in two subsets has two rows.
 *
 * Which subsets each record falls in is computed once (a shared table), and every output reads it,
 * so the subsets always agree with each other and filters run once.
 */
export function compileSplit(config: SplitConfig, ctx: CompileContext): CompiledOutputs {
  const input = mainInput(ctx, 'Split');
  const entity = dimensionEntity(ctx, input, 'Split');
  const key = ctx.sql.ident(entity.primaryKey);
  const src: string[] = [];
  let usesEntity = false;
  config.subsets.forEach((s, i) => {
    if (s.filter) {
      src.push(`${ctx.sql.condition(s.filter, entity.name, 't', { alias: 'w', columns: input.columns })} AS ${match(i)}`);
      usesEntity = true;
    } else src.push(`TRUE AS ${match(i)}`);
    // The order only matters to pick the records of a limit.
    if (!s.limit) return;
    const order = orderSql(ctx, input, s, `Subset "${s.label}"`);
    usesEntity ||= order.usesEntity;
    src.push(`${order.sql} AS ${rank(i)}`);
  });
  const direction = (s: SplitSubset) => (s.order.mode === 'sort' && s.order.direction === 'desc' ? 'DESC' : 'ASC');
  const ctes = [
    `src AS (\n  SELECT w.${key}, ${src.join(', ')}\n  FROM ${input.relation} AS w${usesEntity ? `\n  JOIN ${ctx.sql.table(entity.name)} AS t ON t.${key} = w.${key}` : ''}\n)`,
  ];
  config.subsets.forEach((s, i) => {
    const taken = !config.overlap && i > 0 ? ` AND ${key} NOT IN (${config.subsets.slice(0, i).map((_, j) => `SELECT ${key} FROM ${subset(j)}`).join(' UNION ALL ')})` : '';
    const limit = limitSql(ctx, s);
    // Without a limit a subset is its eligible records: no ranking (a sort of every record) needed.
    ctes.push(
      limit === undefined
        ? `${subset(i)} AS (\n  SELECT ${key} FROM src WHERE ${match(i)}${taken}\n)`
        : `${subset(i)} AS (\n  SELECT ${key} FROM (\n    SELECT ${key}, row_number() OVER (ORDER BY ${rank(i)} ${direction(s)} NULLS LAST, ${key}) AS n, count(*) OVER () AS eligible\n    FROM src WHERE ${match(i)}${taken}\n  ) WHERE ${limit}\n)`,
    );
  });
  // Which subsets each record falls in is computed once, in a shared table every output reads.
  const assignment = `WITH ${ctes.join(',\n')}\n${config.subsets.map((_, i) => `SELECT ${key}, ${i} AS "__subset" FROM ${subset(i)}`).join('\nUNION ALL\n')}`;
  // Keyed by port, i.e. by subset id: no prototype, so that a subset named `__proto__` is an output too.
  const outputs: CompiledOutputs = idRecord();
  outputs[SHARED_OUTPUT] = { sql: assignment, dimension: input.dimension, columns: [{ name: '__subset', type: 'integer' }] };
  const inSubset = (i: number) => `w.${key} IN (SELECT ${key} FROM ${SHARED_TABLE} WHERE "__subset" = ${i})`;
  const inNone = `w.${key} NOT IN (SELECT ${key} FROM ${SHARED_TABLE})`;

  if (config.singleTable) {
    if (input.columns.some((c) => c.name.toLowerCase() === SEGMENT_COLUMN))
      throw new CompileError(`The working table already has a ${SEGMENT_COLUMN} column; a split into one table would hide it.`);
    const label = `CASE s."__subset" ${config.subsets.map((sub, i) => `WHEN ${i} THEN ${ctx.sql.literal(sub.label)}`).join(' ')} END`;
    const parts = [`SELECT w.*, ${label} AS ${SEGMENT_COLUMN} FROM ${input.relation} AS w JOIN ${SHARED_TABLE} AS s ON s.${key} = w.${key}`];
    if (config.complement) parts.push(`SELECT w.*, ${ctx.sql.literal(config.complementLabel)} AS ${SEGMENT_COLUMN} FROM ${input.relation} AS w WHERE ${inNone}`);
    outputs.out = { sql: parts.join('\nUNION ALL\n'), dimension: input.dimension, columns: [...input.columns, { name: SEGMENT_COLUMN, type: 'string' }] };
    return outputs;
  }
  config.subsets.forEach((s, i) => {
    outputs[s.id] = {
      sql: `SELECT w.* FROM ${input.relation} AS w\nWHERE ${inSubset(i)}`,
      dimension: input.dimension,
      columns: input.columns,
      ...(s.skipEmpty ? { skipWhenEmpty: true } : {}),
    };
  });
  if (config.complement) outputs.complement = { sql: `SELECT w.* FROM ${input.relation} AS w\nWHERE ${inNone}`, dimension: input.dimension, columns: input.columns };
  return outputs;
}

const match = (i: number) => `"__match_${i}"`;
const rank = (i: number) => `"__order_${i}"`;
const subset = (i: number) => `"__subset_${i}"`;

function orderSql(ctx: CompileContext, input: WorkingTableRef, s: SplitSubset, what: string): { sql: string; usesEntity: boolean } {
  if (s.order.mode === 'random') return { sql: seededRandom(ctx, `w.${ctx.sql.ident(ctx.sql.entity(input.dimension).primaryKey)}`), usesEntity: false };
  const v = recordValue(ctx, input, s.order.field, `${what}: the field to sort by`);
  return { sql: v.sql, usesEntity: v.usesEntity };
}

/** The row-number bound of a subset's limit; undefined when it has none. */
function limitSql(ctx: CompileContext, s: SplitSubset): string | undefined {
  if (!s.limit) return undefined;
  const value = s.limit.value;
  if (!Number.isFinite(value) || value < 0) throw new CompileError(`Subset "${s.label}": the limit must be a positive number.`);
  if (s.limit.kind === 'count') {
    if (!Number.isInteger(value)) throw new CompileError(`Subset "${s.label}": a record count must be a whole number.`);
    return `n <= ${ctx.sql.literal(value)}`;
  }
  if (value > 100) throw new CompileError(`Subset "${s.label}": a percentage limit cannot exceed 100.`);
  // Exact integer arithmetic (percent-limit.ts), the same rounding the form shows.
  return `n <= ${recordsForPercentSql('eligible', value, ctx.sql.dialect)}`;
}
