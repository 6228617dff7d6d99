import { findEntity } from './data-model';
import type { DataModel, EntityDef, FieldDef, LinkDef } from './data-model';

/**
 * Walking the data model's links the way the query modeler does: attributes are reached through
 * to-one links (one-to-one, many-to-one: "purchase -> product -> category"); collections are
 * one-to-many links, at the end of a to-one path. Messages are written for marketers.
 */

/** The display name of an entity, field or link. */
export function labelOf(thing: { name: string; label?: string }): string {
  return thing.label && thing.label.trim() !== '' ? thing.label : thing.name;
}

/** Links that lead to one record: attributes may be read through them. */
export function toOneLinks(entity: EntityDef): LinkDef[] {
  return entity.links.filter((l) => l.cardinality !== 'one-to-many');
}

/** Links that lead to many records: exists / aggregate conditions. */
export function collectionLinks(entity: EntityDef): LinkDef[] {
  return entity.links.filter((l) => l.cardinality === 'one-to-many');
}

/** A path resolved for the modeler, with the labels of every step. */
export type WalkedPath =
  | { ok: true; entity: EntityDef; field: FieldDef | undefined; link: LinkDef | undefined; labels: string[] }
  | { ok: false; message: string; labels: string[] };

/**
 * Walks `path` from `entityName`. With `ends: 'field'` every element but the last is a to-one link
 * and the last a field; with `ends: 'collection'` every element but the last is a to-one link and
 * the last a one-to-many link. Never throws.
 */
export function walkPath(model: DataModel, entityName: string, path: readonly unknown[], ends: 'field' | 'collection'): WalkedPath {
  const labels: string[] = [];
  let entity = findEntity(model, entityName);
  if (!entity) return { ok: false, message: `The data has no ${entityName}.`, labels };
  if (!Array.isArray(path) || path.length === 0)
    return { ok: false, message: ends === 'field' ? 'Choose a field.' : 'Choose a collection.', labels };
  for (let i = 0; i < path.length - 1; i++) {
    const name = path[i];
    const link = typeof name === 'string' ? entity.links.find((l) => l.name === name) : undefined;
    if (!link) return { ok: false, message: `${labelOf(entity)} have no link “${String(name)}” in this data.`, labels };
    if (link.cardinality === 'one-to-many')
      return { ok: false, message: `${labelOf(link)} is a list of records; use “has ${labelOf(link).toLowerCase()}” instead.`, labels };
    const to = findEntity(model, link.target);
    if (!to) return { ok: false, message: `${labelOf(link)} leads to ${link.target}, which is not in this data.`, labels };
    labels.push(labelOf(link));
    entity = to;
  }
  const last = path[path.length - 1];
  if (ends === 'field') {
    const field = typeof last === 'string' ? entity.fields.find((f) => f.name === last) : undefined;
    if (!field) return { ok: false, message: `${labelOf(entity)} have no field “${String(last)}” in this data.`, labels };
    labels.push(labelOf(field));
    return { ok: true, entity, field, link: undefined, labels };
  }
  const link = typeof last === 'string' ? entity.links.find((l) => l.name === last) : undefined;
  if (!link) return { ok: false, message: `${labelOf(entity)} have no list “${String(last)}” in this data.`, labels };
  if (link.cardinality !== 'one-to-many') return { ok: false, message: `${labelOf(link)} is a single record, not a list.`, labels };
  const target = findEntity(model, link.target);
  if (!target) return { ok: false, message: `${labelOf(link)} leads to ${link.target}, which is not in this data.`, labels };
  labels.push(labelOf(link));
  return { ok: true, entity: target, field: undefined, link, labels };
}

/** One attribute reachable from an entity, for pickers and search. */
export interface AttributeChoice {
  path: string[];
  /** Labels of the links followed, then the field's. */
  labels: string[];
  field: FieldDef;
}

/**
 * Every field of `entityName` and of the records reached through to-one links, up to `depth`
 * links away, never walking back into an entity already on the way (profile -> account -> profile).
 */
export function attributeChoices(model: DataModel, entityName: string, depth = 2): AttributeChoice[] {
  const out: AttributeChoice[] = [];
  const visit = (entity: EntityDef, path: string[], labels: string[], seen: Set<string>) => {
    for (const field of entity.fields) out.push({ path: [...path, field.name], labels: [...labels, labelOf(field)], field });
    if (path.length >= depth) return;
    for (const link of toOneLinks(entity)) {
      const to = findEntity(model, link.target);
      if (!to || seen.has(to.name)) continue;
      visit(to, [...path, link.name], [...labels, labelOf(link)], new Set([...seen, to.name]));
    }
  };
  const root = findEntity(model, entityName);
  if (root) visit(root, [], [], new Set([root.name]));
  return out;
}

/** One collection reachable from an entity (directly, or through a to-one link). */
export interface CollectionChoice {
  path: string[];
  labels: string[];
  link: LinkDef;
  target: EntityDef;
}

/** Collections of `entityName` and of the records its to-one links reach (one link away). */
export function collectionChoices(model: DataModel, entityName: string): CollectionChoice[] {
  const root = findEntity(model, entityName);
  if (!root) return [];
  const out: CollectionChoice[] = [];
  const add = (entity: EntityDef, prefix: string[], labels: string[]) => {
    for (const link of collectionLinks(entity)) {
      const target = findEntity(model, link.target);
      if (target) out.push({ path: [...prefix, link.name], labels: [...labels, labelOf(link)], link, target });
    }
  };
  add(root, [], []);
  for (const link of toOneLinks(root)) {
    const to = findEntity(model, link.target);
    if (to && to.name !== root.name) add(to, [link.name], [labelOf(link)]);
  }
  return out;
}
