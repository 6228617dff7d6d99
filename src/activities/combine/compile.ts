import type { CompileContext, CompiledOutputs, WorkingTableRef } from '../compile-types';
import { CompileError } from '../compile-types';
import type { CombineConfig } from './definition';

/**
 * Union, intersection or exclusion of the inbound sets, reconciled on the dimension's key. The
 * result carries the primary set's enrichment columns (the first set when none is chosen).
 * Complement: for an intersection, the records of the union that are not in every set; for an
 * exclusion, the primary records that were removed; a union leaves nothing out.
 */
export function compileCombine(config: CombineConfig, ctx: CompileContext): CompiledOutputs {
  const sets = ctx.inputs.in ?? [];
  if (sets.length === 0) throw new CompileError('Combine has no inbound set.');
  if (config.reconcile === 'columns') throw new CompileError('Reconciling on columns is not available yet; reconcile on keys.');
  const dimension = sets[0]!.dimension;
  if (sets.some((s) => s.dimension !== dimension)) throw new CompileError('Every inbound set must have the same targeting dimension.');
  const primary = sets.find((s) => s.transitionId === config.primaryTransitionId) ?? sets[0]!;
  const others = sets.filter((s) => s !== primary);
  const key = ctx.sql.ident(ctx.sql.entity(dimension).primaryKey);
  const keysOf = (list: WorkingTableRef[]) => list.map((s) => `SELECT ${key} FROM ${s.relation}`).join('\nUNION\n');
  const inAll = (alias: string) => others.map((s) => `${alias}.${key} IN (SELECT ${key} FROM ${s.relation})`).join(' AND ');
  const keyOnly = { dimension, columns: [] };
  const withPrimaryColumns = { dimension, columns: primary.columns };

  let out: string;
  let complement: string;
  switch (config.mode) {
    case 'union': {
      const union = keysOf(sets);
      out =
        primary.columns.length === 0
          ? union
          : `SELECT u.${key}, ${primary.columns.map((c) => `p.${ctx.sql.ident(c.name)}`).join(', ')}\nFROM (${union}) AS u\nLEFT JOIN ${primary.relation} AS p ON p.${key} = u.${key}`;
      complement = `SELECT ${key} FROM ${primary.relation} WHERE FALSE`;
      return { out: { sql: out, ...withPrimaryColumns }, complement: { sql: complement, ...keyOnly } };
    }
    case 'intersection':
      out = others.length === 0 ? `SELECT * FROM ${primary.relation}` : `SELECT p.* FROM ${primary.relation} AS p\nWHERE ${inAll('p')}`;
      complement =
        others.length === 0
          ? `SELECT ${key} FROM ${primary.relation} WHERE FALSE`
          : `SELECT u.${key} FROM (${keysOf(sets)}) AS u\nWHERE NOT (${inAll('u')} AND u.${key} IN (SELECT ${key} FROM ${primary.relation}))`;
      return { out: { sql: out, ...withPrimaryColumns }, complement: { sql: complement, ...keyOnly } };
    case 'exclusion': {
      const removed = others.length === 0 ? 'FALSE' : `p.${key} IN (${keysOf(others)})`;
      out = `SELECT p.* FROM ${primary.relation} AS p\nWHERE NOT (${removed})`;
      complement = `SELECT p.* FROM ${primary.relation} AS p\nWHERE ${removed}`;
      return { out: { sql: out, ...withPrimaryColumns }, complement: { sql: complement, ...withPrimaryColumns } };
    }
  }
}
