import type { DataModel } from '../domain/data-model';
import type { AttributeCondition } from '../domain/rule';
import { defaultOperator, operatorFits, valueShape } from '../domain/rule-operators';
import { walkPath } from '../domain/rule-paths';

/**
 * The condition on another field. It keeps its operator and values when the new field has the same
 * type; a field of another type starts afresh, since its values would not fit.
 */
export function withPath(model: DataModel, entity: string, condition: AttributeCondition, path: string[]): AttributeCondition {
  const before = walkPath(model, entity, condition.path, 'field');
  const after = walkPath(model, entity, path, 'field');
  const field = after.ok ? after.field : undefined;
  const sameType = field && before.ok && before.field?.type === field.type && operatorFits(field, condition.operator);
  if (sameType) return { ...condition, path };
  const isDate = field?.type === 'date' || field?.type === 'timestamp';
  return { kind: 'attribute', id: condition.id, path, operator: field ? defaultOperator(field) : condition.operator, ...(isDate ? { unit: 'days' as const } : {}) };
}

/** The condition with another operator; values stay when the new operator takes the same shape of value. */
export function withOperator(condition: AttributeCondition, operator: AttributeCondition['operator']): AttributeCondition {
  if (valueShape(operator) === valueShape(condition.operator)) return { ...condition, operator };
  const { value: _v, value2: _v2, ...rest } = condition;
  return { ...rest, operator, ...(valueShape(operator) === 'period' ? { unit: condition.unit ?? 'days' } : {}) };
}
