import type { EntityDef, FieldType } from '../domain/data-model';
import { resolvePath } from '../domain/data-model';
import type { CompileContext, WorkingTableRef } from './compile-types';
import { CompileError } from './compile-types';
import { seededNumber } from '../engine/sql/dialect';

/**
 * Helpers shared by the targeting activities that read a working table: its key, its columns,
 * the fields of its dimension, a seeded random order.
 */

/** Dimension of a loaded file's working table: not an entity of the data model. */
export const FILE_DIMENSION_PREFIX = 'file:';
/** Key column of a loaded file's working table: the line number in the file (1 = first data line). */
export const FILE_KEY_COLUMN = 'line';

/** True when the working table comes from a loaded file rather than a dimension of the model. */
export function isFileDimension(dimension: string): boolean {
  return dimension.startsWith(FILE_DIMENSION_PREFIX);
}

/** Name of the key column of a working table over `dimension`. */
export function keyColumn(ctx: CompileContext, dimension: string): string {
  return isFileDimension(dimension) ? FILE_KEY_COLUMN : ctx.sql.entity(dimension).primaryKey;
}

/** The entity of a working table, refusing a loaded file (which must be reconciled first). */
export function dimensionEntity(ctx: CompileContext, input: WorkingTableRef, activity: string): EntityDef {
  if (isFileDimension(input.dimension))
    throw new CompileError(`${activity} needs records of a targeting dimension; map the file onto one with a Reconciliation first.`);
  return ctx.sql.entity(input.dimension);
}

/** The single main input of an activity, or a CompileError naming it. */
export function mainInput(ctx: CompileContext, activity: string, port = 'in'): WorkingTableRef {
  const input = ctx.inputs[port]?.[0];
  if (!input) throw new CompileError(`${activity} has no input.`);
  return input;
}

/** A value read per record: SQL over the working table (alias `w`) and the dimension's row (alias `t`). */
export interface RecordValue {
  sql: string;
  type: FieldType | string;
  /** The expression reads the dimension's row `t`, so the working table must be joined to it. */
  usesEntity: boolean;
}

/**
 * Resolves a name typed in a setting to a per-record value: a column of the working table
 * (enrichment columns first, since they were added on purpose), else a field of the dimension,
 * else a dotted path through one-to-one / many-to-one links (`account.tier`).
 */
export function recordValue(ctx: CompileContext, input: WorkingTableRef, name: string, what: string): RecordValue {
  if (name.trim() === '') throw new CompileError(`Choose ${what}.`);
  const column = input.columns.find((c) => c.name === name);
  if (column) return { sql: `w.${ctx.sql.ident(column.name)}`, type: column.type, usesEntity: false };
  if (isFileDimension(input.dimension)) {
    if (name === FILE_KEY_COLUMN) return { sql: `w.${ctx.sql.ident(FILE_KEY_COLUMN)}`, type: 'integer', usesEntity: false };
    throw new CompileError(`${what}: the file has no column ${name}.`);
  }
  const path = name.split('.');
  const resolved = resolvePath(ctx.model, input.dimension, path, 'field');
  if (!resolved.ok) throw new CompileError(`${what}: ${name} is neither a column of the working table nor a field (${resolved.message}).`);
  if (resolved.steps.length === 0) return { sql: `t.${ctx.sql.ident(resolved.field!.name)}`, type: resolved.field!.type, usesEntity: true };
  // A to-one path: the same scalar lookup the rule compiler uses, through an attribute condition
  // would be overkill; a correlated LIMIT 1 sub-query is what DuckDB turns into a join.
  let from = `${ctx.sql.table(resolved.steps[0]!.to.name)} AS l1`;
  resolved.steps.slice(1).forEach((s, i) => {
    const on = s.link.on.map((p) => `l${i + 2}.${ctx.sql.ident(p.to)} = l${i + 1}.${ctx.sql.ident(p.from)}`).join(' AND ');
    from += ` JOIN ${ctx.sql.table(s.to.name)} AS l${i + 2} ON ${on}`;
  });
  const where = resolved.steps[0]!.link.on.map((p) => `l1.${ctx.sql.ident(p.to)} = t.${ctx.sql.ident(p.from)}`).join(' AND ');
  return {
    sql: ctx.sql.dialect.firstOf(`l${resolved.steps.length}.${ctx.sql.ident(resolved.field!.name)}`, from, where),
    type: resolved.field!.type,
    usesEntity: true,
  };
}

/**
 * Every column of a working table aliased `alias`, named one by one: the key, then its columns.
 * `alias.*` says the same where the working table is joined to one other table, but past that
 * ClickHouse names its columns `alias.column` (hence the aliases), which a query reading the
 * result cannot find.
 */
export function workingColumns(ctx: CompileContext, input: WorkingTableRef, alias = 'w'): string {
  return [keyColumn(ctx, input.dimension), ...input.columns.map((c) => c.name)].map((c) => `${alias}.${ctx.sql.ident(c)} AS ${ctx.sql.ident(c)}`).join(', ');
}

/**
 * A deterministic pseudo-random order of records: a number read from the md5 of the key and the
 * campaign's seed (`<key>|<seed>`). md5 gives the same digits on every SQL engine (DuckDB in the
 * browser or on a server, ClickHouse), so the same seed picks the same records everywhere.
 */
export function seededRandom(ctx: CompileContext, keySql: string): string {
  return seededNumber(ctx.sql.dialect, keySql, ctx.seed);
}

/** An output column name chosen by a user: a plain identifier that does not clash with the key or another column. */
export function checkAlias(alias: string, taken: Set<string>, what: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(alias)) throw new CompileError(`${what}: "${alias}" is not a valid column name (letters, digits, underscores).`);
  if (taken.has(alias.toLowerCase())) throw new CompileError(`${what}: the working table already has a column ${alias}.`);
  taken.add(alias.toLowerCase());
  return alias;
}
