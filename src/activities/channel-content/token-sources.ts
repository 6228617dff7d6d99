import type { DataModel, EntityDef, FieldDef, LinkDef } from '../../domain/data-model';
import { findEntity, findField } from '../../domain/data-model';
import type { WorkingTableColumn } from '../../domain/rule-columns';

/** What a channel's tokens may read: the inbound records' dimension and columns. */
export interface TokenScope {
  dimension: string;
  columns: readonly WorkingTableColumn[];
}

/** What a token path names, once resolved against the data model and the inbound records. */
export type ResolvedToken =
  | { kind: 'column'; column: WorkingTableColumn }
  | { kind: 'field'; entity: EntityDef; field: FieldDef }
  | { kind: 'link'; entity: EntityDef; link: LinkDef; target: EntityDef; field: FieldDef }
  | { kind: 'builtin'; name: string };

/** A token the insert menu offers. */
export interface TokenSource {
  path: string;
  /** How a person names it: "First name", "Account › Name", "company (column)". */
  label: string;
  kind: ResolvedToken['kind'];
  /** Section of the menu: the dimension, a link, or the inbound columns. */
  group: string;
}

/**
 * Tokens filled by the sending platform rather than from the data, per channel: an email's
 * unsubscribe link is a per-recipient address only the platform knows.
 */
export const builtinTokens: Readonly<Record<string, readonly { name: string; label: string }[]>> = {
  email: [{ name: 'unsubscribe_url', label: 'Unsubscribe link' }],
};

/** Links a token may follow: those that reach exactly one record (many-to-one, one-to-one). */
function singleLinks(entity: EntityDef): LinkDef[] {
  return entity.links.filter((l) => l.cardinality !== 'one-to-many');
}

/**
 * What `path` names: a column of the inbound records, a field of their dimension, a field one
 * many-to-one or one-to-one link away, or a platform token. Columns come first, as an Enrichment
 * column shadows nothing else the records carry. Undefined when it names nothing.
 */
export function resolveToken(model: DataModel, scope: TokenScope, path: string, builtins: readonly string[] = []): ResolvedToken | undefined {
  const parts = path.split('.');
  const entity = findEntity(model, scope.dimension);
  if (parts.length === 1) {
    const column = scope.columns.find((c) => c.name === path);
    if (column) return { kind: 'column', column };
    const field = entity && findField(entity, path);
    if (entity && field) return { kind: 'field', entity, field };
    if (builtins.includes(path)) return { kind: 'builtin', name: path };
    return undefined;
  }
  if (parts.length !== 2 || !entity) return undefined;
  const link = singleLinks(entity).find((l) => l.name === parts[0]);
  const target = link && findEntity(model, link.target);
  const field = target && findField(target, parts[1]!);
  return link && target && field ? { kind: 'link', entity, link, target, field } : undefined;
}

/** Every token a channel on these records may use, for the insert menu, grouped. */
export function tokenSources(model: DataModel, scope: TokenScope, builtins: readonly { name: string; label: string }[] = []): TokenSource[] {
  const entity = findEntity(model, scope.dimension);
  const label = (x: { name: string; label: string }) => x.label || x.name;
  const sources: TokenSource[] = [];
  for (const c of scope.columns) sources.push({ path: c.name, label: c.name, kind: 'column', group: 'Inbound columns' });
  if (entity) {
    const taken = new Set(scope.columns.map((c) => c.name));
    for (const f of entity.fields) if (!taken.has(f.name)) sources.push({ path: f.name, label: label(f), kind: 'field', group: label(entity) });
    for (const l of singleLinks(entity)) {
      const target = findEntity(model, l.target);
      for (const f of target?.fields ?? []) sources.push({ path: `${l.name}.${f.name}`, label: `${label(l)} › ${label(f)}`, kind: 'link', group: label(l) });
    }
  }
  for (const b of builtins) sources.push({ path: b.name, label: b.label, kind: 'builtin', group: 'Sending platform' });
  return sources;
}

/** How a problem names the records' dimension ("Profiles"). */
export function dimensionLabel(model: DataModel, dimension: string): string {
  const e = findEntity(model, dimension);
  return e ? e.label || e.name : dimension;
}
