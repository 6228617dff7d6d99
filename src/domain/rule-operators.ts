import type { FieldDef, FieldType } from './data-model';
import type { AggregateFunction, AttributeOperator, CollectionCondition, DeliveryEvent } from './rule';

/**
 * What the query modeler offers for each field type, and the words it uses. The compiler accepts a
 * few more combinations (text operators on enums, `lt` on dates); the modeler offers the ones a
 * marketer expects for the type so that every choice reads naturally.
 */

const textOperators: readonly AttributeOperator[] = [
  'equals',
  'not-equals',
  'in',
  'not-in',
  'contains',
  'not-contains',
  'starts-with',
  'not-starts-with',
  'like',
  'not-like',
  'is-empty',
  'is-not-empty',
];
const enumOperators: readonly AttributeOperator[] = ['equals', 'not-equals', 'in', 'not-in', 'is-empty', 'is-not-empty'];
const numberOperators: readonly AttributeOperator[] = [
  'equals',
  'not-equals',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
  'not-in',
  'is-empty',
  'is-not-empty',
];
const dateOperators: readonly AttributeOperator[] = [
  'in-last',
  'more-than-ago',
  'this-month',
  'last-month',
  'before',
  'after',
  'equals',
  'not-equals',
  'between',
  'anniversary-within',
  'is-empty',
  'is-not-empty',
];
const booleanOperators: readonly AttributeOperator[] = ['is-true', 'is-false', 'is-empty', 'is-not-empty'];

const operatorsByType: Record<FieldType, readonly AttributeOperator[]> = {
  string: textOperators,
  enum: enumOperators,
  integer: numberOperators,
  decimal: numberOperators,
  date: dateOperators,
  timestamp: dateOperators,
  boolean: booleanOperators,
};

/** Operators offered for a field, most useful first. */
export function operatorsFor(field: Pick<FieldDef, 'type'>): readonly AttributeOperator[] {
  return operatorsByType[field.type] ?? enumOperators;
}

/** True when `operator` makes sense for the field's type. */
export function operatorFits(field: Pick<FieldDef, 'type'>, operator: AttributeOperator): boolean {
  return operatorsFor(field).includes(operator);
}

/** The operator a new condition on this field starts with. */
export function defaultOperator(field: Pick<FieldDef, 'type'>): AttributeOperator {
  return operatorsFor(field)[0]!;
}

const labels: Record<AttributeOperator, string> = {
  equals: 'is',
  'not-equals': 'is not',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  between: 'is between',
  in: 'is one of',
  'not-in': 'is none of',
  'is-empty': 'is empty',
  'is-not-empty': 'is not empty',
  'starts-with': 'starts with',
  'not-starts-with': 'does not start with',
  contains: 'contains',
  'not-contains': 'does not contain',
  like: 'matches pattern',
  'not-like': 'does not match pattern',
  'in-last': 'in the last',
  'more-than-ago': 'more than … ago',
  'this-month': 'this month',
  'last-month': 'last month',
  before: 'is before',
  after: 'is after',
  'anniversary-within': 'anniversary within',
  'is-true': 'is true',
  'is-false': 'is false',
};

/** Words for an operator, e.g. "is not", "in the last". Dates read "is on" rather than "is". */
export function operatorLabel(operator: AttributeOperator, field?: Pick<FieldDef, 'type'>): string {
  const isDate = field?.type === 'date' || field?.type === 'timestamp';
  if (isDate && operator === 'equals') return 'is on';
  if (isDate && operator === 'not-equals') return 'is not on';
  return labels[operator] ?? operator;
}

/**
 * What an operator needs besides the field: nothing, one value, two bounds, a list, a number of
 * days/weeks/months (relative dates), or a number of days (anniversaries).
 */
export type ValueShape = 'none' | 'single' | 'range' | 'list' | 'period' | 'days';

export function valueShape(operator: AttributeOperator): ValueShape {
  switch (operator) {
    case 'is-empty':
    case 'is-not-empty':
    case 'this-month':
    case 'last-month':
    case 'is-true':
    case 'is-false':
      return 'none';
    case 'between':
      return 'range';
    case 'in':
    case 'not-in':
      return 'list';
    case 'in-last':
    case 'more-than-ago':
      return 'period';
    case 'anniversary-within':
      return 'days';
    default:
      return 'single';
  }
}

/** Operators whose value is free text matched inside the field (not one of its values). */
export function isTextMatch(operator: AttributeOperator): boolean {
  return ['starts-with', 'not-starts-with', 'contains', 'not-contains', 'like', 'not-like'].includes(operator);
}

export const aggregateLabels: Record<AggregateFunction, string> = {
  count: 'Number of',
  'count-distinct': 'Number of different',
  sum: 'Total',
  avg: 'Average',
  min: 'Smallest',
  max: 'Largest',
};

/** Operators of an aggregate comparison, with their words. */
export const aggregateOperators: { id: NonNullable<CollectionCondition['aggregate']>['operator']; label: string }[] = [
  { id: 'gte', label: 'is at least' },
  { id: 'gt', label: 'is more than' },
  { id: 'lte', label: 'is at most' },
  { id: 'lt', label: 'is less than' },
  { id: 'equals', label: 'is' },
  { id: 'not-equals', label: 'is not' },
  { id: 'between', label: 'is between' },
];

export const deliveryEventLabels: Record<DeliveryEvent, string> = {
  sent: 'was sent',
  delivered: 'received',
  opened: 'opened',
  clicked: 'clicked in',
  bounced: 'bounced on',
};

/** Numeric field types, the only ones sum, avg, min and max apply to. */
export function isNumeric(field: Pick<FieldDef, 'type'>): boolean {
  return field.type === 'integer' || field.type === 'decimal';
}
