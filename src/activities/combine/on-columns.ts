import type { CompileContext, CompiledOutputs, WorkingTableRef } from '../compile-types';
import { CompileError } from '../compile-types';
import { isFileDimension, keyColumn, recordValue } from '../working-table';
import { identityKey } from '../record-identity';
import type { CombineConfig } from './definition';

/**
 * Combine reconciled on columns: two records are the same when every chosen value is the same by
 * the identity rule (record-identity.ts: text without case and surrounding spaces; an empty value,
 * missing or blank, never matches). Each set reads the values from its own working table columns or its
 * dimension's fields, so sets of different dimensions (or a loaded file) can be intersected with or
 * excluded from the primary set. The result holds primary records, except a union, which adds the
 * records of the other sets (same dimension only) whose values no earlier set has.
 */
export function compileCombineOnColumns(config: CombineConfig, ctx: CompileContext, primary: WorkingTableRef, others: WorkingTableRef[]): CompiledOutputs {
  if (config.columns.length === 0) throw new CompileError('Choose the columns to reconcile on.');
  const sets = [primary, ...others];
  const dimension = primary.dimension;
  if (config.mode === 'union' && others.some((s) => s.dimension !== dimension))
    throw new CompileError(`A union needs sets of one targeting dimension (${dimension}).`);
  const key = ctx.sql.ident(keyColumn(ctx, dimension));
  const values = sets.map((s, i) => config.columns.map((c) => recordValue(ctx, s, c, `Reconcile column ${c} of set ${i + 1}`)));
  // Each column is compared as the type all sets can share (text when any set reads it as text).
  const typesOf = (j: number) => values.map((v) => v[j]!.type);
  const ctes = sets.map((s, i) => {
    const k = ctx.sql.ident(keyColumn(ctx, s.dimension));
    const join = values[i]!.some((v) => v.usesEntity) && !isFileDimension(s.dimension) ? ` JOIN ${ctx.sql.table(s.dimension)} AS t ON t.${k} = w.${k}` : '';
    return `r${i} AS (SELECT w.${k} AS "__key", ${values[i]!.map((v, j) => `${identityKey(v, typesOf(j))} AS "__c${j}"`).join(', ')} FROM ${s.relation} AS w${join})`;
  });
  const withClause = `WITH ${ctes.join(',\n')}`;
  const matches = (a: string, j: number) => `EXISTS (SELECT 1 FROM r${j} AS x WHERE ${config.columns.map((_, c) => `x."__c${c}" = ${a}."__c${c}"`).join(' AND ')})`;
  const otherIdx = others.map((_, i) => i + 1);
  const primaryRows = (keys: string) => `${withClause}\nSELECT p.* FROM ${primary.relation} AS p\nWHERE p.${key} IN (${keys})`;
  const cols = { dimension, columns: primary.columns };
  const empty = { sql: `SELECT ${key} FROM ${primary.relation} WHERE FALSE`, dimension, columns: [] };

  switch (config.mode) {
    case 'intersection': {
      const inAll = (a: string) => (otherIdx.length ? otherIdx.map((j) => matches(a, j)).join(' AND ') : 'TRUE');
      const sameDim = sets.map((s, i) => [s, i] as const).filter(([s]) => s.dimension === dimension);
      const complementKeys = sameDim.map(([, i]) => `SELECT a."__key" AS ${key} FROM r${i} AS a WHERE NOT (${[0, ...otherIdx].map((j) => matches('a', j)).join(' AND ')})`).join('\nUNION\n');
      return {
        out: { sql: primaryRows(`SELECT a."__key" FROM r0 AS a WHERE ${inAll('a')}`), ...cols },
        complement: { sql: `${withClause}\n${complementKeys}`, dimension, columns: [] },
      };
    }
    case 'exclusion': {
      const inAny = otherIdx.length ? otherIdx.map((j) => matches('a', j)).join(' OR ') : 'FALSE';
      return {
        out: { sql: primaryRows(`SELECT a."__key" FROM r0 AS a WHERE NOT (${inAny})`), ...cols },
        complement: { sql: primaryRows(`SELECT a."__key" FROM r0 AS a WHERE ${inAny}`), ...cols },
      };
    }
    case 'union': {
      const added = otherIdx.map((i) => `SELECT a."__key" FROM r${i} AS a WHERE NOT (${Array.from({ length: i }, (_, j) => matches('a', j)).join(' OR ')})`);
      const keys = [`SELECT "__key" FROM r0`, ...added].join('\nUNION\n');
      const sql =
        primary.columns.length === 0
          ? `${withClause}\nSELECT u."__key" AS ${key} FROM (${keys}) AS u`
          : `${withClause}\nSELECT u."__key" AS ${key}, ${primary.columns.map((c) => `p.${ctx.sql.ident(c.name)}`).join(', ')}\nFROM (${keys}) AS u\nLEFT JOIN ${primary.relation} AS p ON p.${key} = u."__key"`;
      return { out: { sql, ...cols }, complement: empty };
    }
  }
}
