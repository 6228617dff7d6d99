import { resolvePath } from '../../domain/data-model';
import type { LinkStep } from '../../domain/data-model';
import type { CompileContext, CompiledOutputs, WorkingTableRef } from '../compile-types';
import { CompileError } from '../compile-types';
import { checkAlias, dimensionEntity, keyColumn, mainInput, recordValue, workingColumns } from '../working-table';
import type { EnrichmentConfig } from './definition';
import { collectionSql } from './collection';
import { joinRuleSql } from '../join-rule-sql';

type Column = { name: string; type: string };

/** What one enrichment adds to the query: columns of `base`, CTEs, joins and output columns. */
export interface EnrichmentParts {
  /**
   * Expressions computed per record in `base` (over `w`, `t` and the to-one joins), `expr AS name`;
   * helper columns are named `__...` and left out of the result, which lists its columns.
   */
  baseColumns: string[];
  /** LEFT JOINs added to `base`'s FROM (to-one links). */
  baseJoins: string[];
  /** Common table expressions computed once over the whole working table. */
  ctes: string[];
  /** LEFT JOINs of the final SELECT onto `base`. */
  joins: string[];
  /** Expressions of the final SELECT, `expr AS alias`. */
  select: string[];
  /** Columns added to the working table. */
  columns: Column[];
}

/**
 * Adds columns to the working table: attributes of the dimension (own or through to-one links),
 * lines or aggregates of a one-to-many collection, and columns of another inbound working table.
 *
 * The query is `WITH base AS (working table + per-record values), <one CTE per collection or join>
 * SELECT base.*, ... FROM base LEFT JOIN ...`. A collection is filtered and grouped once, over the
 * collection rows of the records in the working table only, then joined back by key: never a
 * sub-query per record, which is what keeps 1M profiles with 3M purchases fast.
 */
export function compileEnrichment(config: EnrichmentConfig, ctx: CompileContext): CompiledOutputs {
  const input = mainInput(ctx, 'Enrichment');
  const key = keyColumn(ctx, input.dimension);
  const taken = new Set([key.toLowerCase(), ...input.columns.map((c) => c.name.toLowerCase())]);
  const parts: EnrichmentParts = { baseColumns: [], baseJoins: [], ctes: [], joins: [], select: [], columns: [] };
  let usesEntity = false;
  let seq = 0;
  const next = () => ++seq;

  for (const a of config.attributes) {
    const entity = dimensionEntity(ctx, input, 'Enrichment');
    const resolved = resolvePath(ctx.model, entity.name, a.path, 'field');
    if (!resolved.ok) throw new CompileError(`Attribute ${a.path.join('.') || '(none)'}: ${resolved.message}`);
    const alias = checkAlias(a.alias, taken, `Attribute ${a.path.join('.')}`);
    const owner = toOneJoins(ctx, resolved.steps, next(), parts);
    parts.baseColumns.push(`${owner}.${ctx.sql.ident(resolved.field!.name)} AS ${ctx.sql.ident(alias)}`);
    parts.select.push(`base.${ctx.sql.ident(alias)}`);
    parts.columns.push({ name: alias, type: resolved.field!.type });
    usesEntity = true;
  }
  for (const c of config.collections) {
    const entity = dimensionEntity(ctx, input, 'Enrichment');
    collectionSql(ctx, entity, c, next(), taken, parts, (steps, n) => toOneJoins(ctx, steps, n, parts));
    usesEntity = true;
  }
  for (const j of config.joins) usesEntity = joinSql(ctx, input, j, next(), taken, parts) || usesEntity;

  const k = ctx.sql.ident(key);
  const from = `${input.relation} AS w${usesEntity ? `\n  JOIN ${ctx.sql.table(input.dimension)} AS t ON t.${k} = w.${k}` : ''}${parts.baseJoins.map((j) => `\n  ${j}`).join('')}`;
  const base = `base AS (\n  SELECT ${workingColumns(ctx, input)}${parts.baseColumns.map((c) => `, ${c}`).join('')}\n  FROM ${from}\n)`;
  const keep = input.columns.map((c) => `base.${ctx.sql.ident(c.name)}`);
  const select = [`base.${k}`, ...keep, ...parts.select];
  return {
    out: {
      sql: `WITH ${[base, ...parts.ctes].join(',\n')}\nSELECT ${select.join(', ')}\nFROM base${parts.joins.map((j) => `\n${j}`).join('')}`,
      dimension: input.dimension,
      columns: [...input.columns, ...parts.columns],
    },
  };
}

/**
 * LEFT JOINs along to-one links from the dimension's row `t`; returns the alias of the last
 * entity reached (`t` itself for an empty path).
 */
function toOneJoins(ctx: CompileContext, steps: LinkStep[], n: number, parts: EnrichmentParts): string {
  let prev = 't';
  steps.forEach((s, i) => {
    const alias = `l${n}_${i}`;
    const on = s.link.on.map((p) => `${alias}.${ctx.sql.ident(p.to)} = ${prev}.${ctx.sql.ident(p.from)}`).join(' AND ');
    parts.baseJoins.push(`LEFT JOIN ${ctx.sql.table(s.to.name)} AS ${alias} ON ${on}`);
    prev = alias;
  });
  return prev;
}

