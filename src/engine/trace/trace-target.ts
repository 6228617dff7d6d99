import type { CampaignDoc } from '../../domain/campaign';
import type { DataModel, EntityDef } from '../../domain/data-model';
import { findEntity, findField } from '../../domain/data-model';
import type { SqlValue } from '../../activities/compile-types';
import type { SqlDialect } from '../sql/dialect';

/**
 * Which records a trace follows: the campaign's targeting dimension (that of its first audience),
 * a record's key typed as its field, and the search of a record by key, email or name.
 */

/** Thrown for a trace that cannot be asked (unknown dimension, a key of the wrong type). */
export class TraceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** The dimension asked for, else that of the campaign's first audience, else the model's first dimension. */
export function traceDimension(doc: CampaignDoc, model: DataModel, asked?: string): EntityDef {
  const fromDoc = doc.activities
    .filter((a) => !a.disabled && (a.type === 'build-audience' || a.type === 'incremental-query'))
    .map((a) => (a.config as { targetDimension?: unknown }).targetDimension)
    .find((d): d is string => typeof d === 'string');
  const name = asked ?? fromDoc ?? model.dimensions[0]?.entity ?? model.entities[0]?.name;
  const entity = name === undefined ? undefined : findEntity(model, name);
  if (!entity) throw new TraceInputError(`The data has no ${name ?? 'targeting dimension'} to trace a record of.`);
  return entity;
}

/** A key typed by a person, as a value of the primary key's type. */
export function keyValue(entity: EntityDef, key: string): SqlValue {
  const text = key.trim();
  if (text === '') throw new TraceInputError(`Type the key of a record of ${entity.name}.`);
  const type = findField(entity, entity.primaryKey)?.type;
  if (type === 'integer' || type === 'decimal') {
    const n = Number(text);
    if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) throw new TraceInputError(`"${key}" is not a key of ${entity.name}: its ${entity.primaryKey} is a number.`);
    return n;
  }
  return text;
}

/**
 * The SELECT of at most `limit` records whose key is `text`, or whose text display fields (email,
 * name...) contain it, ignoring case. The text is bound as a literal.
 */
export function searchSql(d: SqlDialect, entity: EntityDef, table: string, text: string, limit: number): string {
  const k = d.ident(entity.primaryKey);
  const textual = entity.displayFields
    .map((f) => findField(entity, f))
    .filter((f) => f !== undefined && f.name !== entity.primaryKey && (f.type === 'string' || f.type === 'enum'))
    .map((f) => d.ident(f!.name));
  const needle = d.literal(text.trim().toLowerCase());
  const exact = `CAST(${k} AS VARCHAR) = ${d.literal(text.trim())}`;
  const where = [exact];
  if (textual.length > 0) where.push(d.containsText(`lower(${d.joinTexts(' ', textual)})`, needle));
  const display = entity.displayFields.filter((f) => f !== entity.primaryKey).map((f) => d.ident(f));
  return `SELECT ${[k, ...display].join(', ')} FROM ${table}\nWHERE ${where.join(' OR ')}\nORDER BY (${exact}) DESC, ${k}\nLIMIT ${Math.max(1, Math.min(50, Math.floor(limit)))}`;
}
