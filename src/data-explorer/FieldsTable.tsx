import { Button } from 'react-aria-components';
import { BarChart3 } from 'lucide-react';
import type { EntityDef, FieldDef } from '../domain/data-model';

/** Enum value lists longer than this fold away, so one field does not push the others off screen. */
const INLINE_VALUES = 6;

function EnumValues({ field }: { field: FieldDef }) {
  if (field.type !== 'enum') return null;
  const list = (
    <ul className="dx-enum-values">
      {field.values.map((v) => (
        <li key={v.value}>
          <code>{v.value}</code>
          {v.label && v.label !== v.value && <span className="dx-muted"> {v.label}</span>}
        </li>
      ))}
    </ul>
  );
  if (field.values.length <= INLINE_VALUES) return list;
  return (
    <details className="dx-enum-details">
      <summary>{field.values.length} values</summary>
      {list}
    </details>
  );
}

/**
 * The fields of an entity: name, label, type and enum values with their labels. Each row offers
 * the distribution of that field's values; the field shown is marked.
 */
export function FieldsTable({ entity, selectedField, onShowDistribution }: { entity: EntityDef; selectedField: string | undefined; onShowDistribution: (field: string) => void }) {
  return (
    <table className="dx-table dx-fields-table" aria-label={`Fields of ${entity.label || entity.name}`}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Label</th>
          <th scope="col">Type</th>
          <th scope="col">Values</th>
          <th scope="col">
            <span className="sr-only">Distribution</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entity.fields.map((f) => {
          const isSelected = f.name === selectedField;
          return (
            <tr key={f.name} className={isSelected ? 'dx-row-selected' : undefined} aria-current={isSelected ? 'true' : undefined}>
              <th scope="row">
                <code>{f.name}</code>
                {f.name === entity.primaryKey && <span className="dx-badge">key</span>}
              </th>
              <td>{f.label || <span className="dx-muted">—</span>}</td>
              <td>
                <span className={`dx-type dx-type-${f.type}`}>{f.type}</span>
              </td>
              <td>
                <EnumValues field={f} />
              </td>
              <td className="dx-cell-action">
                <Button
                  className="cc-button cc-button-quiet cc-button-icon dx-dist-button"
                  aria-label={`Show distribution of ${f.name}`}
                  aria-pressed={isSelected}
                  onPress={() => onShowDistribution(f.name)}
                >
                  <BarChart3 size={16} aria-hidden />
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