/** A join with another inbound working table; returns whether it reads the dimension's row. */
function joinSql(ctx: CompileContext, input: WorkingTableRef, j: EnrichmentConfig['joins'][number], n: number, taken: Set<string>, parts: EnrichmentParts): boolean {
  const tables = ctx.inputs.join ?? [];
  const other = tables.find((t) => t.transitionId === j.transitionId) ?? (j.transitionId === '' && tables.length === 1 ? tables[0] : undefined);
  if (!other) throw new CompileError('Join: connect the working table to join to the "Tables to join" input and choose it.');
  if (j.mode === 'keys' && j.keys.length === 0) throw new CompileError('Join: choose at least one pair of columns to join on.');
  if (j.columns.length === 0) throw new CompileError('Join: choose the columns to bring.');
  const otherKey = keyColumn(ctx, other.dimension);
  const otherColumn = (name: string, what: string): Column => {
    if (name === otherKey) return { name, type: other.dimension.startsWith('file:') ? 'integer' : (ctx.sql.entity(other.dimension).fields.find((f) => f.name === otherKey)?.type ?? 'integer') };
    const c = other.columns.find((x) => x.name === name);
    if (!c) throw new CompileError(`Join: the joined table has no column ${name} (${what}).`);
    return c;
  };
  let usesEntity = false;
  const cte = `j${n}`;
  const brought = j.columns.map((c) => {
    const col = otherColumn(c.name, 'column to bring');
    const alias = checkAlias(c.alias || c.name, taken, `Join column ${c.name}`);
    parts.columns.push({ name: alias, type: col.type });
    parts.select.push(`${cte}.${ctx.sql.ident(alias)}`);
    return `r.${ctx.sql.ident(col.name)} AS ${ctx.sql.ident(alias)}`;
  });
  // Several matching rows: the first in the chosen order (then the lowest key), or none at all.
  const order = [
    ...(j.sort ? [`r.${ctx.sql.ident(otherColumn(j.sort.column, 'sort column').name)} ${j.sort.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`] : []),
    `r.${ctx.sql.ident(otherKey)}`,
  ].join(', ');
  const keep = `"__n" = 1${j.multiple === 'reject' ? ' AND "__m" = 1' : ''}`;

  if (j.mode === 'rule') {
    // The rule may compare anything (OR, <, folded text): the records are joined to the table's rows
    // once, in a CTE over `base`, and the chosen row is joined back by the record's key.
    const key = ctx.sql.ident(keyColumn(ctx, input.dimension));
    let operands = 0;
    const on = joinRuleSql(j.rule, ctx, {
      labels: { records: 'the records', other: 'the joined table' },
      records: (name, what) => {
        const v = recordValue(ctx, input, name, what);
        usesEntity ||= v.usesEntity;
        const hidden = `"__j${n}_o${operands++}"`;
        parts.baseColumns.push(`${v.sql} AS ${hidden}`);
        return { sql: `b.${hidden}`, type: v.type };
      },
      other: (name, what) => {
        const col = otherColumn(name, what.toLowerCase());
        return { sql: `r.${ctx.sql.ident(col.name)}`, type: col.type };
      },
    });
    parts.ctes.push(
      `${cte} AS (\n  SELECT ${ctx.sql.dialect.starExcept(['"__n"', '"__m"'])} FROM (\n    SELECT b.${key} AS "__key", ${brought.join(', ')}, row_number() OVER (PARTITION BY b.${key} ORDER BY ${order}) AS "__n", count(*) OVER (PARTITION BY b.${key}) AS "__m"\n    FROM base AS b JOIN ${other.relation} AS r ON ${on}\n  ) WHERE ${keep}\n)`,
    );
    parts.joins.push(`LEFT JOIN ${cte} ON ${cte}."__key" = base.${key}`);
    return usesEntity;
  }

  const on: string[] = [];
  const partition: string[] = [];
  j.keys.forEach((pair, i) => {
    const left = recordValue(ctx, input, pair.left, `Join key ${i + 1}`);
    const right = otherColumn(pair.right, `join key ${i + 1}`);
    usesEntity ||= left.usesEntity;
    const hidden = `"__j${n}_k${i}"`;
    // Text from a file and a number of the model compare as text rather than fail to cast.
    const same = left.type === right.type || (isNumber(left.type) && isNumber(right.type));
    parts.baseColumns.push(`${same ? left.sql : `CAST(${left.sql} AS VARCHAR)`} AS ${hidden}`);
    const r = `r.${ctx.sql.ident(right.name)}`;
    partition.push(same ? r : `CAST(${r} AS VARCHAR)`);
    on.push(`${cte}."__k${i}" = base.${hidden}`);
  });
  // A key may match several rows of the joined table: one row per key is kept (or none), so
  // records are never multiplied and the choice is the same at every computation.
  parts.ctes.push(
    `${cte} AS (\n  SELECT ${ctx.sql.dialect.starExcept(['"__n"', '"__m"'])} FROM (\n    SELECT ${partition.map((p, i) => `${p} AS "__k${i}"`).join(', ')}, ${brought.join(', ')}, row_number() OVER (PARTITION BY ${partition.join(', ')} ORDER BY ${order}) AS "__n", count(*) OVER (PARTITION BY ${partition.join(', ')}) AS "__m"\n    FROM ${other.relation} AS r\n  ) WHERE ${keep}\n)`,
  );
  parts.joins.push(`LEFT JOIN ${cte} ON ${on.join(' AND ')}`);
  return usesEntity;
}

const isNumber = (type: string) => type === 'integer' || type === 'decimal';
