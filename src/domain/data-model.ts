import { z } from 'zod';
import { csvDelimiters } from './csv-delimiter';

/**
 * The declarative data model: which entities (tables) exist, their typed fields, how they link to
 * each other and which of them can be targeted. Every SQL identifier the engine writes comes from
 * here, so names are restricted to plain identifiers. See docs/data-model.md.
 */

/** Plain SQL-safe identifier: letters, digits and underscores, not starting with a digit. */
const identifierSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'use letters, digits and underscores, starting with a letter');

export const fieldTypes = ['string', 'integer', 'decimal', 'boolean', 'date', 'timestamp', 'enum'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const enumValueSchema = z.object({ value: z.string(), label: z.string() });
export type EnumValue = z.infer<typeof enumValueSchema>;

export const fieldSchema = z
  .object({
    name: identifierSchema,
    label: z.string().default(''),
    type: z.enum(fieldTypes),
    /** Allowed values of an `enum` field, with their display labels. */
    values: z.array(enumValueSchema).default([]),
    description: z.string().default(''),
  })
  .refine((f) => f.type !== 'enum' || f.values.length > 0, { message: 'an enum field needs values' });
export type FieldDef = z.infer<typeof fieldSchema>;

export const linkCardinalities = ['one-to-one', 'many-to-one', 'one-to-many'] as const;
export type LinkCardinality = (typeof linkCardinalities)[number];

export const linkSchema = z.object({
  name: identifierSchema,
  label: z.string().default(''),
  /** Entity at the other end. */
  target: identifierSchema,
  cardinality: z.enum(linkCardinalities),
  /** Join keys: `from` is a field of this entity, `to` a field of the target. All pairs must match. */
  on: z.array(z.object({ from: identifierSchema, to: identifierSchema })).min(1),
});
export type LinkDef = z.infer<typeof linkSchema>;

export const entitySchema = z.object({
  name: identifierSchema,
  label: z.string().default(''),
  primaryKey: identifierSchema,
  fields: z.array(fieldSchema).min(1),
  links: z.array(linkSchema).default([]),
  /** Fields shown beside the key in previews and pickers, in that order. */
  displayFields: z.array(identifierSchema).default([]),
  /** Delimiter of the entity's CSV file; detected from its first records when absent (`,` by default). */
  delimiter: z.enum(csvDelimiters).optional(),
});
export type EntityDef = z.infer<typeof entitySchema>;

export const channels = ['email', 'sms', 'push', 'directMail'] as const;
export type Channel = (typeof channels)[number];

export const targetingDimensionSchema = z.object({
  /** Entity whose records flow through a campaign; its primary key is the working table's key. */
  entity: identifierSchema,
  label: z.string().default(''),
  /** Address fields per channel (fields of the entity). */
  addresses: z
    .object({
      email: identifierSchema.optional(),
      phone: identifierSchema.optional(),
      pushToken: identifierSchema.optional(),
      /** Postal address lines, in print order. */
      postal: z.array(identifierSchema).optional(),
    })
    .default({}),
  /** Boolean consent (opt-in) field per channel. */
  consents: z
    .object({
      email: identifierSchema.optional(),
      sms: identifierSchema.optional(),
      push: identifierSchema.optional(),
      directMail: identifierSchema.optional(),
    })
    .default({}),
});
export type TargetingDimension = z.infer<typeof targetingDimensionSchema>;

/**
 * The dataset's denylist: addresses no marketing message may go to, whatever their consent. `channel`
 * names the field holding the channel an entry applies to (`email`, `sms`, `push`, `direct-mail`);
 * an entry without a channel applies to every channel. Optional: a model without it has no denylist.
 */
export const denylistSchema = z.object({
  entity: identifierSchema,
  address: identifierSchema,
  channel: identifierSchema.optional(),
});
export type DenylistDef = z.infer<typeof denylistSchema>;

export const dataModelSchema = z
  .object({
    name: z.string().min(1),
    /**
     * The dataset's "today", ISO `YYYY-MM-DD`. Relative date conditions ("in the last 30 days")
     * are computed from it, so that counts do not drift from one day to the next and Node and the
     * browser agree.
     */
    referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
    entities: z.array(entitySchema).min(1),
    dimensions: z.array(targetingDimensionSchema).default([]),
    denylist: denylistSchema.optional(),
  })
  .superRefine((m, ctx) => {
    for (const issue of checkModelReferences(m)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
export type DataModel = z.infer<typeof dataModelSchema>;

/** Cross-reference checks zod cannot express field by field: keys, link ends, dimension fields. */
function checkModelReferences(m: Pick<DataModel, 'entities' | 'dimensions' | 'denylist'>): { message: string; path: (string | number)[] }[] {
  const issues: { message: string; path: (string | number)[] }[] = [];
  const byName = new Map(m.entities.map((e) => [e.name, e]));
  sameNames(m.entities, (n) => `entity ${n}`, ['entities'], issues);
  m.entities.forEach((e, i) => {
    const fields = new Set(e.fields.map((f) => f.name));
    sameNames(e.fields, (n) => `field ${n} of ${e.name}`, ['entities', i, 'fields'], issues);
    sameNames(e.links, (n) => `link ${e.name}.${n}`, ['entities', i, 'links'], issues);
    if (!fields.has(e.primaryKey)) issues.push({ message: `primary key ${e.primaryKey} is not a field of ${e.name}`, path: ['entities', i, 'primaryKey'] });
    e.displayFields.forEach((d, k) => {
      if (!fields.has(d)) issues.push({ message: `display field ${d} is not a field of ${e.name}`, path: ['entities', i, 'displayFields', k] });
    });
    e.links.forEach((l, j) => {
      const target = byName.get(l.target);
      if (!target) {
        issues.push({ message: `link ${e.name}.${l.name} targets unknown entity ${l.target}`, path: ['entities', i, 'links', j, 'target'] });
        return;
      }
      const targetFields = new Set(target.fields.map((f) => f.name));
      for (const pair of l.on) {
        if (!fields.has(pair.from)) issues.push({ message: `link ${e.name}.${l.name}: ${pair.from} is not a field of ${e.name}`, path: ['entities', i, 'links', j, 'on'] });
        if (!targetFields.has(pair.to)) issues.push({ message: `link ${e.name}.${l.name}: ${pair.to} is not a field of ${l.target}`, path: ['entities', i, 'links', j, 'on'] });
      }
      const field = e.fields.find((f) => f.name.toLowerCase() === l.name.toLowerCase());
      if (field) issues.push({ message: `link ${e.name}.${l.name} has the name of field ${field.name}${field.name === l.name ? '' : ' (names are compared without case)'}`, path: ['entities', i, 'links', j, 'name'] });
    });
  });
  m.dimensions.forEach((d, i) => {
    const e = byName.get(d.entity);
    if (!e) {
      issues.push({ message: `targeting dimension ${d.entity} is not an entity`, path: ['dimensions', i, 'entity'] });
      return;
    }
    const fields = new Set(e.fields.map((f) => f.name));
    const named = [
      ...Object.values(d.consents),
      d.addresses.email,
      d.addresses.phone,
      d.addresses.pushToken,
      ...(d.addresses.postal ?? []),
    ].filter((f): f is string => f !== undefined);
    for (const f of named) if (!fields.has(f)) issues.push({ message: `dimension ${d.entity}: ${f} is not a field`, path: ['dimensions', i] });
  });
  if (m.denylist) {
    const deny = m.denylist;
    const e = byName.get(deny.entity);
    if (!e) issues.push({ message: `denylist: ${deny.entity} is not an entity`, path: ['denylist', 'entity'] });
    else
      for (const key of ['address', 'channel'] as const) {
        const f = deny[key];
        if (f !== undefined && !e.fields.some((x) => x.name === f)) issues.push({ message: `denylist: ${f} is not a field of ${e.name}`, path: ['denylist', key] });
      }
  }
  return issues;
}

/**
 * Names must differ by more than case: DuckDB matches identifiers without case, even quoted, so
 * `id` and `ID` would be one column and `orders` and `Orders` one table. Each later name that
 * repeats an earlier one is a problem at its own path, naming the first.
 */
function sameNames(items: readonly { name: string }[], what: (name: string) => string, path: (string | number)[], issues: { message: string; path: (string | number)[] }[]): void {
  const first = new Map<string, string>();
  items.forEach((item, k) => {
    const key = item.name.toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, item.name);
    else
      issues.push({
        message: earlier === item.name ? `${what(item.name)} appears twice` : `${what(item.name)} has the same name as ${earlier} (names are compared without case)`,
        path: [...path, k, 'name'],
      });
  });
}

/** The entity called `name`, if any. */
export function findEntity(model: DataModel, name: string): EntityDef | undefined {
  return model.entities.find((e) => e.name === name);
}

/** The field of `entity` called `name`, if any. */
export function findField(entity: EntityDef, name: string): FieldDef | undefined {
  return entity.fields.find((f) => f.name === name);
}

/** The targeting dimension over `entity`, if that entity is targetable. */
export function findDimension(model: DataModel, entity: string): TargetingDimension | undefined {
  return model.dimensions.find((d) => d.entity === entity);
}

/** One step of a resolved path: the link followed, from which entity, to which entity. */
export interface LinkStep {
  link: LinkDef;
  from: EntityDef;
  to: EntityDef;
}

/** A path resolved against the model: links walked, then (for attributes) the field reached. */
export type ResolvedPath =
  | { ok: true; steps: LinkStep[]; entity: EntityDef; field: FieldDef | undefined }
  | { ok: false; message: string };

/**
 * Walks `path` from `entityName`: every element but the last is a link; the last is a field when
 * `ends` is `'field'`, or a link when it is `'link'`. To-one paths (one-to-one, many-to-one) are the
 * only ones allowed before the end; a one-to-many collection may only be the final link.
 */
export function resolvePath(model: DataModel, entityName: string, path: readonly string[], ends: 'field' | 'link'): ResolvedPath {
  let entity = findEntity(model, entityName);
  if (!entity) return { ok: false, message: `unknown entity ${entityName}` };
  if (path.length === 0) return { ok: false, message: 'empty path' };
  const steps: LinkStep[] = [];
  const linkCount = ends === 'field' ? path.length - 1 : path.length;
  for (let i = 0; i < linkCount; i++) {
    const name = path[i]!;
    const link = entity.links.find((l) => l.name === name);
    if (!link) return { ok: false, message: `${entity.name} has no link ${name}` };
    const isLast = i === linkCount - 1;
    if (link.cardinality === 'one-to-many' && !(ends === 'link' && isLast))
      return { ok: false, message: `${entity.name}.${name} is a collection; use a collection condition` };
    const to = findEntity(model, link.target);
    if (!to) return { ok: false, message: `link ${entity.name}.${name} targets unknown entity ${link.target}` };
    steps.push({ link, from: entity, to });
    entity = to;
  }
  if (ends === 'link') return { ok: true, steps, entity, field: undefined };
  const fieldName = path[path.length - 1]!;
  const field = findField(entity, fieldName);
  if (!field) return { ok: false, message: `${entity.name} has no field ${fieldName}` };
  return { ok: true, steps, entity, field };
}

/** Parses and checks a data model read from JSON; errors carry a dotted path. */
export function parseDataModel(input: unknown): { ok: true; model: DataModel } | { ok: false; errors: { path: string; message: string }[] } {
  const r = dataModelSchema.safeParse(input);
  if (r.success) return { ok: true, model: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}
