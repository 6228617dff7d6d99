import type { AttributeCondition } from '../domain/rule';
import { operatorFits, operatorLabel, operatorsFor } from '../domain/rule-operators';
import { conditionField } from '../domain/rule-columns';
import { withOperator } from './attribute-edits';
import { useModeler } from './modeler-context';
import { ValueEditor } from './ValueEditor';
import { AttributeOptions } from './ConditionOptions';

/** Operator and value of an attribute condition (its field is chosen in the condition's head). */
export function AttributeEditor({
  condition,
  entity,
  onChange,
}: {
  condition: AttributeCondition;
  entity: string;
  onChange: (next: AttributeCondition) => void;
}) {
  const { model, columns } = useModeler();
  const field = conditionField(model, entity, condition, columns);
  if (!field) return null;
  return (
    <div className="qm-attr">
      <div className="qm-attr__line">
        <select
          className="qm-select qm-select--operator"
          aria-label="Comparison"
          value={condition.operator}
          onChange={(e) =>
            onChange(withOperator(condition, e.target.value as AttributeCondition['operator']))
          }
        >
          {!operatorFits(field, condition.operator) && (
            <option value={condition.operator}>{operatorLabel(condition.operator, field)}</option>
          )}
          {operatorsFor(field).map((op) => (
            <option key={op} value={op}>
              {operatorLabel(op, field)}
            </option>
          ))}
        </select>
        <ValueEditor
          condition={condition}
          field={field}
          entity={entity}
          onChange={(patch) => onChange({ ...condition, ...patch })}
        />
      </div>
      <AttributeOptions condition={condition} field={field} entity={entity} onChange={onChange} />
    </div>
  );
}
