import type { DataModel } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { resolveToken } from '../../activities/channel-content/token-sources';
import { quoteIdent } from '../sql/quote';

/** The records a channel reads: a working table, its dimension and enrichment columns. */
export interface RecipientSource {
  /** Unquoted working table name. */
  table: string;
  dimension: string;
  columns: readonly { name: string; type: string }[];
}

/** A query for the values of token paths, and the entities it reads (to wait for their loading). */
export interface RecipientValuesQuery {
  sql: string;
  /** The paths it returns, each as a column named by the path (`account.name`). */
  paths: string[];
  tables: string[];
}

/**
 * SELECT of the values `paths` name (see channel-content/token-sources.ts) for the records of
 * `source`, ordered by key, from `offset`, at most `limit` records (all when absent). Fields of
 * the dimension are read from its table, fields one link away through a LEFT JOIN on the link's
 * keys, columns from the working table. Every identifier comes from the data model or the
 * working table's declared columns; paths that name nothing are left out.
 */
export function recipientValuesSql(model: DataModel, dataSchema: string, source: RecipientSource, paths: readonly string[], range: { offset: number; limit?: number }): RecipientValuesQuery {
  const entity = findEntity(model, source.dimension);
  if (!entity) throw new Error(`The records are not of a targeting dimension of the data (${source.dimension}).`);
  const key = quoteIdent(entity.primaryKey);
  const table = (name: string) => `${quoteIdent(dataSchema)}.${quoteIdent(name)}`;
  const selects: string[] = [];
  const joins = new Map<string, string>();
  const kept: string[] = [];
  const tables = new Set<string>([entity.name]);
  for (const path of new Set(paths)) {
    const r = resolveToken(model, { dimension: source.dimension, columns: source.columns }, path);
    if (!r || r.kind === 'builtin') continue;
    let expr: string;
    if (r.kind === 'column') expr = `w.${quoteIdent(r.column.name)}`;
    else if (r.kind === 'field') expr = r.field.name === entity.primaryKey ? `w.${key}` : `e.${quoteIdent(r.field.name)}`;
    else {
      let alias = joins.get(r.link.name);
      if (alias === undefined) {
        alias = `l${joins.size}`;
        joins.set(r.link.name, alias);
        tables.add(r.target.name);
      }
      expr = `${alias}.${quoteIdent(r.field.name)}`;
    }
    selects.push(`${expr} AS ${quoteIdent(path)}`);
    kept.push(path);
  }
  const joinSql = [...joins].map(([linkName, alias]) => {
    const link = entity.links.find((l) => l.name === linkName)!;
    const on = link.on.map((p) => `${alias}.${quoteIdent(p.to)} = e.${quoteIdent(p.from)}`).join(' AND ');
    return `LEFT JOIN ${table(link.target)} AS ${alias} ON ${on}`;
  });
  const offset = Math.max(0, Math.floor(range.offset));
  const limit = range.limit === undefined ? '' : `\nLIMIT ${Math.max(0, Math.floor(range.limit))}`;
  const sql = [
    `SELECT w.${key} AS "__key"${selects.map((s) => `, ${s}`).join('')}`,
    `FROM ${quoteIdent(source.table)} AS w`,
    `LEFT JOIN ${table(entity.name)} AS e ON e.${key} = w.${key}`,
    ...joinSql,
    `ORDER BY w.${key}${limit}\nOFFSET ${offset}`,
  ].join('\n');
  return { sql, paths: kept, tables: [...tables] };
}
