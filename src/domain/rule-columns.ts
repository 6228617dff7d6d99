import type { DataModel, FieldDef, FieldType } from './data-model';
import { fieldTypes } from './data-model';
import { someCondition, type AttributeCondition, type Condition } from './rule';
import { walkPath } from './rule-paths';

/**
 * Columns of the inbound working table as rules see them. An activity downstream of an Enrichment
 * (or of a Reconciliation carrying a loaded file's columns) may filter on those columns: the rule
 * knows them by name and type from the document, never from free text.
 */
export interface WorkingTableColumn {
  name: string;
  type: string;
}

/**
 * A column as a field, so that operators, value checks and value literals treat it like a field
 * of its type. Enumerations lose their list of values on the way (a column is free text), and an
 * unknown type reads as text.
 */
export function columnField(column: WorkingTableColumn): FieldDef {
  const known = (fieldTypes as readonly string[]).includes(column.type)
    ? (column.type as FieldType)
    : 'string';
  return {
    name: column.name,
    label: column.name,
    type: known === 'enum' ? 'string' : known,
    values: [],
    description: '',
  };
}

/** The message of a condition on a column the inbound working table no longer has. */
export function missingColumnMessage(name: string): string {
  return name.trim() === ''
    ? 'Choose a column.'
    : `The inbound records no longer have a column “${name}”: the activity that added it was removed or changed upstream.`;
}

/** The field an attribute condition reads (a column of `columns`, or a field of the model), if it exists. */
export function conditionField(model: DataModel, entity: string, condition: AttributeCondition, columns: readonly WorkingTableColumn[]): FieldDef | undefined {
  if (condition.source === 'column') {
    const column = columns.find((c) => c.name === condition.path[0]);
    return column ? columnField(column) : undefined;
  }
  const walked = walkPath(model, entity, condition.path, 'field');
  return walked.ok ? walked.field : undefined;
}

/** True when a condition, or one inside it, reads a column of the inbound working table. */
export function readsColumns(condition: Condition): boolean {
  return someCondition(condition, (c) => c.kind === 'attribute' && c.source === 'column');
}

/** Why the rule helpers (Calculate, results, code view) do not evaluate a rule that reads columns. */
export const COLUMNS_COUNTED_ON_CANVAS = 'This reads columns of the inbound records, which exist only in the campaign: its count shows on the transitions.';
