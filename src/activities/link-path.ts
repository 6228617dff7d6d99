import { findEntity } from '../domain/data-model';
import type { EntityDef } from '../domain/data-model';
import type { CompileContext } from './compile-types';
import { CompileError } from './compile-types';

/**
 * A walk through links of any cardinality, from the records of one entity to the records of
 * another: `SELECT DISTINCT <start key> AS "__from", <end key> AS "__to"` over the data. Used to
 * change dimension (profiles -> their bookings) and to map an excluded set of another dimension.
 */
export function linkPairsSql(
  ctx: CompileContext,
  start: EntityDef,
  path: readonly string[],
  what: string,
  /** Restricts the walk to the records of this working table (aliased `w`). */
  startRelation?: string,
): { sql: string; end: EntityDef } {
  if (path.length === 0) throw new CompileError(`${what}: choose the links to follow.`);
  let entity = start;
  const pk = ctx.sql.ident(start.primaryKey);
  let from = startRelation ? `${startRelation} AS w JOIN ${ctx.sql.table(start.name)} AS s0 ON s0.${pk} = w.${pk}` : `${ctx.sql.table(start.name)} AS s0`;
  path.forEach((name, i) => {
    const link = entity.links.find((l) => l.name === name);
    if (!link) throw new CompileError(`${what}: ${entity.label || entity.name} has no link ${name}.`);
    const next = findEntity(ctx.model, link.target);
    if (!next) throw new CompileError(`${what}: link ${name} leads to unknown ${link.target}.`);
    const on = link.on.map((p) => `s${i + 1}.${ctx.sql.ident(p.to)} = s${i}.${ctx.sql.ident(p.from)}`).join(' AND ');
    from += ` JOIN ${ctx.sql.table(next.name)} AS s${i + 1} ON ${on}`;
    entity = next;
  });
  const sql = `SELECT DISTINCT s0.${ctx.sql.ident(start.primaryKey)} AS "__from", s${path.length}.${ctx.sql.ident(entity.primaryKey)} AS "__to" FROM ${from}`;
  return { sql, end: entity };
}
