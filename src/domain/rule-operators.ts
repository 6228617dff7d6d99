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
  'on-or-after',
  'after',
  'on-or-before',
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
  'on-or-after': 'is on or after',
  after: 'is after',
  'on-or-before': 'is on or before',
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

/**
 * Pairs of opposite operators: a record with a value satisfies exactly one of the two (for the
 * relative dates, a date after today satisfies neither). See docs/query-modeler.md.
 */
export const oppositeOperators: readonly (readonly [AttributeOperator, AttributeOperator])[] = [
  ['equals', 'not-equals'],
  ['in', 'not-in'],
  ['contains', 'not-contains'],
  ['starts-with', 'not-starts-with'],
  ['like', 'not-like'],
  ['before', 'on-or-after'],
  ['after', 'on-or-before'],
  ['lt', 'gte'],
  ['gt', 'lte'],
  ['in-last', 'more-than-ago'],
  ['is-empty', 'is-not-empty'],
  ['is-true', 'is-false'],
];

/** The negative operators: true where their positive is not, records without a value included by default. */
const negativeOperators = new Set<AttributeOperator>(['not-equals', 'not-in', 'not-contains', 'not-starts-with', 'not-like']);
export function isNegative(operator: AttributeOperator): boolean {
  return negativeOperators.has(operator);
}

/** Operators about the value being there or not: records without a value are what they test. */
export function isEmptinessTest(operator: AttributeOperator): boolean {
  return operator === 'is-empty' || operator === 'is-not-empty';
}

/** Whether a condition keeps records without a value: its choice, or by default only the negative operators do. */
export function includesMissing(condition: { operator: AttributeOperator; missing?: 'include' | 'exclude' }): boolean {
  return condition.missing ? condition.missing === 'include' : isNegative(condition.operator);
}

/** Text fields follow the text rule (case and surrounding spaces ignored unless "Match case"). */
export function isTextField(field: Pick<FieldDef, 'type'>): boolean {
  return field.type === 'string' || field.type === 'enum';
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

type Aggregate = NonNullable<CollectionCondition['aggregate']>;

/**
 * Whether an aggregate has a value for every record: a count, a number of different values and a
 * total are 0 without lines; an average, a smallest and a largest have none.
 */
export function aggregateIsZeroWithoutLines(fn: AggregateFunction): boolean {
  return fn === 'count' || fn === 'count-distinct' || fn === 'sum';
}

/**
 * Whether an aggregate condition keeps records without a value (no matching line; for an average,
 * a smallest or a largest, no line with the field): its choice, or by default when 0 passes the
 * comparison (counts and totals) or when the operator is "is not" (the others).
 */
export function aggregateIncludesMissing(agg: Aggregate): boolean {
  if (agg.missing) return agg.missing === 'include';
  if (!aggregateIsZeroWithoutLines(agg.fn)) return agg.operator === 'not-equals';
  const v = agg.value ?? Number.NaN;
  switch (agg.operator) {
    case 'equals':
      return v === 0;
    case 'not-equals':
      return v !== 0;
    case 'lt':
      return 0 < v;
    case 'lte':
      return 0 <= v;
    case 'gt':
      return 0 > v;
    case 'gte':
      return 0 >= v;
    case 'between':
      return (agg.value ?? Number.NaN) <= 0 && 0 <= (agg.value2 ?? Number.NaN);
  }
}
