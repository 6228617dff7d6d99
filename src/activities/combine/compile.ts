import type { CompileContext, CompiledOutputs, WorkingTableRef } from '../compile-types';
import { CompileError } from '../compile-types';
import { linkPairsSql } from '../link-path';
import { dimensionEntity, keyColumn } from '../working-table';
import type { CombineConfig } from './definition';
import { compileCombineOnColumns } from './on-columns';

/**
 * Union, intersection or exclusion of the inbound sets. The result carries the primary set's
 * enrichment columns (the first set when none is chosen).
 *
 * Complement: for an intersection, the records of the union that are not in every set; for an
 * exclusion, the primary records that were removed; a union leaves nothing out, so its complement
 * is always empty.
 *
 * Sets must share the primary set's dimension, except in an exclusion where an exclusion rule maps
 * a set of another dimension onto the primary one through links, and when reconciling on columns
 * (values are compared, not keys) for an intersection or an exclusion.
 */
export function compileCombine(config: CombineConfig, ctx: CompileContext): CompiledOutputs {
  const sets = takingPart(config, ctx.inputs.in ?? []);
  if (sets.length === 0) throw new CompileError('Combine has no inbound set.');
  const primary = sets.find((s) => s.transitionId === config.primaryTransitionId);
  const connected = (ctx.inputs.in ?? []).some((s) => s.transitionId === config.primaryTransitionId);
  if (!primary && connected) throw new CompileError('The primary set does not take part: tick it, or choose another primary set.');
  // A primary set no longer connected falls back to the first set (validation warns about it), as
  // documents made before the choice of sets expect.
  return compileSets(config, ctx, primary ?? sets[0]!, sets);
}

/**
 * The inbound sets chosen to take part, in transition order. A chosen set that is no longer
 * connected is an error rather than silently nothing: leaving it out would change the result.
 */
export function takingPart(config: Pick<CombineConfig, 'sets'>, inbound: WorkingTableRef[]): WorkingTableRef[] {
  if (!config.sets) return inbound;
  const gone = config.sets.filter((id) => !inbound.some((s) => s.transitionId === id));
  if (gone.length > 0) throw new CompileError(`${gone.length === 1 ? 'A set chosen to take part is' : `${gone.length} sets chosen to take part are`} no longer connected: connect ${gone.length === 1 ? 'it' : 'them'} again or untick ${gone.length === 1 ? 'it' : 'them'}.`);
  return inbound.filter((s) => config.sets!.includes(s.transitionId));
}

function compileSets(config: CombineConfig, ctx: CompileContext, primary: WorkingTableRef, sets: WorkingTableRef[]): CompiledOutputs {
  const others = sets.filter((s) => s !== primary);
  if (config.reconcile === 'columns') return compileCombineOnColumns(config, ctx, primary, others);

  const dimension = primary.dimension;
  const key = ctx.sql.ident(keyColumn(ctx, dimension));
  const mapped = new Map<WorkingTableRef, string>();
  for (const s of others) {
    if (s.dimension === dimension) continue;
    const rule = config.mode === 'exclusion' ? config.exclusionRules.find((r) => r.transitionId === s.transitionId) : undefined;
    if (!rule)
      throw new CompileError(
        config.mode === 'exclusion'
          ? `Every inbound set must have the same targeting dimension (${dimension}); add an exclusion rule that maps ${s.dimension} onto it.`
          : `Every inbound set must have the same targeting dimension (${dimension}), or reconcile on columns.`,
      );
    // Keys of the primary dimension linked to a record of the excluded set.
    const start = dimensionEntity(ctx, primary, 'An exclusion rule');
    const pairs = linkPairsSql(ctx, start, rule.path, 'Exclusion rule');
    if (pairs.end.name !== s.dimension) throw new CompileError(`Exclusion rule: the links lead to ${pairs.end.name}, not to ${s.dimension}.`);
    mapped.set(s, `SELECT m."__from" AS ${key} FROM (${pairs.sql}) AS m WHERE m."__to" IN (SELECT ${ctx.sql.ident(keyColumn(ctx, s.dimension))} FROM ${s.relation})`);
  }
  const keysOfSet = (s: WorkingTableRef) => mapped.get(s) ?? `SELECT ${key} FROM ${s.relation}`;
  const keysOf = (list: WorkingTableRef[]) => list.map(keysOfSet).join('\nUNION\n');
  const inAll = (alias: string) => others.map((s) => `${alias}.${key} IN (${keysOfSet(s)})`).join(' AND ');
  const keyOnly = { dimension, columns: [] };
  const withPrimaryColumns = { dimension, columns: primary.columns };
  const none = `SELECT ${key} FROM ${primary.relation} WHERE FALSE`;

  switch (config.mode) {
    case 'union': {
      const union = keysOf(sets);
      const out =
        primary.columns.length === 0
          ? union
          : `SELECT u.${key}, ${primary.columns.map((c) => `p.${ctx.sql.ident(c.name)}`).join(', ')}\nFROM (${union}) AS u\nLEFT JOIN ${primary.relation} AS p ON p.${key} = u.${key}`;
      return { out: { sql: out, ...withPrimaryColumns }, complement: { sql: none, ...keyOnly } };
    }
    case 'intersection': {
      const out = others.length === 0 ? `SELECT * FROM ${primary.relation}` : `SELECT p.* FROM ${primary.relation} AS p\nWHERE ${inAll('p')}`;
      const complement =
        others.length === 0 ? none : `SELECT u.${key} FROM (${keysOf(sets)}) AS u\nWHERE NOT (${inAll('u')} AND u.${key} IN (SELECT ${key} FROM ${primary.relation}))`;
      return { out: { sql: out, ...withPrimaryColumns }, complement: { sql: complement, ...keyOnly } };
    }
    case 'exclusion': {
      const removed = others.length === 0 ? 'FALSE' : `p.${key} IN (${keysOf(others)})`;
      return {
        out: { sql: `SELECT p.* FROM ${primary.relation} AS p\nWHERE NOT (${removed})`, ...withPrimaryColumns },
        complement: { sql: `SELECT p.* FROM ${primary.relation} AS p\nWHERE ${removed}`, ...withPrimaryColumns },
      };
    }
  }
}
