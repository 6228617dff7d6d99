import type { AttributeCondition } from '../domain/rule';
import { defaultOperator, operatorFits, operatorLabel, operatorsFor, valueShape } from '../domain/rule-operators';
import { walkPath } from '../domain/rule-paths';
import { FieldPicker } from './FieldPicker';
import { useModeler } from './modeler-context';
import { ValueEditor } from './ValueEditor';

/** Field, operator and value of an attribute condition. */
export function AttributeEditor({ condition, entity, onChange }: { condition: AttributeCondition; entity: string; onChange: (next: AttributeCondition) => void }) {
  const { model } = useModeler();
  const walked = walkPath(model, entity, condition.path, 'field');
  const field = walked.ok ? walked.field : undefined;

  const setPath = (path: string[]) => {
    const next = walkPath(model, entity, path, 'field');
    const nextField = next.ok ? next.field : undefined;
    const keep = nextField && operatorFits(nextField, condition.operator) && field?.type === nextField.type;
    // A new field of another type starts afresh: its values would not fit.
    onChange(
      keep
        ? { ...condition, path }
        : { kind: 'attribute', id: condition.id, path, operator: nextField ? defaultOperator(nextField) : condition.operator, ...(nextField?.type === 'date' || nextField?.type === 'timestamp' ? { unit: 'days' as const } : {}) },
    );
  };
  const setOperator = (operator: AttributeCondition['operator']) => {
    const sameShape = valueShape(operator) === valueShape(condition.operator);
    if (sameShape) onChange({ ...condition, operator });
    else {
      const { value: _v, value2: _v2, ...rest } = condition;
      onChange({ ...rest, operator, ...(valueShape(operator) === 'period' ? { unit: condition.unit ?? 'days' } : {}) });
    }
  };

  return (
    <div className="qm-attr">
      <FieldPicker model={model} entity={entity} path={condition.path} onChange={setPath} />
      {field && (
        <div className="qm-attr__line">
          <select className="qm-select qm-select--operator" aria-label="Comparison" value={condition.operator} onChange={(e) => setOperator(e.target.value as AttributeCondition['operator'])}>
            {!operatorFits(field, condition.operator) && <option value={condition.operator}>{operatorLabel(condition.operator, field)}</option>}
            {operatorsFor(field).map((op) => (
              <option key={op} value={op}>
                {operatorLabel(op, field)}
              </option>
            ))}
          </select>
          <ValueEditor condition={condition} field={field} entity={entity} onChange={(patch) => onChange({ ...condition, ...patch })} />
        </div>
      )}
    </div>
  );
}
