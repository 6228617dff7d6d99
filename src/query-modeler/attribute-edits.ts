import type { DataModel } from '../domain/data-model';
import type { AttributeCondition } from '../domain/rule';
import { defaultOperator, operatorFits, valueShape } from '../domain/rule-operators';
import { conditionField, type WorkingTableColumn } from '../domain/rule-columns';

/** What a condition reads: a field of the model by its path, or a column of the inbound working table. */
export interface ConditionTarget {
  path: string[];
  source?: 'column';
}

/**
 * The condition on another field or column. It keeps its operator and values when the new one has
 * the same type; one of another type starts afresh, since its values would not fit.
 */
export function withPath(model: DataModel, entity: string, condition: AttributeCondition, target: ConditionTarget, columns: readonly WorkingTableColumn[] = []): AttributeCondition {
  const { source: _source, ...rest } = condition;
  const moved: AttributeCondition = { ...rest, path: target.path, ...(target.source ? { source: target.source } : {}) };
  const before = conditionField(model, entity, condition, columns);
  const field = conditionField(model, entity, moved, columns);
  const sameType = field && before && before.type === field.type && operatorFits(field, condition.operator);
  if (sameType) return moved;
  const isDate = field?.type === 'date' || field?.type === 'timestamp';
  return { kind: 'attribute', id: condition.id, ...(target.source ? { source: target.source } : {}), path: target.path, operator: field ? defaultOperator(field) : condition.operator, ...(isDate ? { unit: 'days' as const } : {}) };
}

/** The condition with another operator; values stay when the new operator takes the same shape of value. */
export function withOperator(condition: AttributeCondition, operator: AttributeCondition['operator']): AttributeCondition {
  if (valueShape(operator) === valueShape(condition.operator)) return { ...condition, operator };
  const { value: _v, value2: _v2, ...rest } = condition;
  return { ...rest, operator, ...(valueShape(operator) === 'period' ? { unit: condition.unit ?? 'days' } : {}) };
}
