import type { DataModel } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { attributeChoices, labelOf } from '../../domain/rule-paths';
import { isFileDimension } from '../../activities/working-table';
import type { SelectOption } from './SelectField';

/**
 * The values a setting can read per record, in the order the engine resolves a name: columns of
 * the working table (enrichment columns, a file's columns), then fields of the dimension, then
 * dotted paths through one-to-one / many-to-one links (`account.company`). Columns that are just
 * the dimension's own fields (the preview shows some) are listed once, as fields.
 */
export function recordValueOptions(model: DataModel | undefined, dimension: string | undefined, columns: readonly { name: string }[], options: { depth?: number; types?: readonly string[] } = {}): SelectOption[] {
  const entity = model && dimension && !isFileDimension(dimension) ? findEntity(model, dimension) : undefined;
  const fieldNames = new Set(entity?.fields.map((f) => f.name) ?? []);
  const out: SelectOption[] = columns.filter((c) => !fieldNames.has(c.name)).map((c) => ({ value: c.name, label: c.name, group: 'Columns of the working table' }));
  if (!model || !entity) return out;
  for (const c of attributeChoices(model, entity.name, options.depth ?? 2)) {
    if (options.types && !options.types.includes(c.field.type)) continue;
    const through = c.labels.slice(0, -1);
    out.push({
      value: c.path.join('.'),
      label: through.length === 0 ? labelOf(c.field) : c.labels.join(' › '),
      group: through.length === 0 ? `${labelOf(entity)} fields` : `Through ${through.join(' › ')}`,
    });
  }
  return out;
}
