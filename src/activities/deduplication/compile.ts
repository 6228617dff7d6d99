import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError, SHARED_OUTPUT, SHARED_TABLE } from '../compile-types';
import type { RecordValue } from '../working-table';
import { keyColumn, mainInput, recordValue, seededRandom, workingColumns } from '../working-table';
import { identityKey, isEmptyIdentity } from '../record-identity';
import type { DeduplicationConfig } from './definition';

/**
 * Keeps `keep` records per group of duplicates.
 *
 * - Records are duplicates when all their identifying values are equal; text is compared without
 *   case and surrounding spaces (`Ann@X.com ` = `ann@x.com`), and an empty value (missing, or blank
 *   text) equals another empty value.
 * - A record whose identifying values are all empty has no duplicates: it is always kept.
 * - Within a group, records are ranked by the method, then by key so that ties are deterministic:
 *   random (seeded by the campaign's seed), expression (highest or lowest value first, empty last),
 *   non-empty (records with a value in the chosen field first), priority (records whose field holds
 *   the first listed value first, then the second..., unlisted values last; compared as text).
 * - `keep` 0 keeps every duplicate: nothing is removed.
 * - Complement: the removed duplicates.
 */
export function compileDeduplication(config: DeduplicationConfig, ctx: CompileContext): CompiledOutputs {
  const input = mainInput(ctx, 'Deduplication');
  if (config.fields.length === 0) throw new CompileError('Choose at least one field that identifies duplicates.');
  const key = `w.${ctx.sql.ident(keyColumn(ctx, input.dimension))}`;
  const ids = config.fields.map((f, i) => recordValue(ctx, input, f, `Duplicate field ${i + 1}`));
  const order = orderOf(config, ctx, input, key);
  const values = [...ids, ...(order.value ? [order.value] : [])];
  const join = values.some((v) => v.usesEntity)
    ? `\nJOIN ${ctx.sql.table(input.dimension)} AS t ON t.${ctx.sql.ident(keyColumn(ctx, input.dimension))} = ${key}`
    : '';
  // The identity rule makes blank text NULL like a missing value; a PARTITION BY groups NULLs
  // together, which is what a partly empty group of duplicates needs.
  const identity = ids.map((v) => identityKey(v));
  const partition = identity.join(', ');
  const allEmpty = ids.map(isEmptyIdentity).join(' AND ');
  const orderBy = `${order.sql}${order.sql ? ', ' : ''}${key}`;
  // Ranking is computed once, in a shared table that both outputs read.
  const ranked = ids.every((v) => v.usesEntity)
    ? rankedAmongSharedValues(ctx, input, identity, allEmpty, orderBy, join)
    : `SELECT ${workingColumns(ctx, input)}, ${allEmpty} AS "__alone", row_number() OVER (PARTITION BY ${partition} ORDER BY ${orderBy}) AS "__rank"\nFROM ${input.relation} AS w${join}`;
  const kept = config.keep === 0 ? 'TRUE' : `"__alone" OR "__rank" <= ${ctx.sql.literal(config.keep)}`;
  const select = (where: string) => `SELECT ${ctx.sql.dialect.starExcept(['"__alone"', '"__rank"'])} FROM ${SHARED_TABLE}\nWHERE ${where}`;
  const table = { dimension: input.dimension, columns: input.columns };
  return {
    [SHARED_OUTPUT]: { sql: ranked, dimension: input.dimension, columns: [...input.columns, { name: '__alone', type: 'boolean' }, { name: '__rank', type: 'integer' }] },
    out: { sql: select(kept), ...table },
    complement: { sql: select(`NOT (${kept})`), ...table },
  };
}

/**
 * Ranking when the identifying values are fields of the data (not working-table columns): only a
 * record whose values another record of the whole dimension shares can have a duplicate. Those
 * records, with their normalised values, are facts of the data, computed once (see
 * SqlToolkit.facts); the others are kept without ranking, so that a recount ranks a few thousand
 * records instead of partitioning the whole input by text.
 */
function rankedAmongSharedValues(ctx: CompileContext, input: ReturnType<typeof mainInput>, identity: string[], allEmpty: string, orderBy: string, join: string): string {
  const keyName = ctx.sql.ident(keyColumn(ctx, input.dimension));
  const groups = identity.map((_, i) => `"g${i}"`);
  // The values held more than once, by a hash aggregate, then the records holding them: about
  // twice as fast as counting over a window partitioned by text. Empty values (NULL) match.
  const shared = ctx.sql.facts(
    `WITH v AS (\n  SELECT t.${keyName} AS "k", ${identity.map((x, i) => `${x} AS ${groups[i]}`).join(', ')}\n  FROM ${ctx.sql.table(input.dimension)} AS t\n  WHERE NOT (${allEmpty})\n),\n` +
      `held AS (SELECT ${groups.join(', ')} FROM v GROUP BY ALL HAVING count(*) > 1)\n` +
      `SELECT v.* FROM v SEMI JOIN held ON ${groups.map((g) => `v.${g} IS NOT DISTINCT FROM held.${g}`).join(' AND ')}`,
  );
  const withEntity = join || `\nJOIN ${ctx.sql.table(input.dimension)} AS t ON t.${keyName} = w.${keyName}`;
  return [
    `SELECT ${workingColumns(ctx, input)}, TRUE AS "__alone", 1 AS "__rank"\nFROM ${input.relation} AS w\nWHERE w.${keyName} NOT IN (SELECT "k" FROM ${shared})`,
    `SELECT ${workingColumns(ctx, input)}, FALSE AS "__alone", row_number() OVER (PARTITION BY ${groups.map((g) => `d.${g}`).join(', ')} ORDER BY ${orderBy}) AS "__rank"\nFROM ${input.relation} AS w\nJOIN ${shared} AS d ON d."k" = w.${keyName}${withEntity}`,
  ].join('\nUNION ALL\n');
}

function orderOf(config: DeduplicationConfig, ctx: CompileContext, input: ReturnType<typeof mainInput>, key: string): { sql: string; value?: RecordValue } {
  switch (config.method) {
    case 'random':
      return { sql: seededRandom(ctx, key) };
    case 'expression': {
      const v = recordValue(ctx, input, config.expression.field, 'the field whose value decides which record to keep');
      return { sql: `${v.sql} ${config.expression.order === 'highest' ? 'DESC' : 'ASC'} NULLS LAST`, value: v };
    }
    case 'non-empty': {
      const v = recordValue(ctx, input, config.nonEmptyField, 'the field whose non-empty values are preferred');
      return { sql: `CASE WHEN ${isEmptyIdentity(v)} THEN 1 ELSE 0 END`, value: v };
    }
    case 'priority': {
      const v = recordValue(ctx, input, config.priority.field, 'the field of the priority list');
      if (config.priority.values.length === 0) throw new CompileError('List the values in order of priority.');
      const cases = config.priority.values.map((value, i) => `WHEN CAST(${v.sql} AS VARCHAR) = ${ctx.sql.literal(value)} THEN ${i}`).join(' ');
      return { sql: `CASE ${cases} ELSE ${config.priority.values.length} END`, value: v };
    }
  }
}
