import type { FieldDef } from '../domain/data-model';

const integer = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `12,345`: counts are exact, so they are shown in full with grouping. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** `12.3%`; shares below a tenth of a percent show as `<0.1%` rather than a misleading `0.0%`. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.001) return '<0.1%';
  return percent.format(share);
}

/** What a missing value looks like everywhere in the explorer. */
export const EMPTY_VALUE = '(empty)';

/** A cell or distribution value as text; enum values carry their label when the model gives one. */
export function formatValue(value: string | number | boolean | null | undefined, field?: FieldDef): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (field?.type === 'enum') {
    const label = field.values.find((v) => v.value === String(value))?.label;
    return label && label !== String(value) ? `${label} (${String(value)})` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (field?.type === 'timestamp' && typeof value === 'string') return value.replace('T', ' ');
  return String(value);
}

/** "Segment" or, without a label, the field's name. */
export function fieldTitle(field: Pick<FieldDef, 'name' | 'label'>): string {
  return field.label || field.name;
}
